import Foundation
import SheetCore
import SheetLayout
import SheetRender
import TestSupport

/// Styles, blocks and documents the tests build by hand.
enum Fixtures {
    static let body = TextStyle(family: "Noto Sans", size: 10, lineHeight: 1.4)
    static let red = Color(red: 1, green: 0, blue: 0)
    static let fixedDate = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14T22:13:20Z

    static let pangram = "The quick brown fox jumps over the lazy dog while the cat watches from the windowsill."

    static func block(_ text: String, width: Double?, language: String = "en", style: TextStyle = body) -> TextBlock {
        TextBlock(text, style: style, width: width, language: language)
    }

    /// A block with a link in the middle of a sentence long enough to wrap.
    static func linkedBlock(width: Double = 150) -> TextBlock {
        TextBlock(
            paragraphs: [[
                RichSpan("Read the "), RichSpan("full annual report of the community", link: "https://example.org/report?a=1&b='x'"),
                RichSpan(" for details, or "), RichSpan("write to us", emphasis: true), RichSpan("."),
            ]],
            style: body, width: width, linkColor: Color(red: 0, green: 0.3, blue: 0.8))
    }

    static func metadata(title: String = "Test Sheet") -> DocumentMetadata {
        DocumentMetadata(
            title: title, subject: "A community profile", keywords: ["community", "profile"], author: "Tester",
            creator: "profilesheet tests", language: "en", date: fixedDate, bookmark: "Test community")
    }

    /// Two A4 pages: a red rectangle, text with a literal `<b>&amp;`, a link, and shapes of every kind.
    static func document(measurer: PangoTextMeasurer, images: [PositionedImage] = []) -> SheetDocument {
        let literal = block("Literal <b>&amp; stays as typed", width: 300)
        let linked = linkedBlock()
        let linkedText = PositionedText(origin: Point(x: 40, y: 200), block: linked, metrics: measurer.measure(linked))
        var first = Frame(size: Size(width: 595, height: 842), role: .page)
        first.append(.shape(Shape(.rectangle(Rect(x: 100, y: 100, width: 50, height: 40), cornerRadius: 0), fill: red)))
        first.append(.text(PositionedText(origin: Point(x: 40, y: 160), block: literal, metrics: measurer.measure(literal))))
        first.append(.text(linkedText))
        for link in linkedText.metrics.links {
            first.append(.link(LinkBox(url: link.url, rect: link.rect.offset(by: linkedText.origin))))
        }
        var group = Frame(origin: Point(x: 300, y: 400), size: Size(width: 200, height: 200), role: .figure(alt: "Shapes of every kind"))
        group.append(.shape(Shape(.circle(center: Point(x: 50, y: 50), radius: 30), fill: Color(red: 0, green: 0.5, blue: 0))))
        group.append(.shape(Shape(
            .annularSector(center: Point(x: 150, y: 50), innerRadius: 20, outerRadius: 40, startAngle: 0, endAngle: .pi / 2),
            fill: Color(red: 0, green: 0, blue: 1), stroke: Stroke(color: .black, width: 1))))
        group.append(.shape(Shape(.line(from: Point(x: 0, y: 120), to: Point(x: 200, y: 120)), stroke: Stroke(color: .black, width: 2, dash: [4, 2]))))
        group.append(.shape(Shape(.polygon([Point(x: 0, y: 150), Point(x: 40, y: 190), Point(x: 80, y: 150)]), fill: red)))
        group.append(.shape(Shape(.rectangle(Rect(x: 100, y: 140, width: 80, height: 50), cornerRadius: 8), stroke: Stroke(color: .black, width: 1))))
        first.append(.group(group))
        for image in images { first.append(.image(image)) }

        var second = Frame(size: Size(width: 595, height: 842))
        let other = block("Second page", width: nil, style: TextStyle(family: "Noto Sans", size: 18, weight: .bold))
        second.append(.text(PositionedText(origin: Point(x: 40, y: 40), block: other, metrics: measurer.measure(other))))
        return SheetDocument(
            pages: [Page(size: first.size, frame: first, title: "At a glance"), Page(size: second.size, frame: second, title: "Details")],
            metadata: metadata())
    }

    /// A page with only a red rectangle at (10, 20) sized 30 × 15 points.
    static func redRectanglePage() -> Page {
        var frame = Frame(size: Size(width: 100, height: 80))
        frame.append(.shape(Shape(.rectangle(Rect(x: 10, y: 20, width: 30, height: 15), cornerRadius: 0), fill: red)))
        return Page(size: frame.size, frame: frame, title: "Red")
    }

    /// A fresh temporary directory, removed by the caller (and, should a test stop first, with
    /// the test process's scratch folder).
    static func temporaryDirectory() throws -> URL {
        URL(fileURLWithPath: try CommandRunner.temporaryDirectory(), isDirectory: true)
    }
}
