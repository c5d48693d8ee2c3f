import SheetPDF
import Testing

/// `PDFSourceFile` on small files written here, each with a correct cross-reference table, so
/// that what is tried is the object the test names.
@Suite("PDF source file")
struct PDFSourceFileTests {
    /// A PDF of `objects` (numbered from 1, object 1 the catalog) with its table and trailer.
    private func file(_ objects: [String]) -> [UInt8] {
        var out = Array("%PDF-1.5\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { PDFCrossReferenceTable.appendEntry(offset, to: &out) }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    @Test func aStreamIsItsLengthLongDirectOrReferred() throws {
        let source = try PDFSourceFile(bytes: file([
            "<< /Type /Catalog >>", "<< /Length 5 >>\nstream\nhello\nendstream", "<< /Length 4 0 R >>\nstream\nhi\nendstream", "2",
        ]))
        for (number, text) in [(2, "hello"), (3, "hi")] {
            let stream = try #require(try source.object(number).stream)
            #expect(String(decoding: source.bytes[stream], as: UTF8.self) == text)
        }
    }

    /// A `/Length` that refers to the stream itself, or to another stream, is refused; read as
    /// an object it recursed until the stack ran out.
    @Test func aLengthThatIsNotANumberIsRefused() throws {
        let source = try PDFSourceFile(bytes: file([
            "<< /Type /Catalog >>", "<< /Length 2 0 R >>\nstream\nhello\nendstream", "<< /Length 2 0 R >>\nstream\nhi\nendstream",
            "<< /Length -3 >>\nstream\nhi\nendstream", "<< /Length 6 0 R >>\nstream\nhi\nendstream", "(2)",
        ]))
        for number in 2...5 {
            #expect(throws: PDFSyntaxError.malformed("a stream length that is not a number")) { try source.object(number) }
        }
    }

    @Test func tokensTheLexerCannotReadAreRefusedInItsWords() throws {
        let source = try PDFSourceFile(bytes: file(["<< /Type /Catalog >>", "<< /A (never closed >>", "<< /B { >>", "<< /C <4G> >>"]))
        #expect(throws: PDFSyntaxError.unreadable("a string does not end")) { try source.object(2) }
        #expect(throws: PDFSyntaxError.unreadable("an unexpected '{'")) { try source.object(3) }
        #expect(throws: PDFSyntaxError.unreadable("a hex string holds a character that is not a hex digit")) { try source.object(4) }
    }
}
