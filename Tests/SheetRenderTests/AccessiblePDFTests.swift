import Foundation
import SheetCore
import SheetLayout
import SheetRender
import TestSupport
import Testing

/// What `PDFAccessibilityPass` adds to the PDF cairo writes (issue 17, point 2).
@Suite("Accessible PDF")
struct AccessiblePDFTests {
    let measurer = PangoTextMeasurer()

    /// The PDF with its streams uncompressed (qpdf's QDF form), as text.
    private func qdf(_ data: Data) throws -> String {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.pdf").path
        let output = directory.appendingPathComponent("out.pdf").path
        try data.write(to: URL(fileURLWithPath: input))
        let check = try CommandRunner.run("qpdf", ["--check", input])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try CommandRunner.run("qpdf", ["--qdf", "--object-streams=disable", input, output]).status == 0)
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: output)), as: UTF8.self)
    }

    @Test func documentLevelEntriesMetadataTabsAndLinkContents() throws {
        let renderer = SheetRenderer()
        let text = try qdf(try renderer.pdfData(Fixtures.document(measurer: measurer)))
        #expect(text.contains("/Lang (en)"))
        #expect(text.contains("/ViewerPreferences <<\n    /DisplayDocTitle true\n  >>"))
        #expect(text.contains("/MarkInfo <<\n    /Marked true\n  >>"))
        #expect(text.contains("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Test Sheet</rdf:li></rdf:Alt></dc:title>"))
        #expect(text.contains("<pdfuaid:part>1</pdfuaid:part>"))
        #expect(text.contains("/Tabs /S"))
        #expect(text.contains("/Contents (https://example.org/report?a=1&b='x')"))
        // The red rectangle, drawn outside every element, is an Artifact; text is tagged.
        #expect(text.contains("/Artifact BMC\n1 0 0 rg 100 100 50 40 re f") || text.contains("/Artifact BMC\n100 100 50 40 re f"), "\(text.prefix(4000))")
        #expect(text.contains("/P << /MCID 0 >> BDC"))
    }

    @Test func aTextInAnotherLanguageGetsItsOwnLang() throws {
        var page = Frame(size: Size(width: 300, height: 200))
        let english = Fixtures.block("Members", width: nil)
        let arabic = Fixtures.block("أعضاء الشبكة", width: nil, language: "ar")
        page.append(.text(PositionedText(origin: Point(x: 20, y: 20), block: arabic, metrics: measurer.measure(arabic))))
        page.append(.text(PositionedText(origin: Point(x: 20, y: 60), block: english, metrics: measurer.measure(english))))
        var metadata = Fixtures.metadata(title: "شبكة")
        metadata.language = "ar"
        let document = SheetDocument(pages: [Page(size: Size(width: 300, height: 200), frame: page, title: "One")], metadata: metadata)
        let text = try qdf(try SheetRenderer().pdfData(document))
        #expect(text.contains("/Lang (ar)"))
        #expect(text.components(separatedBy: "/Lang (en)").count == 2, "only the English element has a Lang of its own")
        #expect(text.contains("<rdf:li>ar</rdf:li>"))
    }
    /// A figure's alternative text is in the language layout says its words are in (the
    /// template's strings), not the one most of its letters are: an English sentence about
    /// Korean regions in a Korean sheet whose template has no Korean strings is English, an
    /// Arabic one about Latin names in an Arabic sheet is Arabic. Bidi marks are left out.
    @Test func aFiguresAltIsInTheLanguageOfItsWords() throws {
        var page = Frame(size: Size(width: 300, height: 200))
        let dot = Shape(.circle(center: Point(x: 20, y: 20), radius: 10), fill: Color(red: 0, green: 0.5, blue: 0))
        var english = Frame(origin: Point(x: 20, y: 20), size: Size(width: 40, height: 40), role: .figure(alt: "Members by region: 서울 60%, 부산 40%", language: "en"))
        english.append(.shape(dot))
        var korean = Frame(origin: Point(x: 120, y: 20), size: Size(width: 40, height: 40), role: .figure(alt: "지역별 회원: Seoul Capital Area 60%", language: "ko"))
        korean.append(.shape(dot))
        page.append(.group(english))
        page.append(.group(korean))
        var metadata = Fixtures.metadata(title: "회원")
        metadata.language = "ko"
        let document = SheetDocument(pages: [Page(size: Size(width: 300, height: 200), frame: page, title: "One")], metadata: metadata)
        let text = try qdf(try SheetRenderer().pdfData(document))
        #expect(text.components(separatedBy: "/Lang (en)").count == 2, "the English alt text, and only it, has a Lang of its own")
        #expect(text.components(separatedBy: "/Lang (ko)").count == 2, "Korean only as the document's")

        var arabic = Frame(origin: Point(x: 20, y: 20), size: Size(width: 40, height: 40), role: .figure(alt: "الأعضاء حسب المنطقة: Levant 30\u{200E}%\u{200E}, Maghreb 22\u{200E}%\u{200E}", language: "ar"))
        arabic.append(.shape(dot))
        var arabicPage = Frame(size: Size(width: 300, height: 200))
        arabicPage.append(.group(arabic))
        metadata.language = "ar"
        let arabicText = try qdf(try SheetRenderer().pdfData(SheetDocument(pages: [Page(size: Size(width: 300, height: 200), frame: arabicPage, title: "One")], metadata: metadata)))
        #expect(arabicText.components(separatedBy: "/Lang (").count == 2, "the document's Lang alone: \(arabicText.prefix(3000))")
        #expect(!arabicText.contains("/Lang (en)"))
    }
}
