import Foundation
import SheetCore

/// A breakdown as a donut with a legend of labels and percentages beside it (below it when
/// the column is narrow).
struct DonutChartComponent: SheetComponent {
    var spec: ComponentSpec

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        guard let field = spec.field,
              let content = BreakdownSource.content(field, context: context, width: width, chart: { chart($0, context: context, width: width, field: field) })
        else { return nil }
        return SectionHeading.wrap(spec.heading, content: content, context: context, section: .init(kind: .donutChart, field: field))
    }

    func chart(_ breakdown: Breakdown, context: LayoutContext, width: Double, field: String) -> Frame {
        var builder = FrameBuilder(width: width)
        let shares = breakdown.sortedByShare
        let diameter = min(context.space(104), width * 0.46)
        // Beside the donut when there is room and no label there breaks inside a word; else
        // below it, at the column's width.
        var sideBySide = width - diameter > context.space(110)
        var legendX = sideBySide ? diameter + context.space(14) : 0
        var legend = Self.legend(shares, context: context, width: sideBySide ? width - legendX : width, field: field)
        if sideBySide, legend.breaksAWord {
            sideBySide = false
            legendX = 0
            legend = Self.legend(shares, context: context, width: width, field: field)
        }
        var legendFrame = legend.frame

        let chartHeight = sideBySide ? max(diameter, legendFrame.size.height) : diameter
        let center = Point(x: sideBySide ? diameter / 2 : width / 2, y: chartHeight / 2)
        let outer = diameter / 2
        let inner = outer * 0.58
        let total = max(breakdown.total, 0.001)
        var angle = 0.0
        for (index, share) in shares.enumerated() where share.percent > 0 {
            let sweep = 2 * Double.pi * share.percent / total
            let color = context.template.palette[index % max(1, context.template.palette.count)]
            builder.add(Shape(
                .annularSector(center: center, innerRadius: inner, outerRadius: outer, startAngle: angle, endAngle: angle + sweep),
                fill: color, stroke: shares.count > 1 ? Stroke(color: .white, width: 1.2) : nil))
            angle += sweep
        }
        if let top = shares.first {
            let big = context.text(context.numbers.percent(top.percent), style: "donut-value", width: inner * 1.7, alignment: .center, profileLanguage: false)
            let label = context.label(forCategory: top.category, field: field)
            let small = Self.centreLabel(label, context: context, inner: inner, above: big.metrics.size.height)
            let stackHeight = big.metrics.size.height + (small?.metrics.size.height ?? 0)
            if stackHeight < inner * 1.5 {
                var placedBig = big
                placedBig.origin = Point(x: center.x - inner * 0.85, y: center.y - stackHeight / 2)
                builder.add(placedBig, role: .artifact(.decoration))
                if var placedSmall = small {
                    placedSmall.origin = Point(x: center.x - (placedSmall.block.width ?? 0) / 2, y: placedBig.origin.y + big.metrics.size.height)
                    builder.add(placedSmall, role: .artifact(.decoration))
                }
            }
        }
        legendFrame.origin = Point(x: legendX, y: sideBySide ? (chartHeight - legendFrame.size.height) / 2 : chartHeight + context.space(10))
        builder.add(legendFrame)
        builder.cursor = sideBySide ? chartHeight : chartHeight + context.space(10) + legendFrame.size.height
        return builder.frame(role: .figure(
            alt: BreakdownSource.description(breakdown, heading: spec.heading, field: field, context: context), language: context.strings.language))
    }

    /// The legend, `width` wide: a colour key, the category's label and its share a row each.
    /// `breaksAWord` says whether a label had to break inside a word (a hyphen at a line's end)
    /// at that width.
    static func legend(_ shares: [Breakdown.Share], context: LayoutContext, width legendWidth: Double, field: String) -> (frame: Frame, breaksAWord: Bool) {
        var legend = FrameBuilder(width: legendWidth)
        var breaksAWord = false
        // A colour key keeps its size when a page's type shrinks to fit: below 8 pt the colours
        // are hard to tell apart, and a column of small marks beside labels reads as a bulleted
        // list to screen-reader checkers.
        let swatch = max(8, context.space(8))
        let valueWidth = context.text("100.0%", style: "legend-value", width: nil, profileLanguage: false).metrics.size.width
        for (index, share) in shares.enumerated() {
            let color = context.template.palette[index % max(1, context.template.palette.count)]
            let labelX = swatch + context.space(6)
            let label = context.text(context.label(forCategory: share.category, field: field), style: "legend", width: legendWidth - labelX - valueWidth - context.space(4),
                                     field: "\(field).\(share.category)", profileLanguage: false)
            breaksAWord = breaksAWord || label.metrics.lines.contains(where: \.hyphenated)
            let value = context.text(context.numbers.percent(share.percent), style: "legend-value", width: valueWidth, alignment: .end,
                                     field: "\(field).\(share.category)", profileLanguage: false)
            var row = FrameBuilder(width: legendWidth)
            let rowHeight = max(label.metrics.size.height, value.metrics.size.height)
            let swatchY = label.metrics.firstBaseline - swatch * 0.85
            row.add(Shape(.rectangle(Rect(x: 0, y: swatchY, width: swatch, height: swatch), cornerRadius: context.space(1.5)), fill: color))
            var placedLabel = label
            placedLabel.origin = Point(x: labelX, y: 0)
            row.add(placedLabel, role: .tableHeaderCell)
            var placedValue = value
            placedValue.origin = Point(x: legendWidth - valueWidth, y: 0)
            row.add(placedValue, role: .tableDataCell)
            row.cursor = rowHeight
            legend.stack(row.frame(role: .tableRow), gapAfter: index == shares.count - 1 ? 0 : context.space(3.5))
        }
        return (legend.frame(role: .table), breaksAWord)
    }

    /// The largest category's label under its share in the donut's hole (of radius `inner`,
    /// the share's text `above` tall), broken only between words: at 0.8 of the hole's
    /// width, else on one line as wide as the hole is where the line stands; nil when neither
    /// holds it whole (the legend names the category, first).
    static func centreLabel(_ label: String, context: LayoutContext, inner: Double, above: Double) -> PositionedText? {
        let narrow = context.text(label, style: "donut-label", width: inner * 1.6, alignment: .center, profileLanguage: false)
        if !narrow.metrics.lines.contains(where: \.hyphenated) { return narrow }
        let oneLine = context.text(label, style: "donut-label", width: nil, alignment: .center, profileLanguage: false)
        // The line's lower edge, from the hole's centre, with the stack centred on it; the hole
        // is that wide there, less a point each side.
        let lowerEdge = (above + oneLine.metrics.size.height) / 2
        let chord = 2 * ((inner * inner - lowerEdge * lowerEdge).squareRoot() - context.space(1))
        guard lowerEdge < inner, oneLine.metrics.lineCount == 1, oneLine.metrics.size.width <= chord else { return nil }
        return context.text(label, style: "donut-label", width: chord, alignment: .center, profileLanguage: false)
    }
}
