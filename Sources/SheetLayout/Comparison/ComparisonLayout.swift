import Foundation
import SheetCore

/// One comparison being laid out: the communities, the context their words are measured in,
/// and the geometry of the columns. `ComparisonLayoutEngine` makes one and asks for its pages.
struct ComparisonLayout {
    var profiles: [Profile]
    var context: LayoutContext

    /// A row's cells, one per community.
    enum Cell {
        /// A value as text.
        case value(String)
        /// A share of 100 %, drawn as a bar on a track that stands for the whole.
        case share(Double)
        /// A count drawn as a bar on a track that stands for `of` (the largest in the table).
        case count(Int, of: Int)
        /// Why there is no value: "not reported", "withheld".
        case missing(String)
        /// A category's name over its share's bar (a breakdown whose communities name
        /// different categories, each column listing its own).
        case namedShare(String, Double)
        /// Nothing: the community has no more categories than the rows above showed.
        case empty
    }

    /// One table section before it is cut into pages: its heading, the row of community names
    /// and the rows below it.
    struct Table {
        var heading: String
        var section: FrameRole.Section
        var rows: [Frame]
        /// A note under the table (what "withheld" means, what the bars stand for); nil for none.
        var note: String?
    }

    var margins: EdgeInsets { context.template.margins }
    var width: Double { context.contentWidth }
    /// The gap between columns.
    var gap: Double { context.space(context.template.grid.gutter / 2) }
    /// The column of row labels: wider when few communities share the page.
    var labelWidth: Double { (width * (profiles.count <= 3 ? 0.28 : 0.22)).rounded(.down) }
    var columnWidth: Double { (width - labelWidth - gap * Double(profiles.count)) / Double(profiles.count) }
    func columnX(_ index: Int) -> Double { labelWidth + gap + Double(index) * (columnWidth + gap) }
    /// Padding above and below a row's text.
    var rowPadding: Double { context.space(3.5) }

    // MARK: Pages

    /// The band, then the tables in order, each on the page it fits on, split between rows
    /// when one page cannot hold it; then the running header, footer and page numbers.
    func pages() -> [Page] {
        let limit = context.pageSize.height - margins.bottom
        var contents: [[Frame]] = [[]]
        let band = self.band()
        var placedBand = band
        placedBand.origin = Point(x: margins.left, y: 0)
        contents[0].append(placedBand)
        var cursor = band.size.height + context.sectionGap
        let header = self.header()
        let pageTop = margins.top + header.size.height + context.sectionGap

        func place(_ frame: Frame) {
            var placed = frame
            placed.origin = Point(x: margins.left, y: cursor)
            contents[contents.count - 1].append(placed)
            cursor += frame.size.height + context.sectionGap
        }
        func newPage() {
            contents.append([])
            cursor = pageTop
        }

        for table in tables() {
            var remaining = table.rows[...]
            var continued = false
            while !remaining.isEmpty {
                // As many rows as fit here; at least one row goes with its heading.
                var count = remaining.count
                while count > 0, cursor + sectionFrame(table, rows: remaining.prefix(count), continued: continued, last: count == remaining.count).size.height > limit {
                    count -= 1
                }
                let wholeFitsOnANewPage = pageTop + sectionFrame(table, rows: remaining, continued: continued, last: true).size.height <= limit
                if count == 0 || (count < remaining.count && wholeFitsOnANewPage && !isPageEmpty(contents, cursor: cursor, pageTop: pageTop)) {
                    // Not here: a table that fits a page moves whole rather than split.
                    if isPageEmpty(contents, cursor: cursor, pageTop: pageTop) { count = 1 } else {
                        newPage()
                        continue
                    }
                }
                place(sectionFrame(table, rows: remaining.prefix(count), continued: continued, last: count == remaining.count))
                remaining = remaining.dropFirst(count)
                continued = true
                if !remaining.isEmpty { newPage() }
            }
        }
        if let about = aboutFrame() {
            if cursor + about.size.height > limit { newPage() }
            place(about)
        }

        return contents.enumerated().map { index, frames in
            var page = FrameBuilder(width: context.pageSize.width)
            if index > 0 {
                var placedHeader = header
                placedHeader.origin = Point(x: margins.left, y: margins.top)
                page.add(placedHeader)
            }
            for frame in frames { page.add(frame) }
            var footer = self.footer(page: index + 1, of: contents.count)
            footer.origin = Point(x: margins.left, y: context.pageSize.height - margins.bottom + context.space(10))
            page.add(footer)
            return Page(size: context.pageSize, frame: page.frame(height: context.pageSize.height, role: .page), title: index == 0 ? "Comparison" : "Comparison, continued")
        }
    }

    private func isPageEmpty(_ contents: [[Frame]], cursor: Double, pageTop: Double) -> Bool {
        contents.count > 1 && cursor <= pageTop + 0.01
    }

    // MARK: Tables

    /// The tables that show something for at least one community, in reading order.
    func tables() -> [Table] {
        var tables = [keyFigures(), participation()]
        for (field, heading) in [("members.regions", "Members by region"), ("members.career_stages", "Members by career stage"), ("funding", "Funding")] {
            if let table = breakdown(field, heading: heading) { tables.append(table) }
        }
        return tables.compactMap { $0 }
    }

    /// The table of `rows` under its heading (marked as continued after the first page) and the
    /// row of names, as a section; the note goes under the table's last part.
    func sectionFrame(_ table: Table, rows: ArraySlice<Frame>, continued: Bool, last: Bool) -> Frame {
        var builder = FrameBuilder(width: width)
        builder.stack(namesRow())
        for row in rows { builder.stack(row) }
        let grid = builder.frame(role: .table)
        guard last, let note = table.note else {
            var section = table.section
            section.continued = continued
            return SectionHeading.wrap(table.heading, content: grid, context: context, section: section)
        }
        var content = FrameBuilder(width: width)
        content.stack(grid, gapAfter: context.space(5))
        content.stack(context.text(note, style: "note", width: width, profileLanguage: false), role: .paragraph)
        var section = table.section
        section.continued = continued
        return SectionHeading.wrap(table.heading, content: content.frame(), context: context, section: section)
    }

    /// The header row: each community's short name, naming its column, in its own language.
    func namesRow() -> Frame {
        var row = FrameBuilder(width: width)
        var height = 0.0
        var names: [PositionedText] = []
        for (index, profile) in profiles.enumerated() {
            var own = context
            own.profile = profile
            var name = own.text(profile.displayShortName, style: "mode-title", width: columnWidth, field: profile.shortName == nil ? "name" : "short_name")
            name.origin = Point(x: columnX(index), y: rowPadding)
            names.append(name)
            height = max(height, name.metrics.size.height)
        }
        for name in names { row.add(name, role: .tableColumnHeaderCell) }
        row.cursor = height + 2 * rowPadding
        row.addDecoration(Shape(.line(from: Point(x: 0, y: row.cursor), to: Point(x: width, y: row.cursor)),
                                stroke: Stroke(color: context.color("rule"), width: 0.6)))
        return row.frame(role: .tableRow)
    }

    /// A row: its label, naming it, and a cell per community. Every other row is tinted, so
    /// that the eye keeps to a row across the columns.
    func row(_ label: String, cells: [Cell], index: Int, field: String?) -> Frame {
        var row = FrameBuilder(width: width)
        var labelText = context.text(label, style: "bar-label", width: labelWidth, field: field, profileLanguage: false)
        var height = labelText.metrics.size.height
        var frames: [Frame] = []
        for (column, cell) in cells.enumerated() {
            guard var frame = self.cell(cell, field: field) else { continue }
            frame.origin = Point(x: columnX(column), y: rowPadding)
            frames.append(frame)
            height = max(height, frame.size.height)
        }
        if index % 2 == 1 {
            row.addDecoration(Shape(.rectangle(Rect(x: 0, y: 0, width: width, height: height + 2 * rowPadding), cornerRadius: 0), fill: context.color("panel")))
        }
        labelText.origin = Point(x: context.space(4), y: rowPadding)
        row.add(labelText, role: .tableHeaderCell)
        for frame in frames {
            var centred = frame
            centred.origin.y = rowPadding + (height - frame.size.height) / 2
            row.add(centred)
        }
        row.cursor = height + 2 * rowPadding
        return row.frame(role: .tableRow)
    }

    /// One cell's frame, at the origin: its text, and for shares and counts the bar before it.
    func cell(_ cell: Cell, field: String?) -> Frame? {
        switch cell {
        case .empty:
            return nil
        case .namedShare(let name, let percent):
            var builder = FrameBuilder(width: columnWidth)
            let label = context.text(name, style: "bar-label", width: columnWidth, field: field, profileLanguage: false)
            builder.stack(label, role: .group, gapAfter: context.space(1.5))
            builder.stack(bar(context.numbers.percent(percent), fraction: percent / 100, field: field, role: .group))
            return builder.frame(role: .tableDataCell)
        case .value(let text):
            let shown = context.text(text, style: "bar-value", width: columnWidth, field: field, profileLanguage: false)
            return FrameBuilder.frame(shown, role: .tableDataCell)
        case .missing(let reason):
            let shown = context.text(reason, style: "mode-empty", width: columnWidth, field: field, profileLanguage: false)
            return FrameBuilder.frame(shown, role: .tableDataCell)
        case .share(let percent):
            return bar(context.numbers.percent(percent), fraction: percent / 100, field: field)
        case .count(let count, let largest):
            return bar(context.numbers.count(count), fraction: largest > 0 ? Double(count) / Double(largest) : 0, field: field)
        }
    }

    /// A value after a bar `fraction` of its track long; the track is the same length in every
    /// column, so bars compare across communities.
    func bar(_ value: String, fraction: Double, field: String?, role: FrameRole = .tableDataCell) -> Frame {
        var builder = FrameBuilder(width: columnWidth)
        let valueWidth = context.text("100.0%", style: "bar-value", width: nil, profileLanguage: false).metrics.size.width
        var text = context.text(value, style: "bar-value", width: valueWidth, alignment: .end, field: field, profileLanguage: false)
        let barHeight = context.space(7)
        let height = max(text.metrics.size.height, barHeight)
        let track = max(8, columnWidth - valueWidth - context.space(4))
        let barY = (height - barHeight) / 2
        builder.addDecoration(Shape(.rectangle(Rect(x: 0, y: barY, width: track, height: barHeight), cornerRadius: barHeight / 2), fill: context.color("track")))
        let geometry = BarChartComponent.bar(share: min(max(fraction, 0), 1) * 100, trackWidth: track, height: barHeight)
        if geometry.filled > 0 {
            builder.addDecoration(Shape(.rectangle(Rect(x: 0, y: barY, width: geometry.filled, height: barHeight), cornerRadius: geometry.cornerRadius), fill: context.color("bar")))
        }
        text.origin = Point(x: columnWidth - valueWidth, y: (height - text.metrics.size.height) / 2)
        // In the cell's own element: the bar and its track are decoration.
        builder.add(text, role: .group)
        builder.cursor = height
        return builder.frame(role: role)
    }
}
