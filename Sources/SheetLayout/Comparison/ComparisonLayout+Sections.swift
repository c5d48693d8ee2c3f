import Foundation
import SheetCore

/// The comparison's tables and the note about its sources.
extension ComparisonLayout {
    static let notReported = "not reported"
    static let withheld = "withheld"

    // MARK: Tables

    /// The tables that show something for at least one community, in reading order.
    func tables() -> [Table] {
        var tables = [keyFigures(), participation()]
        for (field, heading) in [("members.regions", "Members by region"), ("members.career_stages", "Members by career stage"), ("funding", "Funding")] {
            tables.append(breakdown(field, heading: heading))
        }
        return tables.compactMap { $0 }
    }

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
            grid.row(line.label, cells: profiles.map(line.cell), index: index, field: line.field)
        }
        return Table(heading: "Key figures", section: .init(kind: .keyFigures), header: namesRow(), rows: rows, note: nil)
    }

    /// How many activities each community reports in each mode, Convey to Champion, as bars
    /// on one scale: the largest count in the table.
    func participation() -> Table? {
        let largest = profiles.flatMap { profile in ParticipationMode.allCases.map { profile.programming[$0].count } }.max() ?? 0
        var withheldAny = false
        let rows = ParticipationMode.allCases.enumerated().map { index, mode in
            grid.row(mode.label, cells: profiles.map { profile in
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
                    if withheld { return rank == 0 ? .missing(Self.withheld) : .empty }
                    guard let shares = breakdown?.sortedByShare, !shares.isEmpty else { return rank == 0 ? .missing(Self.notReported) : .empty }
                    guard rank < shares.count else { return .empty }
                    return .namedShare(context.template.label(forCategory: shares[rank].category, field: field), shares[rank].percent)
                }
                rows.append(grid.row(Self.rankLabel(rank), cells: cells, index: rank, field: field))
            }
            var note = "Each community's own categories, largest first; each bar is a share of its community's total, "
                + "on a track that stands for 100 %."
            if withheld.contains(true) { note += " \(withheldNote())" }
            return Table(heading: heading, section: .init(kind: .barChart, field: field), header: namesRow(), rows: rows, note: note)
        }
        if categories.isEmpty {
            rows.append(grid.row("All categories", cells: withheld.map { $0 ? .missing(Self.withheld) : .missing(Self.notReported) }, index: 0, field: field))
        }
        for (index, category) in categories.enumerated() {
            let cells: [Cell] = zip(breakdowns, withheld).map { breakdown, withheld in
                if withheld { return .missing(Self.withheld) }
                guard let breakdown, !breakdown.shares.isEmpty else { return .missing(Self.notReported) }
                guard let share = breakdown.shares.first(where: { $0.category == category }) else { return .missing("not listed") }
                return .share(share.percent)
            }
            rows.append(grid.row(context.template.label(forCategory: category, field: field), cells: cells, index: index, field: "\(field).\(category)"))
        }
        var note = "Each bar is a share of its community's total, on a track that stands for 100 %; "
            + "“not listed”: not a category of that community's breakdown."
        if withheld.contains(true) { note += " \(withheldNote())" }
        return Table(heading: heading, section: .init(kind: .barChart, field: field), header: namesRow(), rows: rows, note: note)
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

    // MARK: Note

    /// Where the figures come from and under which licences.
    func aboutFrame() -> Frame? {
        let licences = Array(Set(profiles.map(\.license))).sorted().joined(separator: ", ")
        let text = "Each column is one community's profile for its reporting period, with the survey figures merged into it, "
            + "as on its own sheet. Figures come from the communities' own profiles (licences: \(licences)). "
            + "Generated \(context.generatedOn) with profilesheet."
        let paragraph = context.text(text, style: "note", width: context.contentWidth, profileLanguage: false)
        var builder = FrameBuilder(width: context.contentWidth)
        builder.stack(paragraph, role: .paragraph)
        return SectionHeading.wrap("About this comparison", content: builder.frame(), context: context, section: .init(kind: .about))
    }
}
