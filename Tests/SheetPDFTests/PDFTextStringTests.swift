@testable import SheetPDF
import Testing

@Suite("PDF text strings")
struct PDFTextStringTests {
    @Test func printableASCIIIsALiteralWithItsDelimitersEscaped() {
        #expect(PDFTextString.encode("Logo of US-RSE") == "(Logo of US-RSE)")
        #expect(PDFTextString.encode("a (b) c\\d") == "(a \\(b\\) c\\\\d)")
        #expect(PDFTextString.encode("") == "()")
        #expect(PDFTextString.encode("~ !\"#$%&'*+,-./09:;<=>?@AZ[]^_`az{|}") == "(~ !\"#$%&'*+,-./09:;<=>?@AZ[]^_`az{|})")
    }

    @Test func anythingElseIsUTF16BigEndianWithAByteOrderMark() {
        #expect(PDFTextString.encode("é") == "<FEFF00E9>")
        #expect(PDFTextString.encode("a\nb") == "<FEFF0061000A0062>")
        #expect(PDFTextString.encode("\u{7F}") == "<FEFF007F>")
        #expect(PDFTextString.encode("شبكة") == "<FEFF0634062806430629>")
        #expect(PDFTextString.encode("研究") == "<FEFF78147A76>")
        // Outside the Basic Multilingual Plane: a surrogate pair.
        #expect(PDFTextString.encode("😀 (x)") == "<FEFFD83DDE000020002800780029>")
    }
}
