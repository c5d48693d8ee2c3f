import SheetCore

/// Short labels as rounded chips that flow into rows.
enum ChipsLayout {
    static func frame(
        _ labels: [(text: String, field: String)], width: Double, context: LayoutContext, style: String,
        fill: Color, stroke: Stroke?, profileLanguage: Bool
    ) -> Frame {
        var builder = FrameBuilder(width: width)
        let paddingX = context.space(8)
        let paddingY = context.space(3.5)
        let gap = context.space(5)
        var x = 0.0
        var rowHeight = 0.0
        for label in labels {
            var text = context.text(label.text, style: style, width: nil, field: label.field, profileLanguage: profileLanguage)
            if text.metrics.size.width + 2 * paddingX > width {
                text = context.text(label.text, style: style, width: width - 2 * paddingX, field: label.field, profileLanguage: profileLanguage)
            }
            let chipWidth = min(width, text.metrics.size.width + 2 * paddingX)
            let chipHeight = text.metrics.size.height + 2 * paddingY
            if x > 0, x + chipWidth > width + 0.01 {
                builder.cursor += rowHeight + gap
                x = 0
                rowHeight = 0
            }
            var chip = FrameBuilder(width: chipWidth)
            chip.addDecoration(Shape(
                .rectangle(Rect(x: 0, y: 0, width: chipWidth, height: chipHeight), cornerRadius: min(chipHeight / 2, context.space(9))),
                fill: fill, stroke: stroke))
            text.origin = Point(x: paddingX, y: paddingY)
            chip.add(text, role: .listBody)
            chip.cursor = chipHeight
            var item = chip.frame(role: .listItem)
            item.origin = Point(x: x, y: builder.cursor)
            builder.add(item)
            x += chipWidth + gap
            rowHeight = max(rowHeight, chipHeight)
        }
        builder.cursor += rowHeight
        return builder.frame(role: .list)
    }
}
