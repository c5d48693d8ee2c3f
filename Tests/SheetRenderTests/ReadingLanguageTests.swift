import SheetCore
import SheetLayout
@testable import SheetRender
import Testing

/// The language the letters of a block are read in (`ReadingLanguage`), the element `/Lang`s
/// the tagger writes.
@Suite("Reading language")
struct ReadingLanguageTests {
    private func language(_ spans: [[String]], tagged: String, document: String) -> String {
        let block = TextBlock(
            paragraphs: spans.map { $0.map { RichSpan($0) } }, style: TextStyle(family: "Noto Sans", size: 9), width: nil, language: tagged)
        return ReadingLanguage.language(of: block, document: document)
    }

    @Test func theBlocksLanguageWhenItsLettersAreInItsScript() {
        #expect(language([["Members by region"]], tagged: "en", document: "en") == "en")
        #expect(language([["Membros por região"]], tagged: "pt-BR", document: "pt-BR") == "pt-BR")
        #expect(language([["أعضاء الشبكة"]], tagged: "ar", document: "ar") == "ar")
        #expect(language([["研究データ基盤"]], tagged: "ja", document: "ja") == "ja")
    }

    @Test func lettersOutsideTheBlocksScriptAreTheDocumentsOrEnglish() {
        // The template's English label around an Arabic name: the Arabic letters are more.
        #expect(language([["Team: ", "شبكة مهندسي البرمجيات"]], tagged: "en", document: "ar") == "ar")
        // A service's Latin name in an Arabic or Japanese sheet: English.
        #expect(language([["Jitsi Meet"]], tagged: "ar", document: "ar") == "en")
        #expect(language([["connpass"]], tagged: "ja", document: "ja") == "en")
        // Latin letters beyond ASCII count as Latin: "Ação" in a Japanese sheet is not Japanese.
        #expect(language([["Ação aberta"]], tagged: "ja", document: "ja") == "en")
        // Where scripts mix, most letters win, over paragraphs and spans alike.
        #expect(language([["Meet"], ["ا", "ب"]], tagged: "ar", document: "ar") == "en")
        #expect(language([["Meet"], ["ابجد", "هوز"]], tagged: "ar", document: "ar") == "ar")
    }

    @Test func noLettersOrNoneInAKnownScriptKeepTheBlocksLanguage() {
        #expect(language([["64.3 % · 21.4 % — 2025"]], tagged: "ar", document: "ar") == "ar")
        #expect(language([[]], tagged: "ko", document: "en") == "ko")
        // Letters in a script no candidate is written in (Devanagari in an English sheet).
        #expect(language([["नमस्ते"]], tagged: "am", document: "en") == "am")
        #expect(language([["नमस्ते"]], tagged: "en", document: "hi") == "hi")
    }

    @Test func tagsAreReadByTheirPrimarySubtag() {
        #expect(ReadingLanguage.scripts(of: "ar-EG") == [.arabic])
        #expect(ReadingLanguage.scripts(of: "JA") == [.han, .kana])
        #expect(ReadingLanguage.scripts(of: "zh-Hant-TW") == [.han])
        #expect(ReadingLanguage.scripts(of: "-ko") == [.hangul, .han])
        #expect(ReadingLanguage.scripts(of: "") == [.latin])
        #expect(ReadingLanguage.scripts(of: "x-klingon") == [.latin])
    }

    /// Two tags name one language for a reader when their first subtags agree, whatever the case.
    @Test func tagsOfOneLanguageAreTheSameForAReader() {
        #expect(StructureTagger.sameLanguage("en", "en-US"))
        #expect(StructureTagger.sameLanguage("EN-gb", "en"))
        #expect(StructureTagger.sameLanguage("pt-BR", "pt-PT"))
        #expect(!StructureTagger.sameLanguage("en", "eng"))
        #expect(!StructureTagger.sameLanguage("ar", "am"))
        #expect(!StructureTagger.sameLanguage("zh-Hant", "ja"))
        #expect(!StructureTagger.sameLanguage("de", ""))
    }
}
