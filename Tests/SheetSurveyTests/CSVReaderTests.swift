import Foundation
import SheetCore
import Testing
@testable import SheetSurvey

/// The CSV rules of survey-mapping.md, and the cases the known-hazards note lists for the CSV
/// packages that were not strict enough.
@Suite("Reading survey CSVs")
struct CSVReaderTests {
    @Test func byteOrderMarkAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Community,Members\r\nus-rse,\"3,400\"\r\ncscce,900\r\n".utf8)
        let records = try CSVTestReader.records(bytes: bytes).get()
        #expect(records.map(\.row) == [1, 2, 3])
        #expect(records[0].cells == [0: "Community", 1: "Members"])
        #expect(records[1].cells == [0: "us-rse", 1: "3,400"])
    }

    @Test func everyLineEndingStyle() throws {
        for ending in ["\n", "\r\n", "\r"] {
            let rows = try CSVTestReader.rows(["a,b", "1,2", "3,4"].joined(separator: ending) + ending)
            #expect(rows == [["a", "b"], ["1", "2"], ["3", "4"]], "ending \(ending.debugDescription)")
            // No final line break: the last row is still read.
            #expect(try CSVTestReader.rows(["a,b", "1,2"].joined(separator: ending)) == [["a", "b"], ["1", "2"]])
        }
    }

    @Test func crOnlyRowsAreNumberedAsLines() throws {
        let records = try CSVTestReader.records("a,b\r1,2\r\"x\ry\",3\r4,5").get()
        #expect(records.map(\.row) == [1, 2, 3, 5])
        #expect(records[2].cells[0] == "x\ny")
    }

    @Test func quotedCellsHoldDelimitersQuotesAndLineBreaks() throws {
        let text = "id,comment,n\r\n1,\"Hello, \"\"world\"\"\r\nsecond line\",2\r\n3,\"\",4\r\n"
        let records = try CSVTestReader.records(text).get()
        #expect(records.count == 3)
        #expect(records[1].cells == [0: "1", 1: "Hello, \"world\"\nsecond line", 2: "2"])
        #expect(records[2].row == 4, "the record after a two-line cell starts on line 4")
        #expect(records[2].cells[1] == "")
    }

    @Test func trailingLineBreaksAreNotRows() throws {
        #expect(try CSVTestReader.rows("a,b\n1,2\n\n\r\n") == [["a", "b"], ["1", "2"]])
    }

    @Test func unterminatedQuoteIsAnErrorNotASwallowedFile() {
        let result = CSVTestReader.records("a,b\n1,\"open\n2,3\n4,5\n")
        #expect(throws: CSVScanner.Failure.unterminatedQuote(row: 2, column: 2, line: 2)) { try result.get() }
    }

    @Test func strayQuoteAndTextAfterClosingQuote() {
        #expect(throws: CSVScanner.Failure.strayQuote(row: 2, column: 2)) { try CSVTestReader.records("a,b\n1,5 \"big\" ones\n").get() }
        // `"ab"cd`: one package threw, the other silently dropped a character.
        #expect(throws: CSVScanner.Failure.textAfterQuote(row: 2, column: 1)) { try CSVTestReader.records("a,b\n\"ab\"cd,2\n").get() }
    }

    @Test func otherDelimiters() throws {
        var scanner = CSVScanner(bytes: Array("a;b\n\"1;5\";2,5\n".utf8), delimiter: UInt8(ascii: ";"))
        _ = scanner.next(keeping: { _ in true })
        let record = try #require(try scanner.next(keeping: { _ in true }).get())
        #expect(record.cells == [0: "1;5", 1: "2,5"])
    }

    @Test func onlyKeptColumnsAreDecoded() throws {
        var scanner = CSVScanner(bytes: Array("name,email,community\nAda Lovelace,ada@example.org,us-rse\n".utf8), delimiter: UInt8(ascii: ","))
        _ = scanner.next(keeping: { _ in true })
        let record = try #require(try scanner.next(keeping: { $0 == 2 }).get())
        #expect(record.cellCount == 3)
        #expect(record.cells == [2: "us-rse"])
    }

    // MARK: - Through SurveyCSV: headers, shapes and diagnostics

    func header(_ text: String, export: ExportShape = .auto, file: String = "s.csv") -> (SurveyHeader?, [Diagnostic]) {
        SurveyCSV.readHeader(Data(text.utf8), file: file, delimiter: UInt8(ascii: ","), export: export)
    }

    func table(_ text: String, export: ExportShape = .auto, keep: Set<Int>? = nil) -> (SurveyTable?, [Diagnostic]) {
        let (header, diagnostics) = header(text, export: export)
        guard let header else { return (nil, diagnostics) }
        let (table, rowDiagnostics) = SurveyCSV.readRows(header, keeping: keep ?? Set(header.columns.indices))
        return (table, diagnostics + rowDiagnostics)
    }

    @Test func raggedRowsAreErrorsNamingRowColumnAndHeader() {
        let (table, diagnostics) = table("Community,Region,Stage\nus-rse,europe,senior\ncscce,europe\nsustain,a,b,c\n\nx,y,z\n")
        #expect(table == nil)
        #expect(diagnostics.map(\.location?.description) == ["s.csv:3:3", "s.csv:4:4", "s.csv:5:1"])
        #expect(diagnostics[0].message == "row 3 has 2 cells, but the header has 3: it ends before column 3 'Stage'")
        #expect(diagnostics[1].message == "row 4 has 4 cells, but the header has 3")
        #expect(diagnostics[2].message == "row 5 has 1 cell, but the header has 3")
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func duplicateHeadersAreErrors() {
        let (header, diagnostics) = header("Community,Email,Region,Email\na,b,c,d\n")
        #expect(header == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location?.description == "s.csv:1:4")
        #expect(diagnostics[0].message == "columns 2 and 4 have the same header 'Email'")
    }

    @Test func latin1BytesNameRowColumnAndByte() {
        // "Müller" in Latin-1, in an unmapped column: reported, never decoded.
        var bytes = Array("Community,Name\nus-rse,M".utf8)
        bytes.append(0xFC)
        bytes += Array("ller\ncscce,Z\u{00FC}rich\n".utf8)
        let (header, _) = SurveyCSV.readHeader(Data(bytes), file: "s.csv", delimiter: UInt8(ascii: ","), export: .auto)
        let (table, diagnostics) = SurveyCSV.readRows(header!, keeping: [0])
        #expect(table == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location?.description == "s.csv:2:2")
        #expect(diagnostics[0].message == "the file is not UTF-8: byte 0xFC at offset 23, in row 2, column 2 'Name', is not valid UTF-8")
    }

    @Test func latin1InTheHeaderAndUTF16() {
        let (_, diagnostics) = SurveyCSV.readHeader(Data([0x43, 0xE9, 0x0A, 0x61, 0x0A]), file: "s.csv", delimiter: UInt8(ascii: ","), export: .auto)
        #expect(diagnostics.first?.message.hasPrefix("the file is not UTF-8: byte 0xE9 at offset 1, in row 1, column 1") == true)
        let (_, utf16) = SurveyCSV.readHeader(Data([0xFF, 0xFE, 0x61, 0x00]), file: "s.csv", delimiter: UInt8(ascii: ","), export: .auto)
        #expect(utf16.first?.message.hasPrefix("the file is UTF-16") == true)
    }

    @Test func quoteErrorsThroughTheReaderNameTheHeader() {
        let (_, unterminated) = table("Community,Comment\nus-rse,\"never closed\ncscce,fine\n")
        #expect(unterminated.map(\.location?.description) == ["s.csv:2:2"])
        #expect(unterminated.first?.message == "the quote that opens column 2 'Comment' is never closed")
        let (_, stray) = table("Community,Comment\nus-rse,a \"quoted\" word\n")
        #expect(stray.first?.message == "column 2 'Comment' holds a quote but does not start with one")
    }

    @Test func emptyFile() {
        let (header, diagnostics) = header("")
        #expect(header == nil)
        #expect(diagnostics.first?.message == "the file is empty")
    }

    static let qualtrics = """
        "StartDate","RecipientEmail","Q1","Q2","Q3"\r
        "Start Date","Recipient Email","Which community are you part of?","Where are you based?","Where are you based?"\r
        "{""ImportId"":""startDate"",""timeZone"":""UTC""}","{""ImportId"":""recipientEmail""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}","{""ImportId"":""QID3""}"\r
        "2025-10-01 09:00:00","a@example.org","US-RSE","Europe","Asia"\r
        "2025-10-02 09:00:00","b@example.org","CSCCE","Africa","Europe"\r

        """

    @Test func qualtricsThreeHeaderRows() throws {
        let (table, diagnostics) = table(Self.qualtrics)
        #expect(diagnostics.isEmpty)
        let read = try #require(table)
        #expect(read.header.shape == .qualtrics)
        #expect(read.rows.map(\.row) == [4, 5], "data starts on the fourth row")
        #expect(read.header.columns[2].question == "Which community are you part of?")
        // A column is named by its id or its question text.
        #expect(read.header.column(named: "Q1") == .found(read.header.columns[2]))
        #expect(read.header.column(named: "  Which community   are you part of? ") == .found(read.header.columns[2]))
        // A question text two columns share must be named by id.
        #expect(read.header.column(named: "Where are you based?") == .ambiguous([read.header.columns[3], read.header.columns[4]]))
        #expect(read.header.column(named: "Which comunity are you part of?") == .missing(closest: "Which community are you part of?"))
    }

    @Test func shapesAreRecognised() {
        #expect(header("Timestamp,Community\n2025/11/03,x\n").0?.shape == .googleForms)
        #expect(header("Community,Members\nx,1\n").0?.shape == .plain)
        #expect(header(Self.qualtrics, export: .qualtrics).0?.shape == .qualtrics)
    }

    @Test func declaredQualtricsWithoutImportIDRowIsAnError() {
        let (header, diagnostics) = header("Q1,Q2\nCommunity,Region\nus-rse,europe\ncscce,asia\n", export: .qualtrics)
        #expect(header == nil)
        #expect(diagnostics.first?.location?.description == "s.csv:3:1")
        #expect(diagnostics.first?.message.contains("does not hold Qualtrics' {\"ImportId\":…} cells") == true)
    }

    @Test func declaredPlainOnAQualtricsExportWarns() {
        let (header, diagnostics) = header(Self.qualtrics, export: .plain)
        #expect(header?.shape == .plain)
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.message.contains("rows 2 and 3 are read as answers") == true)
    }
}

extension SurveyTable: Equatable {
    public static func == (lhs: SurveyTable, rhs: SurveyTable) -> Bool { lhs.rows == rhs.rows }
}

extension SurveyHeader: Equatable {
    public static func == (lhs: SurveyHeader, rhs: SurveyHeader) -> Bool { lhs.columns == rhs.columns && lhs.shape == rhs.shape }
}
