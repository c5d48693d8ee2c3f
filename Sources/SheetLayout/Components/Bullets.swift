import SheetCore

/// Lists of short texts with a bullet before each, mirrored for right-to-left text.
enum Bullets {
    static func list(
        _ items: [[[RichSpan]]], style: String, width: Double, context: LayoutContext, field: String,
        bulletColor: Color? = nil
    ) -> Frame {
        var builder = FrameBuilder(width: width)
        let indent = context.space(10)
        for (index, paragraphs) in items.enumerated() {
            let text = context.text(paragraphs, style: style, width: width - indent, field: "\(field)[\(index + 1)]")
            let rtl = text.metrics.rightToLeft
            let size = text.block.style.size
            let dotY = builder.cursor + text.metrics.firstBaseline - size * 0.32
            let dotX = rtl ? width - indent / 2 + context.space(1) : indent / 2 - context.space(1)
            builder.add(Shape(.circle(center: Point(x: dotX, y: dotY), radius: max(1.2, size * 0.17)),
                              fill: bulletColor ?? context.color("accent")))
            builder.stack(text, x: rtl ? 0 : indent, gapAfter: index == items.count - 1 ? 0 : context.itemGap)
        }
        return builder.frame()
    }
}
