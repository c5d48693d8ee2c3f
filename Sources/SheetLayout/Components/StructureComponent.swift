import SheetCore

/// Host, governance and leadership as a short definition list.
struct StructureComponent: SheetComponent {
    var spec: ComponentSpec

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        let structure = context.profile.structure
        guard !structure.isEmpty else { return nil }
        var builder = FrameBuilder(width: width)
        var entries: [(String, Frame)] = []
        if let host = structure.host {
            entries.append((context.strings.text("structure.host"), Self.single(context.text(host, style: "body", width: width, field: "structure.host"), width: width)))
        }
        if let governance = structure.governance {
            entries.append((context.strings.text("structure.governance"), Self.single(context.text(governance, style: "body", width: width, field: "structure.governance"), width: width)))
        }
        if !structure.leadership.isEmpty {
            let items: [[[RichSpan]]] = structure.leadership.map { role in
                var spans = [RichSpan(role.role, strong: role.name != nil)]
                if let name = role.name { spans.append(RichSpan(" — \(name)")) }
                return [spans]
            }
            entries.append((context.strings.text("structure.leadership"), Bullets.list(items, style: "body", width: width, context: context, field: "structure.leadership")))
        }
        for (index, (label, content)) in entries.enumerated() {
            builder.stack(context.text(label, style: "label", width: width, profileLanguage: false), role: .heading(level: 3), gapAfter: context.space(1.5))
            builder.stack(content, gapAfter: index == entries.count - 1 ? 0 : context.space(7))
        }
        return SectionHeading.wrap(spec.heading, content: builder.frame(), context: context, section: .init(kind: .structure))
    }

    static func single(_ text: PositionedText, width: Double) -> Frame {
        var builder = FrameBuilder(width: width)
        builder.stack(text, role: .paragraph)
        return builder.frame()
    }
}
