import Foundation
import SheetCore
@testable import SheetLayout
import Synchronization
import Testing

/// Rows of columns end close together, on the frame tree, with fixed metrics: every sample
/// and fixture profile on both papers, and rows made to be lopsided.
@Suite("Balanced column rows")
struct ColumnBalanceTests {
    /// Every profile of the samples and the sheet fixtures, as the loader reads them (without
    /// survey data, which only the pipeline merges).
    static func profiles() -> [(Profile, Taxonomy)] {
        ["profiles", "Tests/Fixtures/sheets"].flatMap { folder -> [(Profile, Taxonomy)] in
            let root = LayoutFixture.repositoryRoot + "/" + folder
            let taxonomy = TaxonomyLoader.load(file: root + "/taxonomy.yaml").taxonomy
            let loader = ProfileLoader(profilesRoot: root, taxonomy: taxonomy, currentYear: 2026)
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
                .filter { $0.hasSuffix(".yaml") && $0 != "taxonomy.yaml" }.sorted()
            return files.compactMap { loader.load(file: root + "/" + $0).profile.map { ($0, taxonomy) } }
        }
    }

    /// A row on a page: a frame holding two or more columns side by side, each a frame with
    /// sections; with where each column's last section ends (page coordinates).
    struct Row {
        var top: Double
        var ends: [Double]
        var fields: [[FrameRole.Section]]
    }

    static func rows(_ frame: Frame, at offset: Point = .zero) -> [Row] {
        let here = frame.origin.offset(by: offset)
        var found: [Row] = []
        let columns = frame.items.compactMap { item -> Frame? in
            if case .group(let child) = item, child.role == .group, !child.sections().isEmpty { return child }
            return nil
        }
        if frame.role == .group, columns.count >= 2, Set(columns.map(\.origin.x)).count == columns.count {
            let ends = columns.map { column in column.sections(at: here).map(\.bounds.maxY).max() ?? here.y }
            found.append(Row(top: here.y, ends: ends, fields: columns.map { $0.sections(at: here).map(\.section) }))
            return found
        }
        for case .group(let child) in frame.items { found += rows(child, at: here) }
        return found
    }

    /// Columns of a row that is whole on its page end within 30 % of the row's height or three
    /// lines of body text of each other (what the content allows: a chart beside two short
    /// lines cannot end with them). A row cut by a page break is judged by the pagination tests.
    static func checkBalanced(_ result: LayoutResult, name: String) {
        let pages = result.document.pages
        for (index, page) in pages.enumerated() {
            let continuedNext = index + 1 < pages.count
                ? Set(pages[index + 1].frame.sections().map(\.section).filter(\.continued).map(\.field)) : []
            for row in rows(page.frame) {
                let sections = row.fields.joined()
                if sections.contains(where: { $0.continued || continuedNext.contains($0.field) }) { continue }
                let height = (row.ends.max() ?? row.top) - row.top
                let spread = (row.ends.max() ?? 0) - (row.ends.min() ?? 0)
                #expect(spread <= max(0.3 * height, 3 * 9.5 * 1.38) + 0.01,
                        "\(name) page \(index + 1): columns \(row.fields.map { $0.map { $0.field ?? "\($0.kind)" } }) end \(Int(spread)) pt apart in a row \(Int(height)) pt tall")
            }
        }
    }

    @Test(arguments: [PaperSize.letter, .a4])
    func everySampleAndFixtureHasBalancedRows(paper: PaperSize) throws {
        for (profile, taxonomy) in Self.profiles() {
            var options = LayoutFixture.options
            options.paper = paper
            let result = SheetLayoutEngine(template: try LayoutFixture.template(), measurer: FixedMetricMeasurer()).layout(profile, taxonomy: taxonomy, options: options)
            Self.checkBalanced(result, name: "\(profile.id) \(paper.label)")
        }
    }

    /// A short champions text beside eight tools, one chip a line: at the designed 7 and 5
    /// columns the text ends far above the tools; the row takes other spans, and its columns
    /// end within two lines of each other.
    @Test func aLopsidedRowTakesOtherSpans() throws {
        var profile = LayoutFixture.rich()
        profile.champions = RichText(plain: String(repeating: "Experienced members mentor new leads every month. ", count: 4))
        profile.tools = (1...8).map { "Tool number \($0) of many" }
        let result = try LayoutFixture.layout(profile)
        let page = try #require(result.document.pages.first { page in Self.rows(page.frame).contains { $0.fields.joined().contains { $0.field == "champions" } } })
        let row = try #require(Self.rows(page.frame).first { $0.fields.joined().contains { $0.field == "champions" } })
        let spread = (row.ends.max() ?? 0) - (row.ends.min() ?? 0)
        #expect(spread <= 2 * 9.5 * 1.38, "\(row.ends)")
        // Not the designed 7 : 5 any more.
        let widths = page.frame.frames { $0.section?.field == "champions" || $0.section?.field == "tools" }.map(\.bounds.width)
        let designed = (page.size.width - 80 - 14) * 7 / 12
        #expect(widths.count == 2 && abs(widths[0] - designed) > 1, "\(widths)")
    }

    @Test func spansTriedKeepTheTotalAndTheirBounds() {
        let spans = SheetLayoutEngine.balancingSpans([7, 5])
        #expect(spans == [[5, 7], [6, 6], [8, 4]])
        #expect(SheetLayoutEngine.balancingSpans([6, 6]).allSatisfy { $0.reduce(0, +) == 12 && $0.allSatisfy { (4...8).contains($0) } })
        #expect(SheetLayoutEngine.balancingSpans([4, 4, 4]).allSatisfy { $0.reduce(0, +) == 12 && $0.allSatisfy { $0 >= 4 } })
        // Sections move one at a time across a boundary, the reading order kept.
        #expect(SheetLayoutEngine.balancingCounts([2, 2]) == [[1, 3], [2, 2], [3, 1]])
        #expect(SheetLayoutEngine.balancingCounts([1, 2]) == [[1, 2], [2, 1]])
    }

    /// The arrangements of a row are the spans and the moves of boundary sections, each with
    /// each, but the designed one.
    @Test func arrangementsAreEverySpanWithEveryMove() {
        let designed = SheetLayoutEngine.RowArrangement(spans: [7, 5], counts: [2, 2])
        let arrangements = SheetLayoutEngine.balancingArrangements(designed)
        #expect(arrangements.count == 4 * 3 - 1)
        #expect(!arrangements.contains(designed))
        #expect(Set(arrangements.map(\.spans)) == [[7, 5], [5, 7], [6, 6], [8, 4]])
        #expect(arrangements.allSatisfy { $0.counts.reduce(0, +) == 4 && $0.spans.reduce(0, +) == 12 })
    }

    /// Balancing tries only what can beat the row as it is: with the right column the taller,
    /// a wider right column or a section moved out of it; with the left one the taller, the
    /// opposite. A donut may grow when wider, so a short column holding one may be widened too.
    @Test func onlyWhatCanShortenTheTallestOrLengthenTheShortestIsTried() {
        typealias Arrangement = SheetLayoutEngine.RowArrangement
        let designed = Arrangement(spans: [7, 5], counts: [1, 1])
        let text = [false, false]
        let tried = SheetLayoutEngine.balancingArrangements(designed).filter {
            SheetLayoutEngine.mayImprove($0, over: designed, ends: [100, 300], growsWithWidth: text)
        }
        #expect(tried.map(\.spans) == [[5, 7], [6, 6]])
        let leftTaller = SheetLayoutEngine.balancingArrangements(designed).filter {
            SheetLayoutEngine.mayImprove($0, over: designed, ends: [300, 100], growsWithWidth: text)
        }
        #expect(leftTaller.map(\.spans) == [[8, 4]])
        // A donut in the short left column: widening it may lengthen it.
        let donutLeft = SheetLayoutEngine.balancingArrangements(designed).filter {
            SheetLayoutEngine.mayImprove($0, over: designed, ends: [100, 300], growsWithWidth: [true, false])
        }
        #expect(donutLeft.map(\.spans) == [[5, 7], [6, 6], [8, 4]])
        // Sections: the taller left column may give its last section away, not take one.
        let two = Arrangement(spans: [7, 5], counts: [2, 2])
        #expect(SheetLayoutEngine.mayImprove(Arrangement(spans: [7, 5], counts: [1, 3]), over: two, ends: [400, 200], growsWithWidth: [false, false, false, false]))
        #expect(!SheetLayoutEngine.mayImprove(Arrangement(spans: [7, 5], counts: [3, 1]), over: two, ends: [400, 200], growsWithWidth: [false, false, false, false]))
        #expect(!SheetLayoutEngine.mayImprove(Arrangement(spans: [5, 7], counts: [2, 2]), over: two, ends: [400, 200], growsWithWidth: [false, false, false, false]))
        // Columns that end together at the top: both must be able to get shorter.
        #expect(!SheetLayoutEngine.mayImprove(Arrangement(spans: [6, 6], counts: [1, 1]), over: designed, ends: [300, 300], growsWithWidth: text))
    }

    /// A measurer that keeps the distinct blocks it was asked to lay out: what Pango lays out
    /// (its cache answers a block it has seen).
    final class CountingMeasurer: TextMeasurer {
        let blocks = Mutex<Set<TextBlock>>([])
        func measure(_ block: TextBlock) -> TextMetrics {
            blocks.withLock { _ = $0.insert(block) }
            return FixedMetricMeasurer().measure(block)
        }
        var count: Int { blocks.withLock { $0.count } }
    }

    /// A long narrative beside two short charts on the first page: the row is balanced, and
    /// laying it out costs less than half of what laying it out every way did, with the
    /// narrative set at no more than three widths (every way: four).
    @Test func balancingLaysOutOnlyWhatCanHelp() throws {
        let template = try LayoutFixture.template()
        var profile = LayoutFixture.rich()
        profile.narrative = RichText(plain: String(repeating: "The community met every month and wrote its guides together. ", count: 10))
        guard case .columns(let columns)? = template.firstPage?.blocks.last else {
            Issue.record("the standard template's first page ends with a row")
            return
        }
        func engine(_ measurer: CountingMeasurer) -> (SheetLayoutEngine, LayoutContext) {
            var context = LayoutFixture.context(template, paper: .letter, profile: profile)
            context.measurer = measurer
            return (SheetLayoutEngine(template: template, measurer: measurer), context)
        }
        let searched = CountingMeasurer()
        let (balancing, context) = engine(searched)
        let row = balancing.balancedRow(columns, source: 0, context: context, width: context.contentWidth)
        let designed = SheetLayoutEngine.RowArrangement(spans: [7, 5], counts: [2, 2])
        #expect(row.arrangement != designed)
        let ends = balancing.columnEnds(row.columns, context: context)
        let unbalanced = balancing.isUnbalanced(row.columns, context: context)
        #expect(!unbalanced, "\(ends)")

        let everyWay = CountingMeasurer()
        let (before, beforeContext) = engine(everyWay)
        let blocks = columns.flatMap(\.blocks)
        for arrangement in [designed] + SheetLayoutEngine.balancingArrangements(designed) {
            let set = arrangement.spans.indices.map { ColumnTemplate(span: arrangement.spans[$0], blocks: Array(blocks[arrangement.sections(of: $0)])) }
            _ = before.layoutColumns(set, context: beforeContext, width: beforeContext.contentWidth, pageTitle: "")
        }
        #expect(searched.count * 2 <= everyWay.count, "\(searched.count) blocks laid out, every way \(everyWay.count)")
        let narrative = searched.blocks.withLock { $0.filter { $0.plainText.contains("wrote its guides") }.count }
        #expect(narrative <= 3, "the narrative at \(narrative) widths")
    }
}
