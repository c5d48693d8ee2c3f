import Foundation
import SheetCore

/// Lays out the collection at a glance: the pages that open `collection.pdf` and make
/// `output/overview.pdf`, in the template's design. Tables a funder reads across the whole
/// collection: how many communities of each type; every community with its key figures; the
/// participation model across the collection (activities per mode, one scale for the table);
/// the funding mixes side by side (each a share of 100 %); how many communities name each
/// keyword. A value a survey withheld reads "withheld", one a community did not give "not
/// reported"; neither counts as a zero. Tables longer than a page go on between rows
/// (`TablePages`).
public struct OverviewLayoutEngine: Sendable {
    public var template: Template
    public var measurer: any TextMeasurer

    public init(template: Template, measurer: any TextMeasurer) {
        self.template = template
        self.measurer = measurer
    }

    /// What the band says a collection covers, from its sheets' period labels: the one they
    /// share, else the span of the years they name ("2024–2025").
    public static func period(ofLabels labels: [String]) -> String {
        let distinct = Set(labels)
        if distinct.count == 1, let only = distinct.first { return only }
        let years = labels.flatMap { label in
            label.split { !$0.isNumber }.compactMap { Int($0) }.filter { (1000...9999).contains($0) }
        }
        guard let first = years.min(), let last = years.max() else { return "" }
        return first == last ? String(first) : "\(first)–\(last)"
    }

    /// `period` is what the band says the collection covers ("2025", "2024–2025"); keywords
    /// are shown by their labels in `taxonomy` (as they are, when it has none for them). The
    /// overview's own words are the template's (`overview.*`, `many.*`) in the collection's
    /// language, `options.language` (`build --language`), else English, its numbers written
    /// that language's way; a right-to-left language mirrors the pages as a sheet's.
    public func layout(_ communities: [OverviewCommunity], period: String, taxonomy: Taxonomy, options: LayoutOptions) -> LayoutResult {
        let paper = options.paper ?? template.defaultPaper
        let pageSize = template.papers[paper] ?? Size(width: 612, height: 792)
        let requested = options.language ?? TemplateStrings.reference
        let numbers = NumberText(language: requested)
        let (strings, translated) = template.sheetStrings(for: requested, numbers: numbers)
        // A language the template does not translate: English words (the run warned once).
        let language = translated ? requested : TemplateStrings.reference
        var base = Profile(id: "overview", name: strings.text("many.band-label"), type: .other, period: .year(2025), mission: "", file: "")
        base.language = language
        let context = LayoutContext(
            profile: base, taxonomy: taxonomy, template: template, measurer: measurer, scale: 1, paper: paper,
            pageSize: pageSize, pageNumber: 1, pageCount: 1, generatedOn: options.dateText, numbers: numbers,
            strings: strings, language: language)
        let overview = Overview(communities: communities, context: context)
        var pages = overview.pages(period: period)
        if context.rightToLeft { pages = pages.map { $0.mirroredHorizontally() } }
        let metadata = DocumentMetadata(
            title: strings.text("overview.document-title"),
            subject: strings.text("overview.document-subject", ["communities": overview.communityCount(communities.count), "period": period]),
            keywords: [], creator: options.creator, language: language, date: options.date, bookmark: strings.text("overview.title"))
        return LayoutResult(document: SheetDocument(pages: pages, metadata: metadata), diagnostics: [], scales: pages.map { _ in 1 })
    }
}

/// One overview being laid out.
struct Overview {
    var communities: [OverviewCommunity]
    var context: LayoutContext

    typealias Cell = TableGrid.Cell
    typealias Table = TablePages.Table

    var strings: SheetStrings { context.strings }
    var notReported: String { strings.text("many.not-reported") }
    var withheld: String { strings.text("many.withheld") }

    /// "3 communities", in the overview's words.
    func communityCount(_ count: Int) -> String { strings.text("many.communities", count: count) }

    var paging: TablePages {
        TablePages(context: context, title: strings.text("overview.title"),
                   footerLabel: strings.text("overview.footer", ["communities": communityCount(communities.count)]))
    }

    /// The label column of the tables with a row per community: wide enough for a name.
    var nameWidth: Double { (context.contentWidth * 0.3).rounded(.down) }

    func pages(period: String) -> [Page] {
        let band = paging.band(title: strings.text("overview.title"), label: strings.text("many.band-label"), period: period,
                               subtitle: communityCount(communities.count))
        let tables = [types(), directory(), participation(), funding(), keywords()].compactMap { $0 }
        return paging.pages(band: band, tables: tables, closing: nil)
    }

    /// The community's name as a row's label, in its own language.
    func nameContext(_ community: OverviewCommunity) -> LayoutContext {
        var own = context
        own.profile.language = community.language
        return own
    }

    /// A table's corner (the label column's name), in the template's words.
    func corner(_ key: String) -> PositionedText {
        context.text(strings.text(key), style: "label", width: nameWidth, profileLanguage: false)
    }

    /// A grid with one column of tallies ("3 communities", a bar before each), wide enough for
    /// the longest of `counts` said with its unit: a count with its unit is read as what it
    /// counts, never as a page number.
    func tallyGrid(_ counts: [Int]) -> TableGrid {
        var grid = TableGrid(context: context, labelWidth: nameWidth, columnWidths: [context.contentWidth * 0.4])
        grid.valueWidth = grid.widestValue(Set(counts).map(communityCount))
        return grid
    }

    /// How many communities of each type, the most common first.
    func types() -> Table? {
        guard !communities.isEmpty else { return nil }
        var counts: [CommunityType: Int] = [:]
        for community in communities { counts[community.type, default: 0] += 1 }
        let largest = counts.values.max() ?? 0
        let order = CommunityType.allCases.filter { counts[$0] != nil }.enumerated().sorted { lhs, rhs in
            let (a, b) = (counts[lhs.element] ?? 0, counts[rhs.element] ?? 0)
            return a != b ? a > b : lhs.offset < rhs.offset
        }.map(\.element)
        let grid = tallyGrid(Array(counts.values))
        let header = grid.headerRow([grid.columnName(strings.text("overview.communities-column"), column: 0)], corner: corner("many.type"))
        let rows = order.enumerated().map { index, type in
            let count = counts[type] ?? 0
            return grid.row(strings.text("type.\(type.rawValue)"), cells: [.countWithUnit(count, of: largest, text: communityCount(count))],
                            index: index, field: "type")
        }
        return Table(heading: strings.text("overview.types"), section: .init(kind: .keyFigures, field: "type"), header: header, rows: rows, note: nil)
    }

    /// Every community with its type, founding year and the people behind it.
    func directory() -> Table? {
        guard !communities.isEmpty else { return nil }
        let rest = context.contentWidth - nameWidth
        let gap = TableGrid.gap(context)
        let typeWidth = (rest * 0.2).rounded(.down)
        let other = (rest - typeWidth - 7 * gap) / 6
        let grid = TableGrid(context: context, labelWidth: nameWidth, columnWidths: [typeWidth] + Array(repeating: other, count: 6))
        // Eight columns: their names in the small label style, so that no word breaks.
        let names = ["many.type", "many.founded", "many.members", "overview.active", "many.paid-staff", "many.community-managers", "many.volunteers"]
            .map { strings.text($0) }
        let header = grid.headerRow(names.enumerated().map { grid.columnName($0.element, column: $0.offset, style: "donut-label") },
                                    corner: corner("many.community"))
        let numbers = context.numbers
        let rows = communities.enumerated().map { index, community in
            func value(_ field: String, _ value: String?) -> Cell {
                if community.isWithheld(field) { return .missing(withheld) }
                return value.map(Cell.value) ?? .missing(notReported)
            }
            var active = community.activeMembers.map(numbers.count)
            if let count = community.members, count > 0, let members = community.activeMembers {
                active = "\(numbers.count(members)) (\(numbers.percent(Double(members) * 100 / Double(count))))"
            }
            let cells: [Cell] = [
                .value(strings.text("type.\(community.type.rawValue)")),
                value("founded", community.founded.map(String.init)),
                value("members.count", community.members.map(numbers.count)),
                value("members.active", active),
                value("staffing.paid_fte", community.paidFTE.map { numbers.decimal($0, places: 2) }),
                value("staffing.community_managers", community.communityManagers.map(numbers.count)),
                value("staffing.volunteers", community.volunteers.map(numbers.count)),
            ]
            // The name links to the community's sheet: its file beside overview.pdf, its first
            // page in collection.pdf (`PDFCollectionWriter`).
            return grid.row(community.name, cells: cells, index: index, field: "name", labelContext: nameContext(community),
                            link: URLCheck.sheetFileLink(community.id))
        }
        let note = [strings.text("overview.active-note"), withheldNote()].compactMap { $0 }.joined(separator: " ")
        return Table(heading: strings.text("overview.directory"), section: .init(kind: .keyFigures), header: header, rows: rows, note: note)
    }

    /// Activities per mode for every community, as bars on one scale: the largest count.
    func participation() -> Table? {
        guard !communities.isEmpty else { return nil }
        let grid = TableGrid(context: context, labelWidth: nameWidth, equalColumns: ParticipationMode.allCases.count)
        let header = grid.headerRow(ParticipationMode.allCases.enumerated().map { grid.columnName(strings.text("mode.\($0.element.rawValue)"), column: $0.offset) },
                                    corner: corner("many.community"))
        let largest = communities.flatMap { $0.activities.values }.max() ?? 0
        let rows = communities.enumerated().map { index, community in
            let cells: [Cell] = ParticipationMode.allCases.map { mode in
                community.isWithheld("programming.\(mode.rawValue)") ? .missing(withheld) : .count(community.activities[mode] ?? 0, of: largest)
            }
            return grid.row(community.displayShortName, cells: cells, index: index, field: "programming", labelContext: nameContext(community))
        }
        var note = strings.text("many.participation-note")
        if let withheld = withheldNote(), communities.contains(where: { $0.isWithheld("programming") }) { note += " \(withheld)" }
        return Table(heading: strings.text("overview.participation"), section: .init(kind: .participationModel),
                     header: header, rows: rows, note: note)
    }

    /// The funding mixes side by side: the categories most money comes from across the
    /// collection as columns (the rest summed as "Other"), each share of its community's total.
    func funding() -> Table? {
        let reported = communities.filter { !($0.funding?.isEmpty ?? true) || $0.isWithheld("funding") }
        guard !reported.isEmpty else { return nil }
        let ranked = Breakdown.categoriesBySummedShare(communities.compactMap(\.funding))
        // Five columns at most: past that, a column is "Other", the sum of the rest.
        let shown = ranked.count <= 5 ? ranked : Array(ranked.prefix(4))
        let folded = ranked.count > shown.count
        let labels = shown.map { context.label(forCategory: $0, field: "funding") } + (folded ? [strings.text("overview.other")] : [])
        let grid = TableGrid(context: context, labelWidth: nameWidth, equalColumns: max(1, labels.count))
        let header = grid.headerRow(labels.enumerated().map { grid.columnName($0.element, column: $0.offset) }, corner: corner("many.community"))
        let rows = communities.enumerated().map { index, community in
            var cells: [Cell]
            if community.isWithheld("funding") {
                cells = [.missing(withheld)]
            } else if let shares = community.funding, !shares.isEmpty {
                cells = shown.map { category in shares.first { $0.category == category }.map { .share($0.percent) } ?? .share(0) }
                if folded {
                    cells.append(.share(shares.filter { !shown.contains($0.category) }.reduce(0) { $0 + $1.percent }))
                }
            } else {
                cells = [.missing(notReported)]
            }
            return grid.row(community.displayShortName, cells: cells, index: index, field: "funding", labelContext: nameContext(community))
        }
        var note = strings.text("overview.funding-note")
        if folded { note += " " + strings.text("overview.other-note") }
        if let withheld = withheldNote(), communities.contains(where: { $0.isWithheld("funding") }) { note += " \(withheld)" }
        return Table(heading: strings.text("overview.funding"), section: .init(kind: .barChart, field: "funding"), header: header, rows: rows, note: note)
    }

    /// How many communities name each keyword, the most named first.
    func keywords() -> Table? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for community in communities {
            for keyword in Set(community.keywords) {
                if counts[keyword] == nil { order.append(keyword) }
                counts[keyword, default: 0] += 1
            }
        }
        guard !order.isEmpty else { return nil }
        // The taxonomy's label in the overview's language (as they are, when it has none).
        func label(_ keyword: String) -> String { context.taxonomy.label(for: keyword, language: context.language) ?? keyword }
        let ranked = order.sorted { lhs, rhs in
            let (a, b) = (counts[lhs] ?? 0, counts[rhs] ?? 0)
            return a != b ? a > b : label(lhs) < label(rhs)
        }
        let grid = tallyGrid(Array(counts.values))
        let header = grid.headerRow([grid.columnName(strings.text("overview.communities-column"), column: 0)], corner: corner("overview.keyword"))
        // A keyword the taxonomy does not label in the overview's language shows its English
        // label, and is tagged so (a German reader's voice would read it as German).
        let inEnglish: LayoutContext? = {
            guard context.language.lowercased().split(separator: "-").first != "en" else { return nil }
            var english = context
            english.profile.language = TemplateStrings.reference
            return english
        }()
        let largest = counts.values.max() ?? 0
        let rows = ranked.enumerated().map { index, keyword in
            let count = counts[keyword] ?? 0
            let untranslated = context.taxonomy.label(for: keyword).map { $0 == label(keyword) } ?? false
            return grid.row(label(keyword), cells: [.countWithUnit(count, of: largest, text: communityCount(count))],
                            index: index, field: "keywords", labelContext: untranslated ? inEnglish : nil)
        }
        return Table(heading: strings.text("overview.keywords"), section: .init(kind: .keywordChips, field: "keywords"), header: header, rows: rows, note: nil)
    }

    /// What "withheld" means, when a survey withheld anything.
    func withheldNote() -> String? {
        guard let minimum = communities.compactMap(\.withheldBelow).min() else { return nil }
        return strings.text("many.withheld-note", count: minimum)
    }
}
