import SheetCore

/// A breakdown as horizontal bars, largest first, each with its label and percentage, so
/// that colour never carries the meaning alone. Each bar lies on a grey track that stands for
/// 100 %, so a bar's length is its share of the whole.
struct BarChartComponent: SheetComponent {
    var spec: ComponentSpec

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        guard let field = spec.field,
              let content = BreakdownSource.content(field, context: context, width: width, chart: { chart($0, context: context, width: width, field: field) })
        else { return nil }
        return SectionHeading.wrap(spec.heading, content: content, context: context, section: .init(kind: .barChart, field: field))
    }

    func chart(_ breakdown: Breakdown, context: LayoutContext, width: Double, field: String) -> Frame {
        var builder = FrameBuilder(width: width)
        let shares = breakdown.sortedByShare
        let (labelWidth, labels) = Self.labels(shares, context: context, width: width, field: field)
        let gap = context.space(6)
        let valueWidth = context.text("100.0%", style: "bar-value", width: nil, profileLanguage: false).metrics.size.width
        let barX = labelWidth + gap
        let barWidth = max(10, width - barX - gap - valueWidth)
        for (index, share) in shares.enumerated() {
            let label = labels[index]
            let value = context.text(context.numbers.percent(share.percent), style: "bar-value", width: valueWidth, alignment: .end,
                                     field: "\(field).\(share.category)", profileLanguage: false)
            let barHeight = context.space(8)
            let rowHeight = max(label.metrics.size.height, value.metrics.size.height, barHeight)
            var row = FrameBuilder(width: width)
            var placedLabel = label
            placedLabel.origin = Point(x: 0, y: (rowHeight - label.metrics.size.height) / 2)
            row.add(placedLabel, role: .tableHeaderCell)
            let barY = (rowHeight - barHeight) / 2
            let geometry = Self.bar(share: share.percent, trackWidth: barWidth, height: barHeight)
            row.add(Shape(.rectangle(Rect(x: barX, y: barY, width: barWidth, height: barHeight), cornerRadius: barHeight / 2),
                          fill: context.color("track")))
            if geometry.filled > 0 {
                row.add(Shape(.rectangle(Rect(x: barX, y: barY, width: geometry.filled, height: barHeight), cornerRadius: geometry.cornerRadius),
                              fill: context.color("bar")))
            }
            var placedValue = value
            placedValue.origin = Point(x: width - valueWidth, y: (rowHeight - value.metrics.size.height) / 2)
            row.add(placedValue, role: .tableDataCell)
            row.cursor = rowHeight
            builder.stack(row.frame(role: .tableRow), gapAfter: index == shares.count - 1 ? 0 : context.space(4))
        }
        let table = builder.frame(role: .table)
        var figure = FrameBuilder(width: width)
        figure.add(table)
        figure.cursor = table.size.height
        return figure.frame(role: .figure(
            alt: BreakdownSource.description(breakdown, heading: spec.heading, field: field, context: context), language: context.strings.language))
    }

    /// The categories' labels and the width of their column: 0.36 of the chart's, or wider
    /// where a label would break inside a word there (a hyphen at a line's end, as
    /// "Undergraduat-e" on the standard A4 sheet of naija-rse): then as wide as its longest
    /// word, up to half the chart, so that the bars keep room. Only a chart whose labels break
    /// measures their words.
    static func labels(_ shares: [Breakdown.Share], context: LayoutContext, width: Double, field: String) -> (width: Double, labels: [PositionedText]) {
        let names = shares.map { context.label(forCategory: $0.category, field: field) }
        func measured(at labelWidth: Double) -> [PositionedText] {
            zip(shares, names).map { share, name in
                context.text(name, style: "bar-label", width: labelWidth, field: "\(field).\(share.category)", profileLanguage: false)
            }
        }
        let designed = (width * 0.36).rounded(.down)
        let labels = measured(at: designed)
        let broken = zip(names, labels).filter { $0.1.metrics.lines.contains(where: \.hyphenated) }.map(\.0)
        guard !broken.isEmpty else { return (designed, labels) }
        let longestWord = broken.flatMap { $0.split(whereSeparator: \.isWhitespace) }.map { word in
            context.text(String(word), style: "bar-label", width: nil, profileLanguage: false).metrics.size.width
        }.max() ?? 0
        let wider = min((width * 0.5).rounded(.down), longestWord.rounded(.up))
        guard wider > designed else { return (designed, labels) }
        return (wider, measured(at: wider))
    }

    /// The filled part of a bar on a track `trackWidth` long that stands for 100 %: exactly
    /// `share` percent of it (at most the whole track), with round ends no larger than the bar
    /// allows, so that a share of 2 % stays 2 % long rather than a dot as wide as the bar is high.
    static func bar(share: Double, trackWidth: Double, height: Double) -> (filled: Double, cornerRadius: Double) {
        let filled = trackWidth * min(max(share, 0), 100) / 100
        return (filled, min(height / 2, filled / 2))
    }
}
