import Foundation
import SheetCore

/// The tables of the sheets about several communities (the comparison and the collection's
/// overview): a column of row labels, then columns of cells, every row the same geometry, so
/// that a reader's eye runs along a row and down a column. Rows are `tableRow` frames whose
/// first cell names the row (`TH`, row scope) and whose header row names the columns (`TH`,
/// column scope); bars and tints are decoration, the numbers are the cells' text.
struct TableGrid {
    var context: LayoutContext
    var width: Double
    var labelWidth: Double
    /// Where each column of cells starts and how wide it is.
    var columns: [(x: Double, width: Double)]
    /// How wide the value after a bar is; nil for a share's ("100.0%").
    var valueWidth: Double?

    /// A row's cell.
    enum Cell {
        /// A value as text.
        case value(String)
        /// A share of 100 %, drawn as a bar on a track that stands for the whole.
        case share(Double)
        /// A count drawn as a bar on a track that stands for `of` (the largest in the table).
        case count(Int, of: Int)
        /// A count as `text` says it, with its unit ("3 communities"), after its bar as `count`
        /// draws it; the column's `valueWidth` should hold the longest such text.
        case countWithUnit(Int, of: Int, text: String)
        /// Why there is no value: "not reported", "withheld".
        case missing(String)
        /// A category's name over its share's bar (a breakdown whose communities name
        /// different categories, each column listing its own).
        case namedShare(String, Double)
        /// Nothing.
        case empty
    }

    /// The gap between columns.
    static func gap(_ context: LayoutContext) -> Double { context.space(context.template.grid.gutter / 2) }

    /// A label column `labelWidth` wide and `count` columns of equal width after it.
    init(context: LayoutContext, labelWidth: Double, equalColumns count: Int) {
        let width = context.contentWidth
        let gap = Self.gap(context)
        let columnWidth = (width - labelWidth - gap * Double(count)) / Double(count)
        self.init(context: context, labelWidth: labelWidth,
                  columnWidths: Array(repeating: columnWidth, count: count))
    }

    /// The width `valueWidth` must have for `texts` in the value style.
    func widestValue(_ texts: [String]) -> Double {
        texts.map { context.text($0, style: "bar-value", width: nil, profileLanguage: false).metrics.size.width }.max() ?? 0
    }

    /// A label column `labelWidth` wide and columns of the widths given after it.
    init(context: LayoutContext, labelWidth: Double, columnWidths: [Double]) {
        self.context = context
        self.width = context.contentWidth
        self.labelWidth = labelWidth
        let gap = Self.gap(context)
        var x = labelWidth + gap
        var columns: [(x: Double, width: Double)] = []
        for columnWidth in columnWidths {
            columns.append((x, columnWidth))
            x += columnWidth + gap
        }
        self.columns = columns
    }

    /// Padding above and below a row's text.
    var rowPadding: Double { context.space(3.5) }

    /// The header row: a text per column naming it (`nil` for a column without a name), over
    /// a hairline; `corner` names the label column when it needs a name.
    func headerRow(_ names: [PositionedText?], corner: PositionedText? = nil) -> Frame {
        var row = FrameBuilder(width: width)
        var height = corner?.metrics.size.height ?? 0
        for name in names.compactMap({ $0 }) { height = max(height, name.metrics.size.height) }
        if var corner {
            corner.origin = Point(x: context.space(4), y: rowPadding + height - corner.metrics.size.height)
            row.add(corner, role: .tableColumnHeaderCell)
        }
        for (index, name) in names.enumerated() {
            guard var name, index < columns.count else { continue }
            // Names sit on the hairline, so that short and long ones line up at their foot.
            name.origin = Point(x: columns[index].x, y: rowPadding + height - name.metrics.size.height)
            row.add(name, role: .tableColumnHeaderCell)
        }
        row.cursor = height + 2 * rowPadding
        row.addDecoration(Shape(.line(from: Point(x: 0, y: row.cursor), to: Point(x: width, y: row.cursor)),
                                stroke: Stroke(color: context.color("rule"), width: 0.6)))
        return row.frame(role: .tableRow)
    }

    /// A column header, as wide as its column, in the template's words: in the label style, or
    /// `style` (a smaller one where many narrow columns share the page).
    func columnName(_ text: String, column: Int, style: String = "label") -> PositionedText {
        context.text(text, style: style, width: columns[column].width, profileLanguage: false)
    }

    /// A row: its label, naming it, and its cells. Every other row is tinted, so that the eye
    /// keeps to a row across the columns. `label` is measured in `labelContext` when given (a
    /// community's name in its own language), else in the template's words. With a `link`, the
    /// label is a link to it (a `Link` element inside the row's header cell).
    func row(_ label: String, cells: [Cell], index: Int, field: String?, labelContext: LayoutContext? = nil, link: String? = nil) -> Frame {
        var row = FrameBuilder(width: width)
        let labelMeasure = labelContext ?? context
        var labelText = labelMeasure.text(label, style: "bar-label", width: labelWidth - context.space(4), field: field,
                                          profileLanguage: labelContext != nil, link: link)
        var height = labelText.metrics.size.height
        var frames: [Frame] = []
        for (column, cell) in cells.enumerated() where column < columns.count {
            guard var frame = self.cell(cell, width: columns[column].width, field: field) else { continue }
            frame.origin = Point(x: columns[column].x, y: rowPadding)
            frames.append(frame)
            height = max(height, frame.size.height)
        }
        if index % 2 == 1 {
            row.addDecoration(Shape(.rectangle(Rect(x: 0, y: 0, width: width, height: height + 2 * rowPadding), cornerRadius: 0), fill: context.color("panel")))
        }
        labelText.origin = Point(x: context.space(4), y: rowPadding)
        if let link {
            labelText.origin = .zero
            let linked = FrameBuilder.frame(labelText, role: .link(url: link))
            row.add(Frame(origin: Point(x: context.space(4), y: rowPadding), size: linked.size, items: [.group(linked)], role: .tableHeaderCell))
        } else {
            row.add(labelText, role: .tableHeaderCell)
        }
        for frame in frames {
            var centred = frame
            centred.origin.y = rowPadding + (height - frame.size.height) / 2
            row.add(centred)
        }
        row.cursor = height + 2 * rowPadding
        return row.frame(role: .tableRow)
    }

    /// One cell's frame, at the origin: its text, and for shares and counts the bar before it;
    /// nil for an empty cell.
    func cell(_ cell: Cell, width: Double, field: String?) -> Frame? {
        switch cell {
        case .empty:
            return nil
        case .value(let text):
            let shown = context.text(text, style: "bar-value", width: width, field: field, profileLanguage: false)
            return FrameBuilder.frame(shown, role: .tableDataCell)
        case .missing(let reason):
            let shown = context.text(reason, style: "mode-empty", width: width, field: field, profileLanguage: false)
            return FrameBuilder.frame(shown, role: .tableDataCell)
        case .share(let percent):
            return bar(context.numbers.percent(percent), fraction: percent / 100, width: width, field: field)
        case .count(let count, let largest):
            return bar(context.numbers.count(count), fraction: largest > 0 ? Double(count) / Double(largest) : 0, width: width, field: field)
        case .countWithUnit(let count, let largest, let text):
            return bar(text, fraction: largest > 0 ? Double(count) / Double(largest) : 0, width: width, field: field)
        case .namedShare(let name, let percent):
            var builder = FrameBuilder(width: width)
            let label = context.text(name, style: "bar-label", width: width, field: field, profileLanguage: false)
            builder.stack(label, role: .group, gapAfter: context.space(1.5))
            builder.stack(bar(context.numbers.percent(percent), fraction: percent / 100, width: width, field: field, role: .group))
            return builder.frame(role: .tableDataCell)
        }
    }

    /// A value after a bar `fraction` of its track long; the track is as long in every cell of
    /// a column of that width, so bars compare down and across the table.
    func bar(_ value: String, fraction: Double, width: Double, field: String?, role: FrameRole = .tableDataCell) -> Frame {
        var builder = FrameBuilder(width: width)
        let valueWidth = self.valueWidth ?? context.text("100.0%", style: "bar-value", width: nil, profileLanguage: false).metrics.size.width
        var text = context.text(value, style: "bar-value", width: valueWidth, alignment: .end, field: field, profileLanguage: false)
        // 8 pt, as a legend's colour keys: a bar of a small value, no longer than it is high,
        // is a small mark, and beside a number (the next column's, on a right-to-left page)
        // a reader's heuristics take it for a bullet (a11y_check.py's lists check: marks of
        // 1.2 to 7.5 pt beside text).
        let barHeight = max(8, context.space(8))
        let height = max(text.metrics.size.height, barHeight)
        let track = max(8, width - valueWidth - context.space(4))
        let barY = (height - barHeight) / 2
        builder.addDecoration(Shape(.rectangle(Rect(x: 0, y: barY, width: track, height: barHeight), cornerRadius: barHeight / 2), fill: context.color("track")))
        let geometry = BarChartComponent.bar(share: min(max(fraction, 0), 1) * 100, trackWidth: track, height: barHeight)
        if geometry.filled > 0 {
            builder.addDecoration(Shape(.rectangle(Rect(x: 0, y: barY, width: geometry.filled, height: barHeight), cornerRadius: geometry.cornerRadius), fill: context.color("bar")))
        }
        text.origin = Point(x: width - valueWidth, y: (height - text.metrics.size.height) / 2)
        // In the cell's own element: the bar and its track are decoration.
        builder.add(text, role: .group)
        builder.cursor = height
        return builder.frame(role: role)
    }
}
