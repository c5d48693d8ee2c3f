import CPangoCairo
import Foundation
import SheetCore
import SheetLayout
@testable import SheetRender
import Testing

@Suite("PangoTextMeasurer")
struct PangoTextMeasurerTests {
    let measurer = PangoTextMeasurer()

    @Test func widerWidthGivesFewerLines() {
        let narrow = measurer.measure(Fixtures.block(Fixtures.pangram, width: 100))
        let wide = measurer.measure(Fixtures.block(Fixtures.pangram, width: 400))
        #expect(narrow.lineCount > wide.lineCount)
        #expect(narrow.size.width <= 100)
        #expect(wide.size.width <= 400)
        #expect(wide.size.width > 100)
    }

    @Test func linesSitAtAFixedPitch() {
        let style = Fixtures.body  // 10 pt, line height 1.4
        for width in [80.0, 150, 300] {
            let metrics = measurer.measure(Fixtures.block(Fixtures.pangram, width: width, style: style))
            #expect(abs(metrics.size.height - Double(metrics.lineCount) * 14) < 1e-9)
        }
        // A script with a taller fallback font keeps the pitch too.
        let mixed = measurer.measure(Fixtures.block("Latin 日本語 ሰላም " + Fixtures.pangram, width: 90, style: style))
        #expect(abs(mixed.size.height - Double(mixed.lineCount) * 14) < 1e-9)
        #expect(mixed.firstBaseline > 0 && mixed.firstBaseline < 14)
    }

    @Test func paragraphsStackWithSpacing() {
        let block = TextBlock(
            paragraphs: [[RichSpan("One")], [RichSpan("Two")], [RichSpan("Three")]], style: Fixtures.body, width: nil,
            paragraphSpacing: 5)
        let metrics = measurer.measure(block)
        #expect(metrics.lineCount == 3)
        #expect(abs(metrics.size.height - (3 * 14 + 2 * 5)) < 1e-9)
    }

    @Test func emptyInput() {
        let none = measurer.measure(TextBlock(paragraphs: [], style: Fixtures.body, width: 100))
        #expect(none.lineCount == 0 && none.size == .zero)
        let blank = measurer.measure(Fixtures.block("", width: 100))
        #expect(blank.lineCount == 1 && blank.size.width == 0)
    }

    /// Absolute sizes in points: twice the size is twice the width, and a 10 pt "M" of Noto
    /// Sans is its advance (0.907 em) wide.
    @Test func sizeIsInPoints() {
        let small = measurer.measure(Fixtures.block("Measure me", width: nil, style: TextStyle(family: "Noto Sans", size: 10)))
        let large = measurer.measure(Fixtures.block("Measure me", width: nil, style: TextStyle(family: "Noto Sans", size: 20)))
        #expect(abs(large.size.width - 2 * small.size.width) < 0.02)
        let em = measurer.measure(Fixtures.block("M", width: nil, style: TextStyle(family: "Noto Sans", size: 10)))
        #expect(abs(em.size.width - 9.07) < 0.05)
    }

    @Test func stylesChangeTheWidth() {
        let plain = measurer.measure(Fixtures.block("Spacing and weight", width: nil))
        var spaced = Fixtures.body
        spaced.letterSpacing = 1
        let wider = measurer.measure(Fixtures.block("Spacing and weight", width: nil, style: spaced))
        #expect(wider.size.width > plain.size.width + 10)
        let strong = measurer.measure(TextBlock(paragraphs: [[RichSpan("Spacing and weight", strong: true)]], style: Fixtures.body, width: nil))
        #expect(strong.size.width > plain.size.width)
    }

    @Test func linkBoxesCoverEveryLineOfTheLink() {
        for alignment in [TextBlock.Alignment.start, .center, .end] {
            var block = Fixtures.linkedBlock(width: 150)
            block.alignment = alignment
            let metrics = measurer.measure(block)
            let bounds = Rect(x: 0, y: 0, width: 150, height: metrics.size.height)
            #expect(metrics.links.count >= 2, "the link wraps onto a second line")
            #expect(Set(metrics.links.map(\.url)) == ["https://example.org/report?a=1&b='x'"])
            for link in metrics.links {
                #expect(bounds.contains(link.rect), "\(link.rect) lies in \(bounds)")
                #expect(link.rect.width > 5 && link.rect.height == 14)
            }
        }
        #expect(measurer.measure(Fixtures.block(Fixtures.pangram, width: 150)).links.isEmpty)
    }

    @Test func linkAfterANulCharacterKeepsItsOffsets() {
        let block = TextBlock(paragraphs: [[RichSpan("a\u{0}b "), RichSpan("link", link: "https://example.org")]], style: Fixtures.body, width: nil)
        let metrics = measurer.measure(block)
        let word = measurer.measure(Fixtures.block("link", width: nil))
        #expect(metrics.links.count == 1)
        #expect(abs((metrics.links.first?.rect.width ?? 0) - word.size.width) < 0.5)
    }

    /// Spans are attributes over plain text, never Pango markup.
    @Test func markupCharactersStayLiteral() {
        let text = "<b>&amp; <i>x</i>"
        let block = TextBlock(paragraphs: [[RichSpan(text), RichSpan(" & <", strong: true)]], style: Fixtures.body, width: nil)
        let laidOut = measurer.withLayout(of: block) { layout in
            layout.paragraphs.map { String(cString: pango_layout_get_text($0.layout)) }
        }
        #expect(laidOut == [text + " & <"])
        #expect(measurer.measure(block).unknownGlyphs == 0)
    }

    @Test(arguments: [
        ("日本語の文章を測ります。", "ja"),
        ("ሰላም ለዓለም፣ እንዴት ነህ", "am"),
        ("مرحبا بالعالم", "ar"),
        ("Ẹ kú àárọ̀, ṣé dáadáa ni ọjọ́ rẹ?", "yo"),
        ("Привет, Ελλάδα, नमस्ते", "en"),
    ])
    func installedScriptsHaveGlyphs(text: String, language: String) {
        let metrics = measurer.measure(Fixtures.block(text, width: 300, language: language))
        #expect(metrics.unknownGlyphs == 0)
        #expect(metrics.lineCount == 1)
    }

    @Test func absurdNumbersDoNotTrap() {
        for width in [Double.nan, -5, 0, .infinity, 1e300] {
            _ = measurer.measure(Fixtures.block("Some text", width: width))
        }
        for size in [Double.nan, 0, -3, .infinity, 1e300] {
            var style = Fixtures.body
            style.size = size
            style.letterSpacing = size
            _ = measurer.measure(Fixtures.block("Some text", width: 100, style: style))
        }
    }

    @Test func privateUseCharactersAreUnknown() {
        #expect(measurer.measure(Fixtures.block("x\u{10FFFD}y", width: nil)).unknownGlyphs > 0)
    }

    @Test func directionOfTheFirstParagraph() {
        #expect(measurer.measure(Fixtures.block("مرحبا بالعالم", width: 200, language: "ar")).rightToLeft)
        #expect(measurer.measure(Fixtures.block("2024: مرحبا", width: 200, language: "ar")).rightToLeft)
        #expect(!measurer.measure(Fixtures.block("Hello", width: 200)).rightToLeft)
    }

    /// Start is left for left-to-right text and right for right-to-left text.
    @Test func alignment() {
        func lineSpan(_ text: String, _ alignment: TextBlock.Alignment, width: Double?) -> (start: Double, end: Double) {
            var block = Fixtures.block(text, width: width, language: text.first == "م" ? "ar" : "en")
            block.alignment = alignment
            let other = TextBlock(paragraphs: block.paragraphs + [[RichSpan(String(repeating: "W", count: 30))]], style: block.style,
                                  width: width, alignment: alignment, language: block.language)
            return measurer.withLayout(of: width == nil ? other : block) { layout in
                let line = layout.paragraphs[0].lines[0]
                return (line.x, line.x + line.width)
            }
        }
        for width in [300.0, nil] {
            let full = width ?? measurer.measure(Fixtures.block(String(repeating: "W", count: 30), width: nil)).size.width
            let arabicStart = lineSpan("مرحبا", .start, width: width)
            #expect(abs(arabicStart.end - full) < 0.01)
            #expect(lineSpan("Hello", .start, width: width).start == 0)
            #expect(abs(lineSpan("Hello", .end, width: width).end - full) < 0.01)
            #expect(lineSpan("مرحبا", .end, width: width).start < 0.01)
            let centred = lineSpan("Hello", .center, width: width)
            #expect(abs(centred.start - (full - centred.end)) < 0.01)
        }
    }

    @Test func measuringIsDeterministicAcrossInstancesAndThreads() {
        let blocks = [Fixtures.linkedBlock(), Fixtures.block(Fixtures.pangram, width: 120), Fixtures.block("日本語のテキスト", width: 50, language: "ja")]
        let expected = blocks.map(measurer.measure)
        let shared = PangoTextMeasurer()
        let results = Results<[TextMetrics]>(count: 8, initial: [])
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            // Half the workers have their own measurer, half share one (and its lock).
            let worker = index % 2 == 0 ? PangoTextMeasurer() : shared
            for _ in 0..<5 { results.set(index, blocks.map(worker.measure)) }
        }
        for index in 0..<8 { #expect(results.get(index) == expected) }
    }
}
