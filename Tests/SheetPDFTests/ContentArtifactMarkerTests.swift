@testable import SheetPDF
import Testing

@Suite("Artifacts in page content")
struct ContentArtifactMarkerTests {
    private func marked(_ content: String) throws -> String {
        String(decoding: try ContentArtifactMarker.mark(Array(content.utf8)), as: UTF8.self)
    }

    @Test func unmarkedPathsAroundTaggedTextBecomeArtifacts() throws {
        let content = "q 1 0 0 rg 0 0 10 10 re f\n/P << /MCID 0 >> BDC BT /f 1 Tf (a) Tj ET EMC 5 5 m 6 6 l S Q\n"
        #expect(try marked(content) == """
            q 1 0 0 rg /Artifact BMC
            0 0 10 10 re f
            EMC
            /P << /MCID 0 >> BDC BT /f 1 Tf (a) Tj ET EMC /Artifact BMC
            5 5 m 6 6 l S Q

            EMC

            """)
    }

    @Test func anArtifactOpenedOutsideTextEndsBeforeBTAndOneInsideBeforeET() throws {
        let content = "0 0 1 1 re f BT (x) Tj /P << /MCID 1 >> BDC (y) Tj EMC (z) Tj ET"
        #expect(try marked(content) == """
            /Artifact BMC
            0 0 1 1 re f EMC
            BT /Artifact BMC
            (x) Tj EMC
            /P << /MCID 1 >> BDC (y) Tj EMC /Artifact BMC
            (z) Tj EMC
            ET
            """)
    }

    @Test func aSequenceWithoutMCIDAtTheTopGoesInsideAnArtifact() throws {
        let content = "BT /Span << /ActualText <FEFF0020> >> BDC EMC (a) Tj ET"
        #expect(try marked(content) == """
            BT /Artifact BMC
            /Span << /ActualText <FEFF0020> >> BDC EMC (a) Tj EMC
            ET
            """)
    }

    @Test func taggedContentAndStateOperatorsAreLeftAlone() throws {
        let content = "q 1 w /P << /MCID 0 >> BDC 0 0 1 1 re f EMC Q"
        #expect(try marked(content) == content)
    }

    @Test func stringsAndInlineImagesAreNotReadAsOperators() throws {
        let content = "/P << /MCID 0 >> BDC BT (EMC BDC re f) Tj ET EMC BI /W 1 /H 1 /BPC 8 /CS /G ID \u{1}EI f\nEI Q"
        #expect(try marked(content) == "/P << /MCID 0 >> BDC BT (EMC BDC re f) Tj ET EMC /Artifact BMC\nBI /W 1 /H 1 /BPC 8 /CS /G ID \u{1}EI f\nEI Q\nEMC\n")
    }

    @Test func brokenContentIsAnError() {
        #expect(throws: PDFSyntaxError.unreadable("a string does not end")) { try marked("BT (abc Tj ET") }
        #expect(throws: PDFSyntaxError.malformed("an inline image without 'EI'")) { try marked("BI /W 1 ID xyz") }
    }

    /// Cairo 1.16 writes an SVG's `stroke-width="1e20"` as an integer outside 64 bits. The
    /// pass reads past it (the lexer is not told to check integers' range), so that the
    /// structure check, which is, refuses the sheet with its own message.
    @Test func anIntegerOutside64BitsIsReadHereAndRefusedByTheCheckingLexer() throws {
        #expect(try marked("52000001042125627392 w 0 0 m 1 1 l S") == "52000001042125627392 w /Artifact BMC\n0 0 m 1 1 l S\nEMC\n")
        let content = Array("52000001042125627392 w".utf8)
        try content.withUnsafeBufferPointer { (buffer) throws in
            var lenient = PDFLexer(buffer)
            let token = try lenient.next()
            #expect(token?.kind == .integer)
            var checking = PDFLexer(buffer, checksIntegerRange: true)
            #expect(throws: PDFSyntaxError.unreadable("the integer 52000001042125627392 does not fit in 64 bits")) { try checking.next() }
        }
    }
}
