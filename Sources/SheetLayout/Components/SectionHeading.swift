/// A section's heading above its content: small capitals in the accent colour over a hairline.
enum SectionHeading {
    /// `content` under `heading` (a level-2 heading; " (continued)" after it when the section
    /// goes on from an earlier page), as the frame of `section`.
    static func wrap(_ heading: String?, content: Frame, context: LayoutContext, section: FrameRole.Section) -> Frame {
        guard let heading else {
            // The content keeps its own role (a table stays a table) inside the section's frame.
            var inner = content
            inner.origin = .zero
            return Frame(origin: content.origin, size: content.size, items: [.group(inner)], role: .section(section))
        }
        var builder = FrameBuilder(width: content.size.width)
        // The template's heading in the sheet's language.
        let translated = context.strings.template(heading)
        let shown = section.continued ? context.strings.text("heading.continued", ["heading": translated]) : translated
        let title = context.text(shown, style: "heading", width: content.size.width, profileLanguage: false, kind: .title)
        builder.stack(title, role: .heading(level: 2), gapAfter: context.space(3))
        builder.addDecoration(Shape(
            .line(from: Point(x: 0, y: builder.cursor), to: Point(x: content.size.width, y: builder.cursor)),
            stroke: Stroke(color: context.color("rule"), width: 0.6)))
        builder.cursor += context.headingGap
        builder.stack(content)
        return builder.frame(role: .section(section))
    }

    /// The content of a frame `wrap` made, at its place in the section (below the heading); the
    /// section itself, as a group, when it has no heading.
    static func content(of section: Frame, heading: String?) -> Frame {
        guard heading != nil, case .group(let content)? = section.items.last else {
            var frame = section
            frame.role = .group
            frame.origin = .zero
            return frame
        }
        return content
    }
}
