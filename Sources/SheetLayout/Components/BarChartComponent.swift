import SheetCore

/// A breakdown as horizontal bars, largest first, each with its label and percentage, so
/// that colour never carries the meaning alone.
struct BarChartComponent: SheetComponent {
    var spec: ComponentSpec

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        guard let field = spec.field,
              let content = BreakdownSource.content(field, context: context, width: width, chart: { chart($0, context: context, width: width, field: field) })
        else { return nil }
        return SectionHeading.wrap(spec.heading, content: content, context: context, role: "bar-chart:\(field)")
    }

    func chart(_ breakdown: Breakdown, context: LayoutContext, width: Double, field: String) -> Frame {
        var builder = FrameBuilder(width: width)
        let labelWidth = (width * 0.36).rounded(.down)
        let gap = context.space(6)
        let valueWidth = context.text("100.0%", style: "bar-value", width: nil, profileLanguage: false).metrics.size.width
        let barX = labelWidth + gap
        let barWidth = max(10, width - barX - gap - valueWidth)
        let maxShare = breakdown.shares.map(\.percent).max() ?? 100
        let scaleMax = max(maxShare, 1)
        for (index, share) in breakdown.sortedByShare.enumerated() {
            let label = context.text(context.template.label(forCategory: share.category, field: field), style: "bar-label", width: labelWidth,
                                     field: "\(field).\(share.category)", profileLanguage: false)
            let value = context.text(NumberText.percent(share.percent), style: "bar-value", width: valueWidth, alignment: .end,
                                     field: "\(field).\(share.category)", profileLanguage: false)
            let barHeight = context.space(8)
            let rowHeight = max(label.metrics.size.height, value.metrics.size.height, barHeight)
            let top = builder.cursor
            var placedLabel = label
            placedLabel.origin = Point(x: 0, y: top + (rowHeight - label.metrics.size.height) / 2)
            builder.add(placedLabel)
            let barY = top + (rowHeight - barHeight) / 2
            builder.add(Shape(.rectangle(Rect(x: barX, y: barY, width: barWidth, height: barHeight), cornerRadius: barHeight / 2),
                              fill: context.color("track")))
            let filled = max(barHeight, barWidth * share.percent / scaleMax)
            if share.percent > 0 {
                builder.add(Shape(.rectangle(Rect(x: barX, y: barY, width: filled, height: barHeight), cornerRadius: barHeight / 2),
                                  fill: context.color("bar")))
            }
            var placedValue = value
            placedValue.origin = Point(x: width - valueWidth, y: top + (rowHeight - value.metrics.size.height) / 2)
            builder.add(placedValue)
            builder.cursor = top + rowHeight + (index == breakdown.shares.count - 1 ? 0 : context.space(4))
        }
        return builder.frame()
    }
}
