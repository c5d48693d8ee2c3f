import SheetCore

/// Lists of short texts with a bullet before each, mirrored for right-to-left text.
enum Bullets {
    /// The list as a `list` frame of `listItem`s, each a bullet (`listLabel`) and its text
    /// (`listBody`). Item `n` shows field `field[n + firstNumber - 1]`.
    static func list(
        _ items: [[[RichSpan]]], style: String, width: Double, context: LayoutContext, field: String,
        bulletColor: Color? = nil, firstNumber: Int = 1
    ) -> Frame {
        var builder = FrameBuilder(width: width)
        for (index, paragraphs) in items.enumerated() {
            let item = self.item(paragraphs, style: style, width: width, context: context, field: "\(field)[\(index + firstNumber)]", bulletColor: bulletColor)
            builder.stack(item, gapAfter: index == items.count - 1 ? 0 : context.itemGap)
        }
        return builder.frame(role: .list)
    }

    /// One item: the bullet and the text beside it, as a `listItem` frame at the origin.
    static func item(
        _ paragraphs: [[RichSpan]], style: String, width: Double, context: LayoutContext, field: String, bulletColor: Color? = nil
    ) -> Frame {
        var builder = FrameBuilder(width: width)
        let indent = context.space(10)
        let text = context.text(paragraphs, style: style, width: width - indent, field: field)
        // A right-to-left sheet is mirrored as a whole; an item is mirrored here only when its
        // text runs the other way from its page (Arabic in a left-to-right sheet).
        let rtl = text.metrics.rightToLeft != context.rightToLeft
        let size = text.block.style.size
        let radius = max(1.2, size * 0.17)
        let dotY = text.metrics.firstBaseline - size * 0.32
        let dotX = rtl ? width - indent / 2 + context.space(1) : indent / 2 - context.space(1)
        let dot = Shape(.circle(center: Point(x: dotX, y: dotY), radius: radius), fill: bulletColor ?? context.color("accent"))
        builder.add(Frame(size: Size(width: dotX + radius, height: dotY + radius), items: [.shape(dot)], role: .listLabel))
        builder.stack(text, role: .listBody, x: rtl ? 0 : indent)
        return builder.frame(role: .listItem)
    }
}
