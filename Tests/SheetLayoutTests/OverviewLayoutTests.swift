import Foundation
import SheetCore
@testable import SheetLayout
import Testing

/// The collection at a glance (issue 20, point 1) on the frame tree, with fixed metrics.
@Suite("Overview layout")
struct OverviewLayoutTests {
    static func layout(_ communities: [OverviewCommunity], paper: PaperSize = .letter, language: String? = nil) throws -> LayoutResult {
        var options = LayoutFixture.options
        options.paper = paper
        options.language = language
        return OverviewLayoutEngine(template: try LayoutFixture.template(), measurer: FixedMetricMeasurer())
            .layout(communities, period: "2025", taxonomy: LayoutFixture.taxonomy, options: options)
    }

    static func section(_ result: LayoutResult, heading: String) -> [Frame] {
        var found: [Frame] = []
        for page in result.document.pages {
            func walk(_ frame: Frame) {
                if frame.role.section != nil, frame.flattened().contains(where: {
                    guard $0.roles.contains(.heading(level: 2)), case .text(let text) = $0.item else { return false }
                    return text.block.plainText.hasPrefix(heading.uppercased())
                }) {
                    found.append(frame)
                    return
                }
                for case .group(let child) in frame.items { walk(child) }
            }
            walk(page.frame)
        }
        return found
    }

    /// Each row of a section: its texts in reading order.
    static func rows(_ sections: [Frame]) -> [[String]] {
        sections.flatMap { section in
            section.frames(where: { $0 == .tableRow }).map(\.bounds).isEmpty ? [] : rowTexts(section)
        }
    }

    static func rowTexts(_ frame: Frame) -> [[String]] {
        var out: [[String]] = []
        func walk(_ frame: Frame) {
            if frame.role == .tableRow {
                out.append(frame.flattened().compactMap { placed in
                    guard case .text(let text) = placed.item else { return nil }
                    return text.block.plainText
                })
                return
            }
            for case .group(let child) in frame.items { walk(child) }
        }
        walk(frame)
        return out
    }

    static let communities: [OverviewCommunity] = [
        OverviewCommunity(id: "a", name: "Alpha Network", shortName: "Alpha", type: .network, founded: 2015, members: 1200, activeMembers: 300,
                          paidFTE: 1.5, communityManagers: 2, volunteers: 40, activities: [.convey: 4, .contribute: 2, .champion: 1],
                          funding: [.init(category: "grants", percent: 70), .init(category: "in-kind", percent: 30)], keywords: ["open-science", "research-software"]),
        OverviewCommunity(id: "b", name: "Beta Society", type: .professionalSociety, founded: 2019, members: 400,
                          activities: [.convey: 2], keywords: ["open-science"], withheld: ["funding", "members.active"], withheldBelow: 5),
        OverviewCommunity(id: "c", name: "Gamma Collective", type: .network, activities: [.collaborate: 1],
                          funding: [.init(category: "grants", percent: 100)]),
    ]

    @Test(arguments: [PaperSize.letter, .a4])
    func everyCommunityWithItsFigures(paper: PaperSize) throws {
        let result = try Self.layout(Self.communities, paper: paper)
        let types = Self.rowTexts(try #require(Self.section(result, heading: "Communities by type").first))
        // Counts with their unit: a bare "1" near the foot of a page reads as a page number.
        #expect(types == [["TYPE", "COMMUNITIES"], ["Network", "2 communities"], ["Professional society", "1 community"]])
        let directory = Self.rows(Self.section(result, heading: "Every community"))
        #expect(directory.first == ["COMMUNITY", "Type", "Founded", "Members", "Active", "Paid staff (FTE)", "Community managers", "Volunteers"])
        #expect(directory.dropFirst().first == ["Alpha Network", "Network", "2015", "1,200", "300 (25%)", "1.5", "2", "40"])
        #expect(directory.dropFirst(2).first == ["Beta Society", "Professional society", "2019", "400", "withheld", "not reported", "not reported", "not reported"])
        #expect(directory.dropFirst(3).first == ["Gamma Collective", "Network", "not reported", "not reported", "not reported", "not reported", "not reported", "not reported"])
        #expect(result.document.metadata.title == "Community profiles: the collection at a glance")
        #expect(result.document.pages.first.map { ComparisonLayoutTests.cells($0, .heading(level: 1)).map(\.text) }
            == ["The collection at a glance", "COMMUNITY PROFILES", "2025"])
    }

    /// The participation model across the collection: counts on one scale, the largest count.
    @Test func participationOnOneScale() throws {
        let result = try Self.layout(Self.communities)
        let section = try #require(Self.section(result, heading: "The participation model across the collection").first)
        #expect(Self.rowTexts(section).dropFirst().first == ["Alpha", "4", "2", "0", "0", "1"])
        let template = try LayoutFixture.template()
        let bars = section.flattened().compactMap { placed -> Double? in
            guard case .shape(let shape) = placed.item, shape.fill == template.color("bar"), case .rectangle(let rect, _) = shape.geometry else { return nil }
            return rect.width
        }
        let tracks = section.flattened().compactMap { placed -> Double? in
            guard case .shape(let shape) = placed.item, shape.fill == template.color("track"), case .rectangle(let rect, _) = shape.geometry else { return nil }
            return rect.width
        }
        let track = try #require(tracks.first)
        // Alpha 4, 2, 1; Beta 2; Gamma 1: each a fraction of the largest, 4.
        #expect(bars.map { ($0 / track * 100).rounded() } == [100, 50, 25, 50, 25])
    }

    /// Funding mixes: a column per category across the collection, withheld and unreported
    /// said in words; past five categories the rest are one "Other" column.
    @Test func fundingMixesSideBySide() throws {
        let result = try Self.layout(Self.communities)
        let rows = Self.rowTexts(try #require(Self.section(result, heading: "Funding mixes").first))
        #expect(rows == [["COMMUNITY", "GRANTS", "IN-KIND"], ["Alpha", "70%", "30%"], ["Beta Society", "withheld"], ["Gamma Collective", "100%", "0%"]])
        var many = Self.communities[0]
        many.funding = ["a", "b", "c", "d", "e", "f"].enumerated().map { .init(category: $0.element, percent: [30, 25, 20, 10, 10, 5][$0.offset]) }
        let folded = Self.rowTexts(try #require(Self.section(try Self.layout([many]), heading: "Funding mixes").first))
        #expect(folded == [["COMMUNITY", "A", "B", "C", "D", "OTHER"], ["Alpha", "30%", "25%", "20%", "10%", "15%"]])
    }

    @Test func keywordsByHowManyCommunitiesNameThem() throws {
        let result = try Self.layout(Self.communities)
        let rows = Self.rowTexts(try #require(Self.section(result, heading: "Keywords").first))
        #expect(rows == [["KEYWORD", "COMMUNITIES"], ["Open science", "2 communities"], ["Research software", "1 community"]])
    }

    /// The overview's own words in the collection's language (`build --language`): headings,
    /// column names, "withheld", the counts with their unit, numbers written its way; the
    /// names stay as they are. Arabic mirrors the pages, as a sheet's.
    @Test func theCollectionsLanguageGivesTheOverviewItsWords() throws {
        let japanese = try Self.layout(Self.communities, language: "ja")
        #expect(japanese.document.metadata.title == "コミュニティ・プロフィール：コレクションの概要")
        #expect(japanese.document.metadata.bookmark == "コレクションの概要")
        #expect(japanese.document.metadata.language == "ja")
        let types = Self.rowTexts(try #require(Self.section(japanese, heading: "種類別のコミュニティ").first))
        #expect(types == [["種類", "コミュニティ数"], ["ネットワーク", "2コミュニティ"], ["学会・専門職団体", "1コミュニティ"]])
        let directory = Self.rows(Self.section(japanese, heading: "すべてのコミュニティ"))
        #expect(directory.dropFirst(2).first == ["Beta Society", "学会・専門職団体", "2019", "400", "非表示", "未報告", "未報告", "未報告"])
        let texts = japanese.document.pages.flatMap { $0.frame.flattened() }.compactMap { placed -> String? in
            guard case .text(let text) = placed.item else { return nil }
            return text.block.plainText
        }
        #expect(texts.contains { $0.contains("回答が5件未満") })
        #expect(!texts.contains("Every community".uppercased()))

        let german = try Self.layout(Self.communities, language: "de")
        let figures = Self.rows(Self.section(german, heading: "Alle Communities"))
        let numbers = NumberText(language: "de")
        #expect(figures.dropFirst().first == ["Alpha Network", "Netzwerk", "2015", numbers.count(1200), "300 (\(numbers.percent(25)))",
                                              numbers.decimal(1.5, places: 2), "2", "40"])
        #expect(numbers.count(1200) == "1.200")
        // The fixture's taxonomy has no German labels: the English ones are tagged English.
        let keywordLabels = german.document.pages.flatMap { $0.frame.flattened() }.compactMap { placed -> TextBlock? in
            guard placed.roles.contains(.section(.init(kind: .keywordChips, field: "keywords"))), placed.roles.contains(.tableHeaderCell),
                  case .text(let text) = placed.item else { return nil }
            return text.block
        }
        #expect(keywordLabels.map(\.plainText) == ["Open science", "Research software"])
        #expect(keywordLabels.allSatisfy { $0.language == "en" })

        let arabic = try Self.layout(Self.communities, language: "ar")
        let english = try Self.layout(Self.communities)
        let title = { (result: LayoutResult) -> Double? in
            result.document.pages[0].frame.flattened().compactMap { placed -> Double? in
                guard placed.roles.contains(.heading(level: 1)), case .text(let text) = placed.item else { return nil }
                return text.origin.x
            }.first
        }
        let arabicTitle = try #require(title(arabic))
        let englishTitle = try #require(title(english))
        #expect(arabicTitle > englishTitle, "the title at the right of a right-to-left page")
    }

    /// A language the template does not translate: English words, numbers its own way.
    @Test func anUntranslatedLanguageGetsEnglishWords() throws {
        let result = try Self.layout(Self.communities, language: "sw")
        #expect(result.document.metadata.bookmark == "The collection at a glance")
        #expect(result.document.metadata.language == "en")
    }

    /// Two hundred communities: the directory goes on between rows, under "(continued)" and its
    /// column names again, and nothing crosses the space above the footer.
    @Test(arguments: [PaperSize.letter, .a4])
    func aLargeCollectionGoesOnBetweenRows(paper: PaperSize) throws {
        let many = (1...200).map { index in
            OverviewCommunity(id: "c\(index)", name: "Community \(index)", type: .network, members: index * 10, activities: [.convey: index % 7])
        }
        let result = try Self.layout(many, paper: paper)
        let template = try LayoutFixture.template()
        let height = try #require(template.papers[paper]).height
        for page in result.document.pages {
            for section in page.frame.sections() {
                // Above the margin and the footer's band, where short numbers read as page numbers.
                #expect(section.bounds.maxY <= min(height - template.margins.bottom, height * 0.9) + 0.01)
            }
        }
        let directory = Self.section(result, heading: "Every community")
        #expect(directory.count > 2)
        let rows = Self.rows(directory).filter { $0.first != "COMMUNITY" }
        #expect(rows.map(\.first) == (1...200).map { "Community \($0)" })
        #expect(Self.rows(directory).filter { $0.first == "COMMUNITY" }.count == directory.count, "the column names on every page")
    }
}
