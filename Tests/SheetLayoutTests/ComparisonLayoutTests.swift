import Foundation
import SheetCore
@testable import SheetLayout
import Testing

/// The comparison sheet (`profilesheet compare`, issue 20) on the frame tree, with fixed metrics.
@Suite("Comparison layout")
struct ComparisonLayoutTests {
    static func community(_ id: String, regions: [(String, Double)]?, members: Int? = 500) -> Profile {
        var profile = LayoutFixture.rich()
        profile.id = id
        profile.name = "Community \(id.uppercased())"
        profile.shortName = id.uppercased()
        profile.members.count = members
        profile.members.regions = regions.map { Breakdown($0.map { .init(category: $0.0, percent: $0.1) }) }
        return profile
    }

    static func layout(_ profiles: [Profile], paper: PaperSize = .letter, language: String? = nil) throws -> LayoutResult {
        var options = LayoutFixture.options
        options.paper = paper
        options.language = language
        return ComparisonLayoutEngine(template: try LayoutFixture.template(), measurer: FixedMetricMeasurer())
            .layout(profiles, taxonomy: LayoutFixture.taxonomy, options: options)
    }

    /// Texts under `role` as the innermost role that is not a group, with their absolute frames.
    static func cells(_ page: Page, _ role: FrameRole) -> [(text: String, x: Double)] {
        page.frame.flattened().compactMap { placed in
            guard placed.roles.last(where: { $0 != .group }) == role, case .text(let text) = placed.item else { return nil }
            return (text.block.plainText, text.origin.x)
        }
    }

    /// The section whose table shows `field`, on any page.
    static func section(_ result: LayoutResult, field: String) -> Frame? {
        for page in result.document.pages {
            func find(_ frame: Frame) -> Frame? {
                if frame.role.section?.field == field { return frame }
                for case .group(let child) in frame.items { if let found = find(child) { return found } }
                return nil
            }
            if let found = find(page.frame) { return found }
        }
        return nil
    }

    @Test(arguments: [PaperSize.letter, .a4])
    func oneColumnPerCommunityHeadedByItsName(paper: PaperSize) throws {
        let profiles = ["a", "b", "c"].map { Self.community($0, regions: [("europe", 50), ("africa", 50)]) }
        let result = try Self.layout(profiles, paper: paper)
        let first = try #require(result.document.pages.first)
        // Every table's header row names the three communities, left to right, once each.
        let names = Self.cells(first, .tableColumnHeaderCell)
        #expect(names.count % 3 == 0 && !names.isEmpty)
        #expect(Array(names.prefix(3).map(\.text)) == ["A", "B", "C"])
        #expect(names[0].x < names[1].x && names[1].x < names[2].x)
        // Values sit in their community's column: the members row's cells start where the names do.
        let values = Self.cells(first, .tableDataCell).filter { $0.text == "500" }
        #expect(values.map(\.x) == Array(names.prefix(3).map(\.x)))
        // The title band is one heading: the sheet's title, the label and the period.
        #expect(Self.cells(first, .heading(level: 1)).map(\.text) == ["Community profiles compared", "COMMUNITY PROFILES", "2025"])
        #expect(result.document.metadata.title == "Community profiles compared: A, B, C")
        #expect(result.diagnostics.isEmpty)
    }

    /// A share is the same fraction of the same track in every column: 60 % is twice as long as 30 %.
    @Test func sharesAreDrawnOnOneScale() throws {
        let profiles = [Self.community("a", regions: [("europe", 60), ("africa", 40)]), Self.community("b", regions: [("europe", 30), ("africa", 70)])]
        let result = try Self.layout(profiles)
        let regions = try #require(Self.section(result, field: "members.regions"))
        var rectangles: [Rect] = []
        for placed in regions.flattened() {
            guard case .shape(let shape) = placed.item, case .rectangle(let rect, _) = shape.geometry, shape.fill == (try LayoutFixture.template()).color("bar") else { continue }
            rectangles.append(rect)
        }
        var tracks: [Rect] = []
        for placed in regions.flattened() {
            guard case .shape(let shape) = placed.item, case .rectangle(let rect, _) = shape.geometry, shape.fill == (try LayoutFixture.template()).color("track") else { continue }
            tracks.append(rect)
        }
        // Rows by summed share: Africa (110) before Europe (90); bars a then b in each row.
        #expect(rectangles.count == 4 && tracks.count == 4)
        let trackWidth = try #require(tracks.first?.width)
        #expect(tracks.allSatisfy { abs($0.width - trackWidth) < 0.001 })
        let fractions = rectangles.map { ($0.width / trackWidth * 1000).rounded() / 10 }
        #expect(fractions == [40, 70, 60, 30])
        let labels = Self.cells(result.document.pages[0], .tableHeaderCell).map(\.text)
        #expect(labels.contains("Africa") && labels.contains("Europe"))
    }

    /// What a community did not report says so, and what a survey withheld says "withheld":
    /// neither is a zero or a blank bar.
    @Test func missingAndWithheldValuesSaySo() throws {
        var withheld = Self.community("b", regions: nil, members: nil)
        withheld.suppressed["members.regions"] = Suppression(minimumResponses: 5, mappingFile: "surveys/b.yaml")
        let profiles = [Self.community("a", regions: [("europe", 100)]), withheld, Self.community("c", regions: nil, members: nil)]
        let result = try Self.layout(profiles)
        let texts = result.document.pages.flatMap { Self.cells($0, .tableDataCell).map(\.text) }
        #expect(texts.filter { $0 == "withheld" }.count == 1)
        #expect(texts.filter { $0 == "not reported" }.count == 3, "c's regions, b's and c's members")
        let notes = result.document.pages.flatMap { Self.cells($0, .paragraph).map(\.text) }
        #expect(notes.contains { $0.contains("“Withheld”: the survey behind the value had fewer than 5 responses") })
    }

    /// Communities that name different categories (each its own country's regions) are listed
    /// column by column, largest first, rather than as a table of mostly empty cells.
    @Test func differentCategoriesAreListedByRank() throws {
        let profiles = [
            Self.community("a", regions: [("north", 50), ("south", 30), ("east", 20)]),
            Self.community("b", regions: [("kanto", 60), ("kansai", 40)]),
        ]
        let result = try Self.layout(profiles)
        let regions = try #require(Self.section(result, field: "members.regions"))
        let rows = regions.frames { $0 == .tableRow }
        #expect(rows.count == 4, "the names and three ranks")
        let page = result.document.pages[0]
        let labels = Self.cells(page, .tableHeaderCell).map(\.text)
        #expect(labels.contains("Largest") && labels.contains("Rank 2") && labels.contains("Rank 3"))
        let cells = page.frame.flattened().compactMap { placed -> String? in
            guard placed.roles.contains(.tableDataCell), placed.roles.contains(.section(.init(kind: .barChart, field: "members.regions"))),
                  case .text(let text) = placed.item else { return nil }
            return text.block.plainText
        }
        #expect(cells == ["North", "50%", "Kanto", "60%", "South", "30%", "Kansai", "40%", "East", "20%"])
    }

    /// Six communities at their fullest fit the paper: nothing crosses the space above the
    /// footer, a table split between pages goes on under "(continued)" with the names again.
    @Test(arguments: [PaperSize.letter, .a4])
    func sixFullCommunitiesStayOnTheirPages(paper: PaperSize) throws {
        let categories = (1...30).map { ("region-\($0)", 100.0 / 30) }
        let profiles = (1...6).map { index in Self.community("c\(index)", regions: categories.map { ("\($0.0)-\(index)", $0.1) }) }
        let result = try Self.layout(profiles, paper: paper)
        let template = try LayoutFixture.template()
        let height = try #require(template.papers[paper]).height
        #expect(result.document.pages.count >= 2)
        for page in result.document.pages {
            for section in page.frame.sections() {
                #expect(section.bounds.maxY <= min(height - template.margins.bottom, height * 0.9) + 0.01, "\(section.section.kind) crosses the footer band")
            }
            let footer = page.frame.flattened().filter { $0.roles.contains(.artifact(.footer)) }
            #expect(!footer.isEmpty)
        }
        let continuedPages = result.document.pages.filter { page in page.frame.sections().contains { $0.section.continued } }
        #expect(!continuedPages.isEmpty, "thirty regions in each of six communities do not fit on one page")
        for page in continuedPages {
            #expect(Self.cells(page, .heading(level: 2)).contains { $0.text.hasSuffix("(CONTINUED)") })
            #expect(Self.cells(page, .tableColumnHeaderCell).count >= 6, "the names again above the rest of the table")
        }
        let headings = result.document.pages.flatMap { Self.cells($0, .heading(level: 2)).map(\.text) }
        #expect(headings.first == "KEY FIGURES")
        #expect(headings.contains("ABOUT THIS COMPARISON"))
    }

    /// The sheet's language is the communities' when they share one (its numbers written its
    /// way), English when they differ.
    @Test func theSharedLanguageWritesTheNumbers() throws {
        var a = Self.community("a", regions: nil, members: 1100)
        var b = Self.community("b", regions: nil, members: 2200)
        a.language = "pt-BR"
        b.language = "pt-BR"
        let shared = try Self.layout([a, b])
        #expect(shared.document.metadata.language == "pt-BR")
        #expect(shared.document.pages.flatMap { Self.cells($0, .tableDataCell).map(\.text) }.contains("1.100"))
        b.language = "ja"
        let mixed = try Self.layout([a, b])
        #expect(mixed.document.metadata.language == "en")
        #expect(mixed.document.pages.flatMap { Self.cells($0, .tableDataCell).map(\.text) }.contains("1,100"))
    }

    /// The comparison's own words: `compare --language`, else the communities' shared
    /// language, else English; numbers written that language's way.
    @Test func theComparisonSpeaksTheLanguageAskedForOrTheSharedOne() throws {
        var a = Self.community("a", regions: [("europe", 60), ("asia", 40)])
        var b = Self.community("b", regions: [("europe", 30), ("asia", 70)], members: 1500)
        a.language = "fr"
        b.language = "fr"
        func texts(_ result: LayoutResult) -> [String] {
            result.document.pages.flatMap { $0.frame.flattened() }.compactMap { placed in
                guard case .text(let text) = placed.item else { return nil }
                return text.block.plainText
            }
        }
        let shared = try Self.layout([a, b])
        #expect(shared.document.metadata.language == "fr")
        #expect(shared.document.metadata.title == "Communautés comparées : A, B")
        #expect(texts(shared).contains("CHIFFRES CLÉS") || texts(shared).contains("Chiffres clés"))
        #expect(texts(shared).contains(NumberText(language: "fr").count(1500)), "numbers the French way")
        #expect(NumberText(language: "fr").count(1500) != "1,500")
        #expect(texts(shared).contains("2 communautés côte à côte"))

        let asked = try Self.layout([a, b], language: "ja")
        #expect(asked.document.metadata.bookmark == "比較：A, B")
        #expect(texts(asked).contains("主要な数値".uppercased()) || texts(asked).contains("主要な数値"))
        #expect(texts(asked).contains("1,500"))

        b.language = "de"
        let mixed = try Self.layout([a, b])
        #expect(mixed.document.metadata.language == "en")
        #expect(texts(mixed).contains("2 communities side by side"))
        #expect(mixed.diagnostics.isEmpty)
    }
}
