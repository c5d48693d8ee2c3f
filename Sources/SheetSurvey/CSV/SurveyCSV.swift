import Foundation
import SheetCore

/// A survey export's header rows, read and checked, with the reader positioned at the data.
public struct SurveyHeader: Sendable {
    /// The CSV file as diagnostics name it.
    public var file: String
    /// The shape the file was read as (never `auto`).
    public var shape: ExportShape
    public var columns: [SurveyColumn]
    /// Positioned after the header rows.
    var scanner: CSVScanner

    /// What a mapping's `column:` finds in this file.
    public enum Lookup: Sendable, Hashable {
        case found(SurveyColumn)
        /// Several columns share the question text (a Qualtrics export); name one by its id.
        case ambiguous([SurveyColumn])
        /// No such column; the closest header, if any.
        case missing(closest: String?)
    }

    /// The column a mapping names: by its header (for Qualtrics, its short id), or for a
    /// Qualtrics export by its question text. Compared after trimming and folding runs of
    /// white space; case counts.
    public func column(named name: String) -> Lookup {
        let wanted = SurveyText.squeezed(name)
        if let column = columns.first(where: { SurveyText.squeezed($0.header) == wanted }) { return .found(column) }
        let byQuestion = columns.filter { $0.question.map(SurveyText.squeezed) == wanted }
        if byQuestion.count == 1 { return .found(byQuestion[0]) }
        if byQuestion.count > 1 { return .ambiguous(byQuestion) }
        let names = columns.map { SurveyText.squeezed($0.header) } + columns.compactMap { $0.question.map(SurveyText.squeezed) }
        return .missing(closest: Suggestion.nearest(to: wanted, in: names.filter { !$0.isEmpty }))
    }
}

/// A survey export's data rows, holding only the cells of the columns asked for.
public struct SurveyTable: Sendable {
    public var header: SurveyHeader
    public var rows: [CSVScanner.Record]
}

/// Reads survey exports by the rules of `survey-mapping.md`: see `CSVScanner` for the CSV
/// itself. Problems are diagnostics at `file.csv:ROW:COLUMN`; none quotes a line of the file,
/// and none quotes a cell.
public enum SurveyCSV {
    /// The largest export read (64 MiB): a survey of many thousand answers is a few megabytes.
    /// Checked on the opened file before a byte is read (`BoundedFile`).
    public static let maximumFileSize = 64 << 20

    static let tooLargeHint = "a survey export of many thousand answers is a few megabytes; is this the right file?"

    /// Why an export is not read.
    static func fileProblem(_ problem: BoundedFile.Problem, file: String) -> Diagnostic {
        problem.diagnostic(file: file, limit: maximumFileSize, tooLargeHint: tooLargeHint)
    }

    /// The header rows of `data`, read as `export` says (recognising the shape for `auto`).
    public static func readHeader(
        _ data: Data, file: String, delimiter: UInt8, export: ExportShape
    ) -> (header: SurveyHeader?, diagnostics: [Diagnostic]) {
        if data.count > maximumFileSize { return (nil, [fileProblem(.tooLarge(bytes: data.count), file: file)]) }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return (nil, [.error(at: SourceLocation(file: file, line: 1, column: 1),
                                 "the file is UTF-16, not UTF-8: byte 0x\(hex(bytes[0])) at offset 0 (row 1)",
                                 hint: "export it again as UTF-8 (in spreadsheet programs: 'CSV UTF-8')")])
        }
        var scanner = CSVScanner(bytes: bytes, delimiter: delimiter)
        var diagnostics: [Diagnostic] = []
        let first: CSVScanner.Record
        switch scanner.next(keeping: { _ in true }) {
        case .failure(let failure): return (nil, [diagnostic(for: failure, file: file, columns: [])])
        case .success(nil):
            return (nil, [.error(at: SourceLocation(file: file, line: 1, column: 1), "the file is empty",
                                 hint: "a survey export has a header row and one row per answer")])
        case .success(let record?): first = record
        }
        if let invalid = first.invalidByte { return (nil, [encodingError(invalid, file: file, columns: [], more: 0)]) }
        let headers = (0..<first.cellCount).map { first.cells[$0] ?? "" }

        // Look at rows 2 and 3 without keeping any cell: a Qualtrics export's third row holds
        // ImportId cells, and a plain file's rows 2 and 3 are answers.
        var peek = scanner
        let second = try? peek.next(keeping: { _ in false }).get()
        let third = second == nil ? nil : try? peek.next(keeping: { _ in false }).get()
        let looksQualtrics = third.map { $0.importIDCells > 0 && $0.importIDCells * 2 >= $0.cellCount } ?? false

        var shape = export
        switch export {
        case .auto:
            if looksQualtrics {
                shape = .qualtrics
            } else if headers.first.map(SurveyText.squeezed) == "Timestamp" {
                shape = .googleForms
            } else {
                shape = .plain
            }
        case .qualtrics:
            if !looksQualtrics {
                let row = third?.row ?? second?.row ?? first.row
                return (nil, [.error(
                    at: SourceLocation(file: file, line: row, column: 1),
                    "the mapping says 'export: qualtrics', but the third row does not hold Qualtrics' {\"ImportId\":…} cells",
                    hint: "a Qualtrics export has three header rows (ids, question texts, ImportIds); for another shape write 'export: plain' or leave 'export' out")])
            }
        case .plain, .googleForms:
            if looksQualtrics, let third {
                diagnostics.append(.warning(
                    at: SourceLocation(file: file, line: third.row, column: 1),
                    "the third row holds Qualtrics' {\"ImportId\":…} cells, but the mapping says 'export: \(export.rawValue)', so rows 2 and 3 are read as answers",
                    hint: "write 'export: qualtrics' or leave 'export' out"))
            }
        }

        var columns = headers.enumerated().map { SurveyColumn(index: $0.offset, header: $0.element) }
        if shape == .qualtrics {
            var headerRows: [CSVScanner.Record] = []
            for _ in 0..<2 {
                switch scanner.next(keeping: { _ in true }) {
                case .failure(let failure): return (nil, [diagnostic(for: failure, file: file, columns: columns)])
                case .success(nil): break
                case .success(let record?): headerRows.append(record)
                }
            }
            for record in headerRows {
                if let invalid = record.invalidByte { return (nil, [encodingError(invalid, file: file, columns: columns, more: 0)]) }
                if record.cellCount != columns.count {
                    return (nil, [raggedError(record, file: file, columns: columns)])
                }
            }
            for index in columns.indices {
                columns[index].question = headerRows.first?.cells[index]
            }
        }

        // Duplicate headers: for Qualtrics the ids must differ; question texts may repeat, and
        // a mapping that names a repeated one is told to use the id.
        var seen: [String: Int] = [:]
        for column in columns {
            let name = SurveyText.squeezed(column.header)
            if let earlier = seen[name] {
                diagnostics.append(.error(
                    at: SourceLocation(file: file, line: first.row, column: column.number),
                    name.isEmpty
                        ? "columns \(earlier + 1) and \(column.number) both have an empty header"
                        : "columns \(earlier + 1) and \(column.number) have the same header '\(name)'",
                    hint: "every column needs its own header, so that a mapping names exactly one; rename one of them"))
            } else {
                seen[name] = column.index
            }
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (SurveyHeader(file: file, shape: shape, columns: columns, scanner: scanner), diagnostics)
    }

    /// The data rows, keeping only the cells of `columns` (0-based indices). Any structural
    /// problem makes the whole table unusable: no row is read in part, merged or dropped.
    public static func readRows(_ header: SurveyHeader, keeping columns: Set<Int>) -> (table: SurveyTable?, diagnostics: [Diagnostic]) {
        var scanner = header.scanner
        var rows: [CSVScanner.Record] = []
        var diagnostics: [Diagnostic] = []
        var firstInvalid: CSVScanner.InvalidByte?
        var moreInvalid = 0
        while true {
            switch scanner.next(keeping: { columns.contains($0) }) {
            case .failure(let failure):
                diagnostics.append(diagnostic(for: failure, file: header.file, columns: header.columns))
                return (nil, finish(diagnostics, firstInvalid, moreInvalid, header))
            case .success(nil):
                let all = finish(diagnostics, firstInvalid, moreInvalid, header)
                return (all.hasErrors ? nil : SurveyTable(header: header, rows: rows), all)
            case .success(let record?):
                if let invalid = record.invalidByte {
                    if firstInvalid == nil { firstInvalid = invalid } else { moreInvalid += 1 }
                }
                if record.cellCount != header.columns.count {
                    diagnostics.append(raggedError(record, file: header.file, columns: header.columns))
                }
                rows.append(record)
            }
        }
    }

    private static func finish(
        _ diagnostics: [Diagnostic], _ invalid: CSVScanner.InvalidByte?, _ more: Int, _ header: SurveyHeader
    ) -> [Diagnostic] {
        guard let invalid else { return diagnostics }
        return diagnostics + [encodingError(invalid, file: header.file, columns: header.columns, more: more)]
    }

    // MARK: - Messages

    static func name(_ column: Int, _ columns: [SurveyColumn]) -> String {
        column >= 1 && column <= columns.count ? "column \(column) \(columns[column - 1].label)" : "column \(column)"
    }

    static func diagnostic(for failure: CSVScanner.Failure, file: String, columns: [SurveyColumn]) -> Diagnostic {
        switch failure {
        case .unterminatedQuote(let row, let column, let line):
            return .error(
                at: SourceLocation(file: file, line: row, column: column),
                "the quote that opens \(name(column, columns))\(line != row ? " on line \(line)" : "") is never closed",
                hint: "close the quoted cell; a quote inside a quoted cell is written twice (\"\"). Nothing after this row is read")
        case .strayQuote(let row, let column):
            return .error(
                at: SourceLocation(file: file, line: row, column: column),
                "\(name(column, columns)) holds a quote but does not start with one",
                hint: "quote the whole cell and write the quote inside it twice, e.g. \"5 \"\"big\"\" ones\". Nothing after this row is read")
        case .textAfterQuote(let row, let column):
            return .error(
                at: SourceLocation(file: file, line: row, column: column),
                "\(name(column, columns)) has text after its closing quote",
                hint: "a quoted cell must end at the delimiter or the line break; write a quote inside it twice (\"\"). Nothing after this row is read")
        }
    }

    static func raggedError(_ record: CSVScanner.Record, file: String, columns: [SurveyColumn]) -> Diagnostic {
        let expected = columns.count
        if record.cellCount == 1, expected > 1, record.cells.values.allSatisfy(\.isEmpty) {
            // Most likely an empty line; the cells were not kept, so "empty" is only a guess when
            // column 1 is not kept: say what is certain.
            return .error(
                at: SourceLocation(file: file, line: record.row, column: 1),
                "row \(record.row) has 1 cell, but the header has \(expected)",
                hint: "if it is an empty line, remove it; no row is read in part")
        }
        if record.cellCount > expected {
            return .error(
                at: SourceLocation(file: file, line: record.row, column: expected + 1),
                "row \(record.row) has \(record.cellCount) cells, but the header has \(expected)",
                hint: "a cell that holds the delimiter must be quoted; no row is read in part")
        }
        return .error(
            at: SourceLocation(file: file, line: record.row, column: record.cellCount + 1),
            "row \(record.row) has \(record.cellCount) cells, but the header has \(expected): it ends before \(name(record.cellCount + 1, columns))",
            hint: "a cell that holds a line break must be quoted; no row is read in part")
    }

    static func encodingError(_ invalid: CSVScanner.InvalidByte, file: String, columns: [SurveyColumn], more: Int) -> Diagnostic {
        let others = more > 0 ? "; \(more) later row\(more == 1 ? "" : "s") hold\(more == 1 ? "s" : "") such bytes too" : ""
        return .error(
            at: SourceLocation(file: file, line: invalid.row, column: invalid.column),
            "the file is not UTF-8: byte 0x\(hex(invalid.byte)) at offset \(invalid.offset), in row \(invalid.row), \(name(invalid.column, columns)), is not valid UTF-8\(others)",
            hint: "export the survey again as UTF-8 (in spreadsheet programs: 'CSV UTF-8'); Latin-1 and Windows-1252 files are not read")
    }

    static func hex(_ byte: UInt8) -> String {
        let text = String(byte, radix: 16, uppercase: true)
        return text.count == 1 ? "0" + text : text
    }
}
