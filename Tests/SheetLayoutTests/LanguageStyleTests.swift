import Foundation
import SheetCore
import SheetLayout
import Testing

/// Text in scripts that have no letter case (Arabic, Hebrew, Chinese, Japanese, Korean, …) is
/// set upright and untracked, its emphasis in bold: Pango would otherwise slant the upright
/// face, and tracking pulls Arabic's joined letters apart.
@Suite("Styles per language")
struct LanguageStyleTests {
    static func blocks(_ language: String) throws -> [TextBlock] {
        var profile = LayoutFixture.rich()
        profile.language = language
        profile.narrative = RichText(paragraphs: [[RichSpan("秋には京都で初めての"), RichSpan("対面ハッカソン", emphasis: true), RichSpan("を開きました。")]])
        let result = try LayoutFixture.layout(profile)
        return result.document.pages.flatMap { $0.frame.flattened() }.compactMap { placed in
            if case .text(let text) = placed.item { text.block } else { nil }
        }
    }

    @Test(arguments: ["ja", "ar", "he", "zh-Hant", "ko"])
    func uprightWithBoldEmphasis(language: String) throws {
        let blocks = try Self.blocks(language)
        let own = blocks.filter { $0.language == language }
        #expect(!own.isEmpty)
        #expect(own.allSatisfy { !$0.style.italic && $0.style.letterSpacing == 0 && !$0.style.uppercase })
        let narrative = try #require(own.first { $0.plainText.contains("対面ハッカソン") })
        let emphasised = try #require(narrative.paragraphs.joined().first { $0.text == "対面ハッカソン" })
        #expect(!emphasised.emphasis && emphasised.strong)
    }

    @Test func latinLanguagesKeepTheirItalics() throws {
        let blocks = try Self.blocks("pt-BR")
        #expect(blocks.contains { $0.style.italic })
        #expect(blocks.contains { $0.style.uppercase && $0.style.letterSpacing > 0 })
        let narrative = try #require(blocks.first { $0.plainText.contains("対面ハッカソン") })
        #expect(narrative.paragraphs.joined().contains { $0.emphasis && $0.text == "対面ハッカソン" })
        #expect(LayoutContext.hasLetterCase("en") && LayoutContext.hasLetterCase("de") && !LayoutContext.hasLetterCase("ja-JP"))
    }
}
