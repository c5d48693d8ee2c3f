/// A section's heading above its content: small capitals in the accent colour over a hairline.
enum SectionHeading {
    static func wrap(_ heading: String?, content: Frame, context: LayoutContext, role: String) -> Frame {
        guard let heading else {
            var frame = content
            frame.role = role
            return frame
        }
        var builder = FrameBuilder(width: content.size.width)
        let title = context.text(heading, style: "heading", width: content.size.width, profileLanguage: false)
        builder.stack(title, gapAfter: context.space(3))
        builder.add(Shape(
            .line(from: Point(x: 0, y: builder.cursor), to: Point(x: content.size.width, y: builder.cursor)),
            stroke: Stroke(color: context.color("rule"), width: 0.6)))
        builder.cursor += context.headingGap
        builder.stack(content)
        return builder.frame(role: role)
    }
}
