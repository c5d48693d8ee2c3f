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
        try PDFStructureCheck.check(pdf)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sheet.pdf").path
        try pdf.write(to: URL(fileURLWithPath: path))
        try PDFStructureCheck.check(fileAt: path)
    }

    /// What the check says of `bytes`, nil when they pass.
    static func problem(_ bytes: Data) -> String? {
        do throws(PDFCheckError) {
            try PDFStructureCheck.check(bytes)
            return nil
        } catch {
            return error.description
        }
    }

    /// `text` with the first `old` replaced by `new`, which is as long, so no offset moves.
    static func replacing(_ old: String, with new: String, in text: String) throws -> Data {
        #expect(old.count == new.count)
        let range = try #require(text.range(of: old))
        var text = text
        text.replaceSubrange(range, with: new)
        return bytes(text)
    }

    @Test func damagedFilesAreRefusedSayingWhereAndWhy() throws {
        let pdf = try renderer.pdfData(Fixtures.document(measurer: measurer))
        let text = Self.latin1(pdf)
        #expect(Self.problem(pdf.prefix(pdf.count / 2)) == "the file has no 'startxref' in its last 1024 bytes: it is cut short, or not a PDF")
        #expect(Self.problem(pdf.prefix(pdf.count - 3)) == "the file does not end with '%%EOF' after 'startxref': it is cut short (at byte \(pdf.count - 6))")
        #expect(Self.problem(Data()) == "the file is empty")
        #expect(Self.problem(Data("%!PS-Adobe-3.0\n".utf8) + pdf) == "the file does not start with '%PDF-' (at byte 0)")
        // A wrong cross-reference offset.
        let startxref = try #require(text.range(of: "startxref\n", options: .backwards))
        let end = try #require(text[startxref.upperBound...].firstIndex(of: "\n"))
        var moved = text
        moved.replaceSubrange(startxref.upperBound..<end, with: "17")
        #expect(Self.problem(Self.bytes(moved)) == "there is no cross-reference table where 'startxref' points (at byte 17)")
        // A cross-reference entry one byte off: the object is not where the table says (`table`
        // is where object 2's entry starts).
        let xref = try #require(text.range(of: "\nxref\n", options: .backwards))
        let entries = text[xref.upperBound...].split(separator: "\n")
        let second = String(entries[3])
        let offset = try #require(Int(second.prefix(10)))
        let shifted = String(format: "%010d", offset + 1) + second.dropFirst(10)
        let table = text.index(xref.upperBound, offsetBy: entries[0].count + entries[1].count + entries[2].count + 3)
        var off = text
        off.replaceSubrange(table..<text.index(table, offsetBy: second.count), with: shifted)
        #expect(Self.problem(Self.bytes(off)) == "object 2 is not where the cross-reference table says (no '2 0 obj' there) (at byte \(offset + 1))")
        // An object the table says is free, that the catalog refers to.
        let catalog = try #require(text.range(of: "/Type /Catalog"))
        let pagesReference = try #require(text[catalog.lowerBound...].range(of: "/Pages "))
        let pagesNumber = try #require(Int(text[pagesReference.upperBound...].prefix { $0.isNumber }))
        let entry = text.index(table, offsetBy: (pagesNumber - 2) * 20)
        var freed = text
        freed.replaceSubrange(text.index(entry, offsetBy: 17)...text.index(entry, offsetBy: 17), with: "f")
        #expect(Self.problem(Self.bytes(freed))?.hasPrefix("the document catalog") == false)
        #expect(Self.problem(Self.bytes(freed))?.contains("is broken: it refers to object \(pagesNumber) 0, which the file does not have") == true,
                "\(Self.problem(Self.bytes(freed)) ?? "passed")")
        // A string in a link that cairo 1.16 would have left unbalanced.
        let unbalanced = Self.bytes(text.replacingOccurrences(of: "/URI (https://example.org/report", with: "/URI (https://example.org/rep(ort"))
        #expect(Self.problem(unbalanced) != nil)
        // A stream one byte shorter than its /Length says, and compressed data that is damaged.
        let length = try #require(text.range(of: "/Length "))
        let digits = text[length.upperBound...].prefix { $0.isNumber }
        let streamLength = try #require(Int(digits))
        var longer = text
        longer.replaceSubrange(length.upperBound..<text.index(length.upperBound, offsetBy: digits.count),
                               with: String(format: "%0\(digits.count)d", streamLength - 1))
        #expect(Self.problem(Self.bytes(longer))?.hasPrefix("the stream of object ") == true, "\(Self.problem(Self.bytes(longer)) ?? "passed")")
        #expect(Self.problem(Self.bytes(longer))?.contains("does not end at its /Length (\(streamLength - 1)) with 'endstream'") == true)
        let data = try #require(text.range(of: "stream\n", range: length.upperBound..<text.endIndex))
        var flipped = text
        let inside = text.index(data.upperBound, offsetBy: 5)
        flipped.replaceSubrange(inside...inside, with: String(Character(Unicode.Scalar(UInt8(text[inside].asciiValue ?? 0x41) ^ 0x55))))
        #expect(Self.problem(Self.bytes(flipped))?.contains("does not decode: compressed data zlib cannot read (zlib: ") == true,
                "\(Self.problem(Self.bytes(flipped)) ?? "passed")")
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
        try PDFStructureCheck.check(pdf)
        let text = Self.latin1(pdf)
        let uris = text.components(separatedBy: "/URI (").dropFirst().map { String($0.prefix { $0 != ")" }) }
        #expect(uris == ["https://example.org/x%29/S/JavaScript/JS%28app.alert%281%29", "mailto:ada@example.org"])
        #expect(text.components(separatedBy: "/S /URI").count - 1 == 2)
    }
}
