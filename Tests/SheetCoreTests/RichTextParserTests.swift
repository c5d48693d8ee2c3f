import SheetCore
import Testing

@Suite("Rich text markup")
struct RichTextParserTests {
    let parser = RichTextParser()

    @Test func emphasisStrongAndLinks() {
        let (text, rejected) = parser.parse("A *b* **c** [d](https://e.org) f")
        #expect(rejected.isEmpty)
        #expect(text.paragraphs == [[
            RichSpan("A "), RichSpan("b", emphasis: true), RichSpan(" "), RichSpan("c", strong: true), RichSpan(" "),
            RichSpan("d", link: "https://e.org"), RichSpan(" f"),
        ]])
        #expect(text.plainText == "A b c d f")
    }

    @Test func rendererMarkupStaysLiteral() {
        let (text, _) = parser.parse("<b>bold</b> & <span foreground='red'>x</span>")
        #expect(text.paragraphs == [[RichSpan("<b>bold</b> & <span foreground='red'>x</span>")]])
    }

    @Test func unmatchedMarkersStayLiteral() {
        #expect(parser.parse("2 * 3 = 6").text.plainText == "2 * 3 = 6")
        #expect(parser.parse("**open").text.plainText == "**open")
        #expect(parser.parse("[label](not a url)").text.plainText == "[label](not a url)")
    }

    @Test func nonWebLinksAreRejected() {
        let (text, rejected) = parser.parse("[x](javascript:alert(1))")
        #expect(rejected.map(\.target) == ["javascript:alert(1"])
        #expect(text.links.isEmpty)
    }

    @Test func paragraphsAndLineJoining() {
        let (text, _) = parser.parse("one\ntwo\n\n  three  \n")
        #expect(text.paragraphs.map { $0.map(\.text).joined() } == ["one two", "three"])
        let (japanese, _) = parser.parse("日本語の\n文章")
        #expect(japanese.plainText == "日本語の文章")
    }
}
