import Foundation
import SheetCore

extension SurveyMerger {
    /// Every survey export that `mappingFiles` read, rewritten to the columns its mappings use
    /// (`profilesheet survey scrub`): the key and mapped columns in their order, every row in
    /// its order, header rows as they were (all three of a Qualtrics export), the byte-order
    /// mark kept. Answers the merge would leave out as personal are taken out of their cells
    /// (the other answers of a `split` cell joined again by `split`), and a key cell that looks
    /// personal and names no profile is emptied, so that the sheets built from the scrubbed file
    /// are the ones built before. An export whose mappings or rows have errors is left alone
    /// (nil `bytes`, with the diagnostics), and every export when a mapping cannot be read.
    public func scrub(mappingFiles: [String], directory: CommunityDirectory) -> (exports: [ScrubbedExport], diagnostics: [Diagnostic]) {
        let loader = SurveyMappingLoader(profilesRoot: profilesRoot, catalog: catalog)
        var diagnostics: [Diagnostic] = []
        var loaded: [SurveyMapping] = []
        for file in mappingFiles {
            let result = loader.load(file: file)
            diagnostics += result.diagnostics
            if let mapping = result.mapping { loaded.append(mapping) }
        }
        // A mapping that cannot be read might use columns of any export: none is touched.
        guard loaded.count == mappingFiles.count else { return ([], diagnostics) }
        var exports: [ScrubbedExport] = []
        var done: Set<String> = []
        for mapping in loaded where done.insert(mapping.resolvedCSV).inserted {
            let sharing = loaded.filter { $0.resolvedCSV == mapping.resolvedCSV }
            exports.append(scrub(sharing, directory: directory, diagnostics: &diagnostics))
        }
        return (exports, diagnostics)
    }

    /// What to do with one kept column.
    private enum KeptColumn {
        case key(SurveyMapping.KeyMatch, PersonalDataDetector)
        case field(SurveyMapping.FieldMapping, PersonalDataDetector)
    }

    private func scrub(_ mappings: [SurveyMapping], directory: CommunityDirectory, diagnostics: inout [Diagnostic]) -> ScrubbedExport {
        let first = mappings[0]
        var export = ScrubbedExport(file: first.csvFile, resolvedPath: first.resolvedCSV)
        var plan: [Int: KeptColumn] = [:]
        var shape = ExportShape.plain
        var columnCount = 0
        for mapping in mappings {
            var own: [Diagnostic] = []
            guard let (table, columns) = read(mapping, sharedWith: mappings, diagnostics: &own) else {
                diagnostics += own
                return export
            }
            diagnostics += own.filter { $0.severity == .error }
            shape = table.header.shape
            columnCount = table.header.columns.count
            let detector = Self.detector(table, columns: columns)
            if plan[columns.key.index] == nil { plan[columns.key.index] = .key(mapping.match, detector) }
            for (fieldMapping, column) in zip(mapping.fields, columns.fields) where plan[column.index] == nil {
                plan[column.index] = .field(fieldMapping, detector)
            }
        }
        guard let data = FileManager.default.contents(atPath: first.resolvedCSV) else {
            diagnostics.append(.error(at: SourceLocation(file: first.csvFile, line: 0, column: 0), "cannot read the file"))
            return export
        }
        let original = [UInt8](data)
        let kept = plan.keys.sorted()
        var scanner = CSVScanner(bytes: original, delimiter: first.delimiter)
        let lineEnd: [UInt8] = Self.usesCRLF(original) ? [0x0D, 0x0A] : [0x0A]
        var out: [UInt8] = scanner.hasByteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        var headerRows = shape == .qualtrics ? 3 : 1
        while case .success(let record?) = scanner.next(keeping: { plan[$0] != nil }) {
            var cells = kept.map { record.cells[$0] ?? "" }
            if headerRows > 0 {
                headerRows -= 1
            } else {
                export.rows += 1
                for (position, index) in kept.enumerated() {
                    cells[position] = scrubbed(cells[position], as: plan[index], directory: directory, export: &export)
                }
            }
            out += Self.line(cells, delimiter: first.delimiter) + lineEnd
        }
        export.columnsBefore = columnCount
        export.columnsKept = kept.count
        export.changed = out != original
        export.bytes = out
        return export
    }

    private func scrubbed(_ cell: String, as column: KeptColumn?, directory: CommunityDirectory, export: inout ScrubbedExport) -> String {
        switch column {
        case .key(let match, let detector)?:
            guard detector.kind(of: cell) != nil else { return cell }
            if case .profile = directory.match(cell, by: match) { return cell }
            export.blankedKeys += 1
            return ""
        case .field(let fieldMapping, let detector)?:
            let parts = FieldAggregator.parts(of: cell.trimmingWhitespace(), split: fieldMapping.split)
            let kept = parts.filter { FieldAggregator.personalKind($0, detector: detector, fieldMapping: fieldMapping) == nil }
            guard kept.count < parts.count else { return cell }
            export.personalAnswers += parts.count - kept.count
            return fieldMapping.split.map { kept.joined(separator: $0) } ?? ""
        case nil:
            return cell
        }
    }

    /// Whether the file's first line ends in CR LF.
    static func usesCRLF(_ bytes: [UInt8]) -> Bool {
        guard let lf = bytes.firstIndex(of: 0x0A) else { return false }
        return lf > 0 && bytes[lf - 1] == 0x0D
    }

    /// One CSV line, RFC 4180: a cell holding the delimiter, a quote or a line break, or
    /// surrounding space, in quotes with its quotes doubled; a line of one empty cell as `""`, so
    /// that it is not an empty line.
    static func line(_ cells: [String], delimiter: UInt8) -> [UInt8] {
        if cells.count == 1, cells[0].isEmpty { return Array("\"\"".utf8) }
        var out: [UInt8] = []
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(delimiter) }
            let bytes = Array(cell.utf8)
            let needsQuotes = bytes.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                || cell.first?.isWhitespace == true || cell.last?.isWhitespace == true
            if needsQuotes {
                out.append(0x22)
                for byte in bytes {
                    if byte == 0x22 { out.append(0x22) }
                    out.append(byte)
                }
                out.append(0x22)
            } else {
                out += bytes
            }
        }
        return out
    }
}
