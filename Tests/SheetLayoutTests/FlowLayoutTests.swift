import Foundation
import SheetCore
@testable import SheetLayout
import Testing

/// Pagination of the flowing standard template, on the frame tree, with fixed metrics.
@Suite("Flowing pages")
struct FlowLayoutTests {
    /// The texts of a page whose innermost role is `role`.
    static func texts(_ page: Page, _ role: FrameRole) -> [String] {
        page.frame.flattened().compactMap { placed in
            guard placed.roles.last == role, case .text(let text) = placed.item else { return nil }
            return text.metrics.lines.map { $0.spans.map(\.text).joined() }.joined()
        }
    }

    static func sections(_ page: Page) -> [FrameRole.Section] { page.frame.sections().map(\.section) }

    static func longList(_ count: Int, words: Int = 14) -> [RichText] {
        (1...count).map { RichText(plain: "Item \($0) " + String(repeating: "word ", count: words).trimmingCharacters(in: .whitespaces)) }
    }

    /// A long list goes on on the next page between items, under its heading marked as
    /// continued; every item is shown once, in order.
    @Test(arguments: [PaperSize.letter, .a4])
    func longListsSplitBetweenItemsUnderAContinuedHeading(paper: PaperSize) throws {
        var profile = LayoutFixture.rich()
        profile.highlights.challenges = Self.longList(40)
        let result = try LayoutFixture.layout(profile, paper: paper)
        #expect(result.diagnostics.isEmpty)
        let pages = result.document.pages
        let parts = pages.enumerated().flatMap { index, page in
            Self.sections(page).filter { $0.field == "highlights.challenges" }.map { (index, $0.continued) }
        }
        #expect(parts.count >= 2)
        #expect(parts.first?.1 == false)
        #expect(parts.dropFirst().allSatisfy { $0.1 })
        #expect(Set(parts.map(\.0)).count == parts.count, "one part a page")
        let headings = pages.flatMap { Self.texts($0, .heading(level: 2)) }
        #expect(headings.contains("CHALLENGES"))
        #expect(headings.contains("CHALLENGES (CONTINUED)"))
        // Every item once, in order, and whole: items are not cut.
        let items = pages.flatMap { page in
            page.frame.flattened().compactMap { placed -> String? in
                guard placed.roles.contains(where: { $0.section?.field == "highlights.challenges" }), placed.roles.last == .listBody,
                      case .text(let text) = placed.item else { return nil }
                return text.metrics.lines.map { $0.spans.map(\.text).joined() }.joined()
            }
        }
        #expect(items == profile.highlights.challenges.map { $0.paragraphs.map { $0.map(\.text).joined() }.joined() })
        for page in pages { try Self.checkPage(page, in: result, paper: paper) }
    }

    /// A long narrative continues on the next page between lines, at full size.
    @Test func longTextSplitsBetweenLines() throws {
        var profile = LayoutFixture.rich()
        profile.narrative = RichText(plain: String(repeating: "Words that keep on going. ", count: 150))
        let result = try LayoutFixture.layout(profile)
        #expect(result.diagnostics.isEmpty)
        #expect(result.scales.allSatisfy { $0 == 1 })
        let parts = result.document.pages.flatMap { page in
            page.frame.flattened().compactMap { placed -> [TextLine]? in
                guard placed.roles.contains(where: { $0.section?.field == "narrative" }), placed.roles.last == .paragraph,
                      case .text(let text) = placed.item else { return nil }
                return text.metrics.lines
            }
        }
        #expect(parts.count >= 2)
        #expect(parts.allSatisfy { $0.count >= FrameSplitter.minimumLines })
        let shown = parts.flatMap { $0 }.map { $0.spans.map(\.text).joined() }.joined()
        #expect(shown.trimmingCharacters(in: .whitespaces) == profile.narrative?.paragraphs[0].map(\.text).joined().trimmingCharacters(in: .whitespaces))
        // Each part's lines start at its top.
        for lines in parts { #expect(abs((lines.first?.origin.y ?? 0) - 0.8 * 9.5) < 1e-6) }
    }

    /// Figures stay whole: the participation model is never cut, however full the page.
    @Test func figuresStayTogether() throws {
        for count in stride(from: 0, through: 30, by: 3) {
            var profile = LayoutFixture.rich()
            profile.narrative = RichText(plain: String(repeating: "Words that keep on going. ", count: 20 + 10 * count))
            let result = try LayoutFixture.layout(profile)
            let models = result.document.pages.flatMap { Self.sections($0) }.filter { $0.kind == .participationModel }
            #expect(models == [.init(kind: .participationModel, field: "programming")], "\(count)")
        }
    }

    /// Page counts: the required fields alone on one page, a rich profile on two, a profile with
    /// every list long on at most four; on both papers, every page but the last at least half full.
    @Test(arguments: [PaperSize.letter, .a4])
    func pageCounts(paper: PaperSize) throws {
        #expect(try LayoutFixture.layout(LayoutFixture.minimal(), paper: paper).document.pages.count == 1)
        #expect(try LayoutFixture.layout(LayoutFixture.rich(), paper: paper).document.pages.count == 2)
        var long = LayoutFixture.rich()
        long.highlights = Highlights(successes: Self.longList(10), outputs: Self.longList(10), challenges: Self.longList(10), plans: Self.longList(10))
        long.narrative = RichText(plain: String(repeating: "Words that keep on going. ", count: 60))
        let result = try LayoutFixture.layout(long, paper: paper)
        #expect(result.diagnostics.isEmpty)
        #expect((3...4).contains(result.document.pages.count))
        for page in result.document.pages.dropLast() {
            let fill = try Self.fill(page, paper: paper)
            #expect(fill >= 0.5, "page \(page.title) is \(fill) full")
        }
        for page in result.document.pages { try Self.checkPage(page, in: result, paper: paper) }
    }

    /// The sizes of body text (paragraphs and list bodies set in the body style's font) on a
    /// sheet, by the section they are in.
    static func bodySizes(_ result: LayoutResult) -> [(field: String?, size: Double)] {
        result.document.pages.flatMap { page in
            page.frame.flattened().compactMap { placed -> (String?, Double)? in
                guard case .text(let text) = placed.item, placed.roles.last == .paragraph || placed.roles.last == .listBody,
                      let section = placed.roles.lazy.compactMap(\.section).last,
                      section.kind == .paragraphs || section.kind == .bulletList, text.block.style.italic == false else { return nil }
                return (section.field, text.block.style.size)
            }
        }
    }

    /// A sheet with more than four pages of text at full size shrinks one block at a time,
    /// the tallest first and down to the minimum before the next: the sheet fits on four
    /// pages, at most one block is at a size between the full and the smallest, some keep their
    /// full size, and no body text is set below the template's 8.5 pt.
    @Test(arguments: [PaperSize.letter, .a4])
    func shrinkingIsForSingleBlocks(paper: PaperSize) throws {
        var shrunk = 0
        for sentences in stride(from: 130, through: 400, by: 45) {
            var profile = LayoutFixture.rich()
            profile.highlights = Highlights(successes: Self.longList(12), outputs: Self.longList(12), challenges: Self.longList(12), plans: Self.longList(12))
            profile.narrative = RichText(plain: String(repeating: "Words that keep on going. ", count: sentences))
            let result = try LayoutFixture.layout(profile, paper: paper)
            guard result.diagnostics.isEmpty else { continue }
            #expect(result.document.pages.count <= 4)
            let sizes = Self.bodySizes(result)
            #expect(sizes.allSatisfy { $0.size >= 8.5 - 1e-9 }, "\(sentences): \(sizes.map(\.size).min() ?? 0)")
            if sizes.contains(where: { $0.size < 9.5 - 1e-9 }) {
                shrunk += 1
                // A block has one size (a row's columns share it).
                let between = Set(sizes.filter { $0.size > 8.5 + 1e-9 && $0.size < 9.5 - 1e-9 }.map(\.size))
                #expect(between.count <= 1, "\(sentences): \(between)")
                #expect(sizes.contains { abs($0.size - 9.5) < 1e-9 }, "\(sentences): nothing at full size")
            }
            for page in result.document.pages { try Self.checkPage(page, in: result, paper: paper) }
        }
        #expect(shrunk >= 1, "no length needed shrinking")
    }

    /// What no page can hold, even at the smallest body size, is an error naming the sheet's
    /// page limit.
    @Test func tooMuchForFourPagesIsAnError() throws {
        var profile = LayoutFixture.rich()
        profile.narrative = RichText(plain: String(repeating: "Wide text. ", count: 3000))
        let result = try LayoutFixture.layout(profile, measurer: FixedMetricMeasurer(advance: 1.0))
        let error = try #require(result.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.message.hasPrefix("the sheet needs "))
        #expect(error.message.hasSuffix(" pages (Letter), more than the template's 4, even with text at 89%"))
    }

    /// How full a page is: the content's lowest point over the content area.
    static func fill(_ page: Page, paper: PaperSize) throws -> Double {
        let template = try LayoutFixture.template()
        let bottom = page.size.height - template.margins.bottom
        let sections = page.frame.sections()
        let top = sections.map(\.bounds.minY).min() ?? 0
        let lowest = sections.map(\.bounds.maxY).max() ?? 0
        return (lowest - top) / (bottom - top)
    }

    /// Nothing crosses the footer; no heading ends a page; header and footer on every page.
    static func checkPage(_ page: Page, in result: LayoutResult, paper: PaperSize) throws {
        let template = try LayoutFixture.template()
        let bottom = page.size.height - template.margins.bottom
        for section in page.frame.sections() { #expect(section.bounds.maxY <= bottom + 0.01, "\(section.section) crosses the footer") }
        let index = try #require(result.document.pages.firstIndex(of: page))
        #expect(texts(page, .paragraph).contains("Page \(index + 1) of \(result.document.pages.count)"))
        if index > 0 { #expect(page.frame.flattened().contains { $0.roles.contains(.artifact(.header)) }) }
        // The lowest thing on the page is not a heading.
        let placed = page.frame.flattened().filter { placed in placed.roles.contains { $0.section != nil } }
        if let lowest = placed.max(by: { $0.item.bounds.maxY < $1.item.bounds.maxY }) {
            #expect(!lowest.roles.contains(.heading(level: 2)), "a heading ends page \(index + 1)")
        }
    }
}
