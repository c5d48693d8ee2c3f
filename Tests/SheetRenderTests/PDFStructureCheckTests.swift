import Foundation
import SheetCore
import SheetLayout
@testable import SheetRender
import TestSupport
import Testing

/// The check every written PDF passes (`PDFStructureCheck`, libqpdf), and the painter's last
/// gate for links.
@Suite("PDF structure check")
struct PDFStructureCheckTests {
    let measurer = PangoTextMeasurer()
    var renderer: SheetRenderer { SheetRenderer() }

    /// The bytes as text, one character a byte, and back.
    static func latin1(_ data: Data) -> String { String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) })) }
    static func bytes(_ text: String) -> Data { Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }) }

    @Test func aSheetAsCairoWritesItPasses() throws {
        let pdf = try renderer.pdfData(Fixtures.document(measurer: measurer))
        try PDFStructureCheck.check(pdf, name: "sheet.pdf")
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sheet.pdf").path
        try pdf.write(to: URL(fileURLWithPath: path))
        try PDFStructureCheck.check(fileAt: path)
    }

    @Test func damagedFilesAreRefusedWithWhatQPDFSays() throws {
        let pdf = try renderer.pdfData(Fixtures.document(measurer: measurer))
        #expect(throws: PDFCheckError.failed(kind: .damagedPDF, detail: "unable to find trailer dictionary while recovering damaged file", offset: 0)) {
            try PDFStructureCheck.check(pdf.prefix(pdf.count / 2), name: "half.pdf")
        }
        #expect(throws: PDFCheckError.failed(kind: .damagedPDF, detail: "the file is empty", offset: 0)) {
            try PDFStructureCheck.check(Data(), name: "empty.pdf")
        }
        // A wrong cross-reference offset: qpdf recovers, with warnings, which fail the check.
        var text = Self.latin1(pdf)
        let startxref = try #require(text.range(of: "startxref\n", options: .backwards))
        let end = try #require(text[startxref.upperBound...].firstIndex(of: "\n"))
        text.replaceSubrange(startxref.upperBound..<end, with: "17")
        let moved = Self.bytes(text)
        let result = Result<Void, PDFCheckError> { () throws(PDFCheckError) in try PDFStructureCheck.check(moved, name: "moved.pdf") }
        if case .failure(.damaged(let warnings, let count)) = result {
            #expect(count >= 1 && !warnings.isEmpty)
        } else {
            Issue.record("a file with a wrong startxref: \(result)")
        }
        // A string in a link that cairo 1.16 would have left unbalanced.
        let unbalanced = Self.bytes(Self.latin1(pdf)
            .replacingOccurrences(of: "/URI (https://example.org/report", with: "/URI (https://example.org/rep(ort"))
        #expect(throws: PDFCheckError.self) { try PDFStructureCheck.check(unbalanced, name: "unbalanced.pdf") }
    }

    @Test(arguments: [
        ("0 0 0 RG 52000001042125627392 w", "the integer 52000001042125627392 does not fit in 64 bits"),
        ("-9223372036854775809 0 m", "the integer -9223372036854775809 does not fit in 64 bits"),
        ("BT (unterminated Tj ET", "a string does not end"),
        ("BT <48656C6C6F", "a hex string does not end"),
        ("BT <4865ZZ> Tj ET", "a hex string holds a character that is not a hex digit"),
        ("BT [(a) 10 (b) TJ ET", "an array or dictionary does not end"),
        ("q ] Q", "an unexpected ']'"),
        ("q ) Q", "an unexpected ')'"),
        ("q { Q", "an unexpected '{'"),
        ("/P << /MCID 0 > BDC", "an unexpected '>'"),
        ("BI /W 1 /H 1 /BPC 8 /CS /G ID \u{01} no end", "an inline image has no 'EI'"),
    ])
    func contentThatQPDFCannotParseIsFound(_ content: String, _ problem: String) {
        let bytes = Array(content.utf8)
        let found = bytes.withUnsafeBufferPointer { buffer in
            var scan = ContentStreamScan(buffer)
            return scan.problem()
        }
        #expect(found == problem)
    }

    @Test(arguments: [
        "q 1 0 0 1 10 20 cm 9223372036854775807 w -9223372036854775808 w 1.5e3 w Q",
        "BT /f-0-0 12 Tf [(a\\) \\(b) -250 <48 65 6c> 10] TJ (nested (parens) ok) Tj ET",
        "/P << /MCID 0 /Alt (x) >> BDC EMC % a comment with ) and ] in it",
        "BI /W 2 /H 1 /BPC 8 /CS /G ID \u{45}\u{49} EI Q",
    ])
    func contentAsCairoWritesItPasses(_ content: String) {
        let bytes = Array(content.utf8)
        let found = bytes.withUnsafeBufferPointer { buffer in
            var scan = ContentStreamScan(buffer)
            return scan.problem()
        }
        #expect(found == nil)
    }

    /// Whatever URL a frame carries, only http, https and mailto links as `URLCheck` makes
    /// them reach the PDF.
    @Test func thePainterWritesOnlySafeLinks() throws {
        var frame = Frame(size: Size(width: 300, height: 300))
        frame.append(.shape(Shape(.rectangle(Rect(x: 100, y: 100, width: 20, height: 20), cornerRadius: 0), fill: Fixtures.red)))
        let urls = [
            "https://example.org/x)/S/JavaScript/JS(app.alert(1)", "javascript:app.alert(1)", "data:text/html,x",
            "file:///etc/passwd", "mailto:a@example.org?cc=eve@example.org", "mailto:ada@example.org", "launch:calc",
            "https://example.org/a\nb",
        ]
        for (index, url) in urls.enumerated() {
            frame.append(.link(LinkBox(url: url, rect: Rect(x: 10, y: 10 + Double(index) * 25, width: 50, height: 20))))
        }
        let document = SheetDocument(pages: [Page(size: frame.size, frame: frame, title: "Links")], metadata: Fixtures.metadata())
        let pdf = try renderer.pdfData(document)
        try PDFStructureCheck.check(pdf, name: "links.pdf")
        let text = Self.latin1(pdf)
        let uris = text.components(separatedBy: "/URI (").dropFirst().map { String($0.prefix { $0 != ")" }) }
        #expect(uris == ["https://example.org/x%29/S/JavaScript/JS%28app.alert%281%29", "mailto:ada@example.org"])
        #expect(text.components(separatedBy: "/S /URI").count - 1 == 2)
    }
}
