import Foundation
import SheetCore

/// The comparison's sections: the band, the tables and the note about the sheet, and the
/// running header and footer.
extension ComparisonLayout {
    static let notReported = "not reported"
    static let withheld = "withheld"

    // MARK: Tables

    /// Type, founding year, period, members and the people behind the community.
    func keyFigures() -> Table? {
        let numbers = context.numbers
        func figure(_ field: String, _ value: @escaping (Profile) -> String?) -> (Profile) -> Cell {
            { profile in
                if profile.suppressed[field] != nil { return .missing(Self.withheld) }
                return value(profile).map(Cell.value) ?? .missing(Self.notReported)
            }
        }
        let lines: [(label: String, field: String, cell: (Profile) -> Cell)] = [
            ("Type", "type", { .value($0.type.label) }),
            ("Founded", "founded", figure("founded") { $0.founded.map(String.init) }),
            ("Reporting period", "period", { .value($0.period.label(locale: context.locale)) }),
            ("Members", "members.count", figure("members.count") { $0.members.count.map(numbers.count) }),
            ("Active members", "members.active", figure("members.active") { profile in
                guard let active = profile.members.active else { return nil }
                guard let count = profile.members.count, count > 0 else { return numbers.count(active) }
                return "\(numbers.count(active)) (\(numbers.percent(Double(active) * 100 / Double(count))))"
            }),
            ("Paid staff (FTE)", "staffing.paid_fte", figure("staffing.paid_fte") { $0.staffing.paidFTE.map { numbers.decimal($0, places: 2) } }),
            ("Community managers", "staffing.community_managers", figure("staffing.community_managers") { $0.staffing.communityManagers.map(numbers.count) }),
            ("Volunteers", "staffing.volunteers", figure("staffing.volunteers") { $0.staffing.volunteers.map(numbers.count) }),
        ]
        let rows = lines.enumerated().map { index, line in
            row(line.label, cells: profiles.map(line.cell), index: index, field: line.field)
        }
        return Table(heading: "Key figures", section: .init(kind: .keyFigures), rows: rows, note: nil)
    }

    /// How many activities each community reports in each mode, Convey to Champion, as bars
    /// on one scale: the largest count in the table.
    func participation() -> Table? {
        let largest = profiles.flatMap { profile in ParticipationMode.allCases.map { profile.programming[$0].count } }.max() ?? 0
        var withheldAny = false
        let rows = ParticipationMode.allCases.enumerated().map { index, mode in
            row(mode.label, cells: profiles.map { profile in
                if profile.suppressed["programming"] != nil || profile.suppressed["programming.\(mode.rawValue)"] != nil {
                    withheldAny = true
                    return .missing(Self.withheld)
                }
                return .count(profile.programming[mode].count, of: largest)
            }, index: index, field: "programming.\(mode.rawValue)")
        }
        let note = "Activities each community reports in each mode of the Community Participation Model; "
            + "the bars share one scale, the largest count in the table."
            + (withheldAny ? " \(withheldNote())" : "")
        return Table(heading: "Programming through the Community Participation Model", section: .init(kind: .participationModel),
                     rows: rows, note: note)
    }

    /// A breakdown's categories, those most of the communities' members (or money) are in
    /// first, each community's share a bar on a track that stands for 100 %; nil when no
    /// community gives it and no survey withheld it.
    func breakdown(_ field: String, heading: String) -> Table? {
        let breakdowns = profiles.map { BreakdownSource.breakdown(field, in: $0) }
        let withheld = profiles.map { $0.suppressed[field] != nil }
        guard breakdowns.contains(where: { !($0?.shares.isEmpty ?? true) }) || withheld.contains(true) else { return nil }
        // Categories by their summed share, ties in the order first met.
        var order: [String] = []
        var sums: [String: Double] = [:]
        for breakdown in breakdowns.compactMap({ $0 }) {
            for share in breakdown.shares {
                if sums[share.category] == nil { order.append(share.category) }
                sums[share.category, default: 0] += share.percent
            }
        }
        let categories = order.enumerated().sorted { lhs, rhs in
            let (a, b) = (sums[lhs.element] ?? 0, sums[rhs.element] ?? 0)
            return a != b ? a > b : lhs.offset < rhs.offset
        }.map(\.element)
        var rows: [Frame] = []
        let longest = breakdowns.map { $0?.shares.count ?? 0 }.max() ?? 0
        let named = breakdowns.compactMap { $0.map { Set($0.shares.map(\.category)) } }
        let shared = categories.filter { category in named.filter { $0.contains(category) }.count >= 2 }
        if shared.count * 2 < categories.count {
            // Most categories are one community's own (the regions of its country): each column
            // lists its own, largest first, on the same 100 % track, rather than a table of
            // mostly empty cells.
            for rank in 0..<longest {
                let cells: [Cell] = zip(breakdowns, withheld).map { breakdown, withheld in
                    if withheld { return rank == 0 ? .missing(Self.withheld) : .empty }
                    guard let shares = breakdown?.sortedByShare, !shares.isEmpty else { return rank == 0 ? .missing(Self.notReported) : .empty }
                    guard rank < shares.count else { return .empty }
                    return .namedShare(context.template.label(forCategory: shares[rank].category, field: field), shares[rank].percent)
                }
                rows.append(row(Self.rankLabel(rank), cells: cells, index: rank, field: field))
            }
            var note = "Each community's own categories, largest first; each bar is a share of its community's total, "
                + "on a track that stands for 100 %."
            if withheld.contains(true) { note += " \(withheldNote())" }
            return Table(heading: heading, section: .init(kind: .barChart, field: field), rows: rows, note: note)
        }
        if categories.isEmpty {
            rows.append(row("All categories", cells: withheld.map { $0 ? .missing(Self.withheld) : .missing(Self.notReported) }, index: 0, field: field))
        }
        for (index, category) in categories.enumerated() {
            let cells: [Cell] = zip(breakdowns, withheld).map { breakdown, withheld in
                if withheld { return .missing(Self.withheld) }
                guard let breakdown, !breakdown.shares.isEmpty else { return .missing(Self.notReported) }
                guard let share = breakdown.shares.first(where: { $0.category == category }) else { return .missing("not listed") }
                return .share(share.percent)
            }
            rows.append(row(context.template.label(forCategory: category, field: field), cells: cells, index: index, field: "\(field).\(category)"))
        }
        var note = "Each bar is a share of its community's total, on a track that stands for 100 %; "
            + "“not listed”: not a category of that community's breakdown."
        if withheld.contains(true) { note += " \(withheldNote())" }
        return Table(heading: heading, section: .init(kind: .barChart, field: field), rows: rows, note: note)
    }

    /// "Largest", "2nd", "3rd", "4th", …: the row labels of a breakdown listed by rank.
    static func rankLabel(_ rank: Int) -> String {
        let place = rank + 1
        guard place > 1 else { return "Largest" }
        let suffix = (11...13).contains(place % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][place % 10] ?? "th"
        return "\(place)\(suffix)"
    }

    /// What "withheld" means, with the smallest number of responses a survey asked for.
    func withheldNote() -> String {
        let minimum = profiles.flatMap { $0.suppressed.values.map(\.minimumResponses) }.min() ?? 0
        return "“Withheld”: the survey behind the value had fewer than \(minimum) responses, so the value is not shown."
    }

    // MARK: Band, header, footer, note

    /// The band across the top of the first page: the sheet's title with its label and the
    /// period in one heading, and how many communities it compares under it.
    func band() -> Frame {
        var builder = FrameBuilder(width: width)
        let top = context.space(22)
        let label = context.text("Community profiles", style: "band-label", width: nil, profileLanguage: false)
        let periods = Array(Set(profiles.map { $0.period.label(locale: context.locale) })).sorted()
        let periodText = periods.count == 1 ? periods[0] : Self.yearSpan(profiles.map(\.period))
        var periodStyle = "band-period"
        var period = context.text(periodText, style: periodStyle, width: nil, alignment: .end, profileLanguage: false)
        if period.metrics.size.width > context.space(110) {
            periodStyle = "band-period-long"
            period = context.text(periodText, style: periodStyle, width: nil, alignment: .end, profileLanguage: false)
        }
        let periodWidth = max(label.metrics.size.width, period.metrics.size.width)
        let textWidth = width - periodWidth - context.template.grid.gutter
        var title = context.text("Community profiles compared", style: "title", width: textWidth, profileLanguage: false)
        // The names head the columns, each in its own language; here only their number, so
        // that no line mixes the scripts of several communities under one language.
        var names = context.text("\(profiles.count) communities side by side", style: "subtitle", width: textWidth, profileLanguage: false)
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
        builder.add(Frame(size: Size(width: width, height: max(names.bounds.maxY, placedPeriod.bounds.maxY)),
                          items: [.text(title), .text(placedLabel), .text(placedPeriod)], role: .heading(level: 1)))
        builder.add(names, role: .paragraph)
        builder.cursor = height
        return builder.frame(role: .section(.init(kind: .titleBand)))
    }

    /// "2024–2025" for periods in different years.
    static func yearSpan(_ periods: [ReportingPeriod]) -> String {
        let years = periods.flatMap { period -> [Int] in
            switch period {
            case .year(let year): [year]
            case .months(let from, let to): [from.year, to.year]
            }
        }
        guard let first = years.min(), let last = years.max() else { return "" }
        return first == last ? String(first) : "\(first)–\(last)"
    }

    /// The running header of the pages after the first.
    func header() -> Frame {
        var builder = FrameBuilder(width: width)
        let text = context.text("Community profiles compared", style: "header-title", width: width, profileLanguage: false)
        builder.add(text, role: .paragraph)
        builder.cursor = text.metrics.size.height + context.space(5)
        builder.addDecoration(Shape(.rectangle(Rect(x: 0, y: builder.cursor, width: width, height: context.space(2.5)), cornerRadius: 0), fill: context.color("accent")))
        builder.cursor += context.space(2.5)
        return builder.frame(role: .artifact(.header))
    }

    /// Every page's footer: what the sheet is, page n of m, the date made.
    func footer(page: Int, of count: Int) -> Frame {
        var builder = FrameBuilder(width: width)
        let third = (width - 2 * context.template.grid.gutter) / 3
        let left = context.text("Community profiles compared · \(profiles.count) communities", style: "footer", width: third, profileLanguage: false)
        let center = context.text("Page \(page) of \(count)", style: "footer", width: third, alignment: .center, profileLanguage: false)
        let right = context.text("Generated \(context.generatedOn)", style: "footer", width: third, alignment: .end, profileLanguage: false)
        let ruleGap = context.space(6)
        builder.addDecoration(Shape(.line(from: Point(x: 0, y: 0), to: Point(x: width, y: 0)), stroke: Stroke(color: context.color("rule"), width: 0.6)))
        for (text, x) in [(left, 0.0), (center, third + context.template.grid.gutter), (right, width - third)] {
            var placed = text
            placed.origin = Point(x: x, y: ruleGap)
            builder.add(placed, role: .paragraph)
        }
        builder.cursor = ruleGap + max(left.metrics.size.height, center.metrics.size.height, right.metrics.size.height)
        return builder.frame(role: .artifact(.footer))
    }

    /// Where the figures come from and under which licences.
    func aboutFrame() -> Frame? {
        let licences = Array(Set(profiles.map(\.license))).sorted().joined(separator: ", ")
        let text = "Each column is one community's profile for its reporting period, with the survey figures merged into it, "
            + "as on its own sheet. Figures come from the communities' own profiles (licences: \(licences)). "
            + "Generated \(context.generatedOn) with profilesheet."
        let paragraph = context.text(text, style: "note", width: width, profileLanguage: false)
        var builder = FrameBuilder(width: width)
        builder.stack(paragraph, role: .paragraph)
        return SectionHeading.wrap("About this comparison", content: builder.frame(), context: context, section: .init(kind: .about))
    }
}
