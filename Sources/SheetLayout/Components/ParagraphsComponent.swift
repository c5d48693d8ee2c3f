import SheetCore

/// One text field as paragraphs: the mission as the page's lead, the narrative, champions text.
struct ParagraphsComponent: SheetComponent {
    var spec: ComponentSpec

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        guard let field = spec.field, let text = Self.text(of: field, in: context.profile) else { return nil }
        let style = spec.style ?? "body"
        var builder = FrameBuilder(width: width)
        if style == "lead" {
            // The lead carries an accent bar at its left edge.
            let bar = context.space(3)
            let inset = bar + context.space(9)
            let positioned = context.rich(text, style: style, width: width - inset, field: field)
            builder.stack(positioned, role: .paragraph, x: inset)
            builder.addDecoration(Shape(.rectangle(Rect(x: 0, y: 0, width: bar, height: positioned.metrics.size.height), cornerRadius: bar / 2),
                              fill: context.color("accent")))
        } else {
            builder.stack(context.rich(text, style: style, width: width, field: field), role: .paragraph)
        }
        return SectionHeading.wrap(spec.heading, content: builder.frame(), context: context, section: .init(kind: .paragraphs, field: field))
    }

    static func text(of field: String, in profile: Profile) -> RichText? {
        switch field {
        case "mission": RichText(plain: profile.mission)
        case "narrative": profile.narrative
        case "champions": profile.champions
        case "structure.host": profile.structure.host.map(RichText.init(plain:))
        case "structure.governance": profile.structure.governance.map(RichText.init(plain:))
        default: nil
        }
    }
}
