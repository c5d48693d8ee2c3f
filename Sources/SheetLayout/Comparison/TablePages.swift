import Foundation
import SheetCore

/// Pages of tables for the sheets about several communities: a band on the first page, then
/// each table under its heading on the page it fits on. A table that does not fit under the one
/// before starts a new page when a page holds it whole; one longer than a page goes on between
/// rows, under its heading marked as continued and its header row again. Every page after the
/// first has the running header, every page the footer; both are Artifacts.
struct TablePages {
    /// One table before it is cut into pages.
    struct Table {
        var heading: String
        var section: FrameRole.Section
        /// The row naming the columns, repeated on every page the table reaches.
        var header: Frame
        var rows: [Frame]
        /// A note under the table's last part (what "withheld" means, what the bars stand for).
        var note: String?
    }

    var context: LayoutContext
    /// The page's title in the outline and the running header ("Community profiles compared").
    var title: String
    /// The footer's left part ("Community profiles compared · 3 communities").
    var footerLabel: String

    var margins: EdgeInsets { context.template.margins }
    var width: Double { context.contentWidth }

    /// The share of the page's height, from its foot, kept for the footer: no table row goes
    /// into it. A table's cells hold short numbers ("2", "1"), and short numbers in the bottom
    /// band of a page read as page numbers to a reader's heuristics (a11y_check.py's
    /// reading_order takes a bare number in the bottom 9 % for one; a two-community overview
    /// failed so), whatever the bottom margin.
    static let footerBand = 0.1

    /// How far down the page content may go: above the bottom margin and the footer's band.
    var contentLimit: Double {
        min(context.pageSize.height - margins.bottom, context.pageSize.height * (1 - Self.footerBand))
    }

    func pages(band: Frame, tables: [Table], closing: Frame?) -> [Page] {
        let limit = contentLimit
        var contents: [[Frame]] = [[]]
        var placedBand = band
        placedBand.origin = Point(x: margins.left, y: 0)
        contents[0].append(placedBand)
        var cursor = band.size.height + context.sectionGap
        let header = self.header()
        let pageTop = margins.top + header.size.height + context.sectionGap
        var pageIsEmpty: Bool { contents.count > 1 && cursor <= pageTop + 0.01 }

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

        for table in tables {
            var remaining = table.rows[...]
            var continued = false
            while !remaining.isEmpty {
                // The part's height for k rows is its heading, header row (and, for the last
                // part, note) plus the rows' heights: measured once, not once per k.
                let bare = frame(table, rows: [], continued: continued, last: false).size.height
                let closing = frame(table, rows: [], continued: continued, last: true).size.height
                var heights: [Double] = [0]
                for row in remaining { heights.append(heights[heights.count - 1] + row.size.height) }
                func height(_ count: Int) -> Double { (count == remaining.count ? closing : bare) + heights[count] }
                // As many rows as fit here; at least one row goes with its heading.
                var count = remaining.count
                while count > 0, cursor + height(count) > limit { count -= 1 }
                let wholeFitsOnAPage = pageTop + height(remaining.count) <= limit
                if count == 0 || (count < remaining.count && wholeFitsOnAPage && !pageIsEmpty) {
                    // Not here: a table that fits a page moves whole rather than split.
                    if pageIsEmpty {
                        count = 1
                    } else {
                        newPage()
                        continue
                    }
                }
                place(frame(table, rows: remaining.prefix(count), continued: continued, last: count == remaining.count))
                remaining = remaining.dropFirst(count)
                continued = true
                if !remaining.isEmpty { newPage() }
            }
        }
        if let closing {
            if cursor + closing.size.height > limit { newPage() }
            place(closing)
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
            return Page(size: context.pageSize, frame: page.frame(height: context.pageSize.height, role: .page),
                        title: index == 0 ? title : context.strings.text("many.page-continued", ["title": title]))
        }
    }

    /// The table of `rows` under its heading (marked as continued after its first page) and
    /// its header row, as a section; the note goes under the table's last part.
    func frame(_ table: Table, rows: ArraySlice<Frame>, continued: Bool, last: Bool) -> Frame {
        var builder = FrameBuilder(width: width)
        builder.stack(table.header)
        for row in rows { builder.stack(row) }
        let grid = builder.frame(role: .table)
        var section = table.section
        section.continued = continued
        guard last, let note = table.note else {
            return SectionHeading.wrap(table.heading, content: grid, context: context, section: section)
        }
        var content = FrameBuilder(width: width)
        content.stack(grid, gapAfter: context.space(5))
        content.stack(context.text(note, style: "note", width: width, profileLanguage: false), role: .paragraph)
        return SectionHeading.wrap(table.heading, content: content.frame(), context: context, section: section)
    }

    /// The band across the top of the first page: `title` with the band's label and the period
    /// in one heading, `subtitle` under it.
    func band(title titleText: String, label labelText: String, period periodText: String, subtitle: String) -> Frame {
        var builder = FrameBuilder(width: width)
        let top = context.space(22)
        let label = context.text(labelText, style: "band-label", width: nil, profileLanguage: false)
        var periodStyle = "band-period"
        var period = context.text(periodText, style: periodStyle, width: nil, alignment: .end, profileLanguage: false)
        if period.metrics.size.width > context.space(110) {
            periodStyle = "band-period-long"
            period = context.text(periodText, style: periodStyle, width: nil, alignment: .end, profileLanguage: false)
        }
        let periodWidth = max(label.metrics.size.width, period.metrics.size.width)
        let textWidth = width - periodWidth - context.template.grid.gutter
        var title = context.text(titleText, style: "title", width: textWidth, profileLanguage: false)
        var names = context.text(subtitle, style: "subtitle", width: textWidth, profileLanguage: false)
        let textHeight = title.metrics.size.height + context.space(4) + names.metrics.size.height
        let periodHeight = label.metrics.size.height + period.metrics.size.height
        let contentHeight = max(textHeight, periodHeight)
        title.origin = Point(x: 0, y: top + (contentHeight - textHeight) / 2)
        names.origin = Point(x: 0, y: title.origin.y + title.metrics.size.height + context.space(4))
        var placedLabel = label
        let periodTop = top + (contentHeight - periodHeight) / 2
        placedLabel.origin = Point(x: width - label.metrics.size.width, y: periodTop)
        var placedPeriod = context.text(periodText, style: periodStyle, width: periodWidth, alignment: .end, profileLanguage: false)
        placedPeriod.origin = Point(x: width - periodWidth, y: periodTop + label.metrics.size.height)
        let height = top + contentHeight + context.space(20)
        builder.insertBackground(Shape(
            .rectangle(Rect(x: -margins.left, y: 0, width: context.pageSize.width, height: height), cornerRadius: 0), fill: context.color("band")))
        builder.addDecoration(Shape(
            .rectangle(Rect(x: -margins.left, y: height - context.space(4), width: context.pageSize.width, height: context.space(4)), cornerRadius: 0),
            fill: context.color("accent-2")))
        // One heading, as on a sheet: the title with the label and the period.
        builder.add(Frame(size: Size(width: width, height: max(title.bounds.maxY, placedPeriod.bounds.maxY)),
                          items: [.text(title), .text(placedLabel), .text(placedPeriod)], role: .heading(level: 1)))
        builder.add(names, role: .paragraph)
        builder.cursor = height
        return builder.frame(role: .section(.init(kind: .titleBand)))
    }

    /// The running header of the pages after the first.
    func header() -> Frame {
        var builder = FrameBuilder(width: width)
        let text = context.text(title, style: "header-title", width: width, profileLanguage: false)
        builder.add(text, role: .paragraph)
        builder.cursor = text.metrics.size.height + context.space(5)
        builder.addDecoration(Shape(.rectangle(Rect(x: 0, y: builder.cursor, width: width, height: context.space(2.5)), cornerRadius: 0), fill: context.color("accent")))
        builder.cursor += context.space(2.5)
        return builder.frame(role: .artifact(.header))
    }

    /// Every page's footer: what the document is, page n of m, the date made.
    func footer(page: Int, of count: Int) -> Frame {
        let third = FooterComponent.partWidth(context, width: width)
        let left = context.text(footerLabel, style: "footer", width: third, profileLanguage: false)
        let pageText = context.strings.text("footer.page", ["page": context.numbers.count(page), "pages": context.numbers.count(count)])
        let center = context.text(pageText, style: "footer", width: third, alignment: .center, profileLanguage: false)
        let right = context.text(context.strings.text("many.generated", ["date": context.generatedOn]), style: "footer", width: third, alignment: .end, profileLanguage: false)
        return FooterComponent.frame(left: left, center: center, right: right, context: context, width: width)
    }

    /// "2024–2025" for periods in different years, the one label when they share one.
    static func period(of periods: [ReportingPeriod], locale: Locale) -> String {
        let labels = Set(periods.map { $0.label(locale: locale) })
        if labels.count == 1, let only = labels.first { return only }
        let years = periods.flatMap { period -> [Int] in
            switch period {
            case .year(let year): [year]
            case .months(let from, let to): [from.year, to.year]
            }
        }
        guard let first = years.min(), let last = years.max() else { return "" }
        return first == last ? String(first) : "\(first)–\(last)"
    }
}
