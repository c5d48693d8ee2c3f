import Foundation
import SheetCore
import SheetLayout
import Testing

/// Line breaking and titles (issue 18, point 4): the breaks the layout decides for Chinese,
/// Japanese and Korean text (LineBreakRules), honoured by the fixed-metric measurer, asserted
/// line by line on the frame tree. With fixed metrics an East Asian character is one `size`
/// wide, so a line's characters can be counted.
@Suite("Line breaking and titles")
struct LineBreakingTests {
    /// The sheet's text frames showing `field`, in reading order.
    static func texts(_ result: LayoutResult, field: String) -> [PositionedText] {
        result.document.pages.flatMap { $0.frame.flattened() }.compactMap { placed in
            if case .text(let text) = placed.item, text.field == field { text } else { nil }
        }
    }

    static func lines(_ result: LayoutResult, field: String) -> [String] {
        texts(result, field: field).flatMap { $0.metrics.lines.map(\.text) }
    }

    static func japanese(name: String = "研究データ基盤ユーザーコミュニティ", mission: String = "研究データをつなぎます。") -> Profile {
        var profile = LayoutFixture.rich()
        profile.language = "ja"
        profile.name = name
        profile.mission = mission
        return profile
    }

    /// A title of 21 characters where the band holds 18 (no logo): between the dictionary's
    /// words 日本|オープン|サイエンス|推進|コンソーシアム, and balanced, rather than
    /// "日本オープンサイエンス推進コンソー / シアム" (UAX #14 alone) or
    /// "日本オープンサイエンス推進 / コンソーシアム" (greedily between words).
    @Test func aJapaneseTitleBreaksBetweenWordsIntoEvenLines() throws {
        let result = try LayoutFixture.layout(Self.japanese(name: "日本オープンサイエンス推進コンソーシアム"))
        let title = try #require(Self.texts(result, field: "name").first)
        #expect(title.metrics.lines.map(\.text) == ["日本オープンサイエンス", "推進コンソーシアム"])
        // Balanced in a narrower box than the band's, which holds 18 characters.
        let given = try #require(title.block.width)
        #expect(given >= title.block.style.size * 11 && given < title.block.style.size * 12)
        #expect(Int(407.5 / title.block.style.size) == 18)
    }

    @Test func theRulesBreakAJapaneseTitleOnlyBetweenDictionaryWords() throws {
        let breaks = try #require(LineBreakRules.breaks("研究データ基盤ユーザーコミュニティ", language: "ja", kind: .title))
        #expect(breaks.allowed == [2, 5, 7, 11])
        // Body text breaks between any two characters, but before ー or a small kana.
        let body = try #require(LineBreakRules.breaks("研究データ基盤ユーザーコミュニティ", language: "ja", kind: .text))
        #expect(body.allowed == [1, 2, 4, 5, 6, 7, 9, 11, 12, 14, 15])
        #expect(body.suppressed.isEmpty)
    }

    @Test func latinTextGetsNoRulesOfItsOwn() {
        #expect(LineBreakRules.breaks("Research Software Engineers", language: "en", kind: .title) == nil)
        #expect(LineBreakRules.breaks("Pesquisa e dados abertos", language: "ja", kind: .text) == nil)
    }

    /// Korean breaks at spaces: never inside "돕습니다." as UAX #14 would.
    @Test func aKoreanParagraphBreaksBetweenWords() throws {
        var profile = LayoutFixture.rich()
        profile.language = "ko"
        profile.mission = "우리는 연구 소프트웨어를 만드는 사람들이 서로 배우고 함께 성장하도록 돕습니다. 모든 회원이 자신의 경험을 나누고 새로운 동료를 환영합니다."
        let result = try LayoutFixture.layout(profile)
        let lines = Self.lines(result, field: "mission")
        #expect(lines == ["우리는 연구 소프트웨어를 만드는 사람들이 서로 배우고 함께 성장하도록 돕습니다. 모든 ", "회원이 자신의 경험을 나누고 새로운 동료를 환영합니다."])
        let words = Set(profile.mission.split(separator: " ").map(String.init))
        for line in lines { #expect(line.split(separator: " ").allSatisfy { words.contains(String($0)) }, "\(line)") }
    }

    @Test func theRulesSuppressEveryBreakInsideAKoreanWord() throws {
        let breaks = try #require(LineBreakRules.breaks("함께 돕습니다. 한국(서울)", language: "ko", kind: .text))
        #expect(breaks.allowed == [3, 9])
        #expect(breaks.suppressed == [1, 4, 5, 6, 10, 11, 13])
    }

    /// A Korean word wider than its column leaves the rules no place to break: the block is
    /// measured again with the measurer's own breaks rather than run past the column.
    @Test func aKoreanWordWiderThanItsColumnStillBreaks() throws {
        var profile = LayoutFixture.rich()
        profile.language = "ko"
        profile.mission = "연구" + String(repeating: "소프트웨어", count: 12) + " 함께"
        let result = try LayoutFixture.layout(profile)
        let mission = try #require(Self.texts(result, field: "mission").first)
        let width = try #require(mission.block.width)
        #expect(mission.metrics.lineCount > 1)
        #expect(mission.metrics.lines.allSatisfy { $0.width <= width + 0.01 })
        #expect(mission.block.breaks.isEmpty)
    }

    /// How many East Asian characters a line of the mission holds.
    static func missionCapacity() throws -> Int {
        let result = try LayoutFixture.layout(japanese())
        let mission = try #require(texts(result, field: "mission").first)
        return Int((try #require(mission.block.width)) / mission.block.style.size)
    }

    /// A closing bracket or a small kana that would start the second line takes the character
    /// before it along (JIS X 4051's line-start rule, which ICU's strict rules follow).
    @Test(arguments: ["」", "ッ", "。", "ー", "ょ"])
    func noLineStartsWith(_ character: String) throws {
        let capacity = try Self.missionCapacity()
        let opening = character == "」" ? "「" : ""
        let first = opening + String(repeating: "あ", count: capacity - opening.count)
        let result = try LayoutFixture.layout(Self.japanese(mission: first + character + "いうえお"))
        let lines = Self.lines(result, field: "mission")
        #expect(lines == [String(first.dropLast()), "あ" + character + "いうえお"])
    }

    /// The same text with the character in the middle of a line breaks where the line is full.
    @Test func otherwiseAJapaneseLineIsFilled() throws {
        let capacity = try Self.missionCapacity()
        let text = String(repeating: "あ", count: capacity + 3)
        let lines = Self.lines(try LayoutFixture.layout(Self.japanese(mission: text)), field: "mission")
        #expect(lines == [String(repeating: "あ", count: capacity), "あああ"])
    }

    /// A paragraph's last line holds two characters at least: "…ああ / あた。", not "…あああ / た。".
    @Test func aJapaneseParagraphNeverEndsWithALoneCharacter() throws {
        let capacity = try Self.missionCapacity()
        let text = String(repeating: "あ", count: capacity) + "た。"
        let lines = Self.lines(try LayoutFixture.layout(Self.japanese(mission: text)), field: "mission")
        #expect(lines == [String(repeating: "あ", count: capacity - 1), "あた。"])
    }
}
