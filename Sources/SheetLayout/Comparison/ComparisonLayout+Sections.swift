import Foundation
import SheetCore

/// The comparison's tables and the note about its sources, in the template's words
/// (`compare.*`, `many.*`).
extension ComparisonLayout {
    var strings: SheetStrings { context.strings }
    var notReported: String { strings.text("many.not-reported") }
    var withheld: String { strings.text("many.withheld") }

    // MARK: Tables

    /// The tables that show something for at least one community, in reading order.
    func tables() -> [Table] {
        var tables = [keyFigures(), participation()]
        for (field, heading) in [("members.regions", "compare.regions"), ("members.career_stages", "compare.career-stages"), ("funding", "compare.funding")] {
            tables.append(breakdown(field, heading: strings.text(heading)))
        }
        return tables.compactMap { $0 }
    }

    /// Type, founding year, period, members and the people behind the community.
    func keyFigures() -> Table? {
        let numbers = context.numbers
        let (withheld, notReported, strings) = (self.withheld, self.notReported, self.strings)
        func figure(_ field: String, _ value: @escaping (Profile) -> String?) -> (Profile) -> Cell {
            { profile in
                if profile.suppressed[field] != nil { return .missing(withheld) }
                return value(profile).map(Cell.value) ?? .missing(notReported)
            }
        }
        let lines: [(label: String, field: String, cell: (Profile) -> Cell)] = [
            (strings.text("many.type"), "type", { .value(strings.text("type.\($0.type.rawValue)")) }),
            (strings.text("many.founded"), "founded", figure("founded") { $0.founded.map(String.init) }),
            (strings.text("compare.period"), "period", { .value($0.period.label(locale: context.locale)) }),
            (strings.text("many.members"), "members.count", figure("members.count") { $0.members.count.map(numbers.count) }),
            (strings.text("compare.active-members"), "members.active", figure("members.active") { profile in
                guard let active = profile.members.active else { return nil }
                guard let count = profile.members.count, count > 0 else { return numbers.count(active) }
                return "\(numbers.count(active)) (\(numbers.percent(Double(active) * 100 / Double(count))))"
            }),
            (strings.text("many.paid-staff"), "staffing.paid_fte", figure("staffing.paid_fte") { $0.staffing.paidFTE.map { numbers.decimal($0, places: 2) } }),
            (strings.text("many.community-managers"), "staffing.community_managers",
             figure("staffing.community_managers") { $0.staffing.communityManagers.map(numbers.count) }),
            (strings.text("many.volunteers"), "staffing.volunteers", figure("staffing.volunteers") { $0.staffing.volunteers.map(numbers.count) }),
        ]
        let rows = lines.enumerated().map { index, line in
            grid.row(line.label, cells: profiles.map(line.cell), index: index, field: line.field)
        }
        return Table(heading: strings.text("compare.key-figures"), section: .init(kind: .keyFigures), header: namesRow(), rows: rows, note: nil)
    }

    /// How many activities each community reports in each mode, Convey to Champion, as bars
    /// on one scale: the largest count in the table.
    func participation() -> Table? {
        let largest = profiles.flatMap { profile in ParticipationMode.allCases.map { profile.programming[$0].count } }.max() ?? 0
        var withheldAny = false
        let rows = ParticipationMode.allCases.enumerated().map { index, mode in
            grid.row(strings.text("mode.\(mode.rawValue)"), cells: profiles.map { profile in
                if profile.suppressed["programming"] != nil || profile.suppressed["programming.\(mode.rawValue)"] != nil {
                    withheldAny = true
                    return .missing(withheld)
                }
                return .count(profile.programming[mode].count, of: largest)
            }, index: index, field: "programming.\(mode.rawValue)")
        }
        let note = strings.text("many.participation-note") + (withheldAny ? " \(withheldNote())" : "")
        return Table(heading: strings.text("compare.participation"), section: .init(kind: .participationModel),
                     header: namesRow(), rows: rows, note: note)
    }

    /// A breakdown's categories, those most of the communities' members (or money) are in
    /// first, each community's share a bar on a track that stands for 100 %; nil when no
    /// community gives it and no survey withheld it.
    func breakdown(_ field: String, heading: String) -> Table? {
        let breakdowns = profiles.map { BreakdownSource.breakdown(field, in: $0) }
        let withheld = profiles.map { $0.suppressed[field] != nil }
        guard breakdowns.contains(where: { !($0?.shares.isEmpty ?? true) }) || withheld.contains(true) else { return nil }
        let categories = Breakdown.categoriesBySummedShare(breakdowns.compactMap { $0?.shares })
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
                    if withheld { return rank == 0 ? .missing(self.withheld) : .empty }
                    guard let shares = breakdown?.sortedByShare, !shares.isEmpty else { return rank == 0 ? .missing(notReported) : .empty }
                    guard rank < shares.count else { return .empty }
                    return .namedShare(context.label(forCategory: shares[rank].category, field: field), shares[rank].percent)
                }
                rows.append(grid.row(rankLabel(rank), cells: cells, index: rank, field: field))
            }
            var note = strings.text("compare.own-categories-note")
            if withheld.contains(true) { note += " \(withheldNote())" }
            return Table(heading: heading, section: .init(kind: .barChart, field: field), header: namesRow(), rows: rows, note: note)
        }
        if categories.isEmpty {
            rows.append(grid.row(strings.text("compare.all-categories"), cells: withheld.map { $0 ? .missing(self.withheld) : .missing(notReported) },
                                 index: 0, field: field))
        }
        for (index, category) in categories.enumerated() {
            let cells: [Cell] = zip(breakdowns, withheld).map { breakdown, withheld in
                if withheld { return .missing(self.withheld) }
                guard let breakdown, !breakdown.shares.isEmpty else { return .missing(notReported) }
                guard let share = breakdown.shares.first(where: { $0.category == category }) else { return .missing(strings.text("many.not-listed")) }
                return .share(share.percent)
            }
            rows.append(grid.row(context.label(forCategory: category, field: field), cells: cells, index: index, field: "\(field).\(category)"))
        }
        var note = strings.text("compare.shares-note")
        if withheld.contains(true) { note += " \(withheldNote())" }
        return Table(heading: heading, section: .init(kind: .barChart, field: field), header: namesRow(), rows: rows, note: note)
    }

    /// "Largest", "Rank 2", "Rank 3", …: the row labels of a breakdown listed by rank. A rank
    /// in words, not an ordinal suffix, so that every language writes it with one string (and
    /// no row is labelled by a bare number, which a reader takes for a page number).
    func rankLabel(_ rank: Int) -> String {
        rank == 0 ? strings.text("compare.rank-first") : strings.text("compare.rank", ["rank": context.numbers.count(rank + 1)])
    }

    /// What "withheld" means, with the smallest number of responses a survey asked for.
    func withheldNote() -> String {
        let minimum = profiles.flatMap { $0.suppressed.values.map(\.minimumResponses) }.min() ?? 0
        return strings.text("many.withheld-note", count: minimum)
    }

    // MARK: Note

    /// Where the figures come from and under which licences.
    func aboutFrame() -> Frame? {
        let licences = Array(Set(profiles.map(\.license))).sorted().joined(separator: ", ")
        let text = strings.text("compare.about", ["licenses": licences, "date": context.generatedOn])
        let paragraph = context.text(text, style: "note", width: context.contentWidth, profileLanguage: false)
        var builder = FrameBuilder(width: context.contentWidth)
        builder.stack(paragraph, role: .paragraph)
        return SectionHeading.wrap(strings.text("compare.about-heading"), content: builder.frame(), context: context, section: .init(kind: .about))
    }
}
