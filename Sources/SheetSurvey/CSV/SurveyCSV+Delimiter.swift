import SheetCore

extension SurveyCSV {
    /// Delimiters a spreadsheet program writes besides the mapping's: `;` where the decimal
    /// point is a comma, a tab for "tab-separated", `|` now and then.
    static let otherDelimiters: [Character] = [";", "\t", "|", ","]

    /// An export read with the wrong delimiter: its header is one cell, which another delimiter
    /// splits into names among which one the mapping uses is. That one error stands for every
    /// "column is not in" error that would follow (none of them would mean anything).
    static func otherDelimiter(of header: SurveyHeader, mapping: SurveyMapping) -> Diagnostic? {
        guard header.columns.count == 1, let cell = header.columns.first?.header else { return nil }
        let wanted = Set(([mapping.key] + mapping.fields.map(\.column)).map { SurveyText.squeezed($0.name) })
        let current = Character(Unicode.Scalar(mapping.delimiter))
        for delimiter in otherDelimiters where delimiter != current {
            let names = cell.split(separator: delimiter, omittingEmptySubsequences: false).map { SurveyText.squeezed(String($0)) }
            guard names.count > 1, names.contains(where: wanted.contains) else { continue }
            let shown = delimiter == "\t" ? "\\t" : String(delimiter)
            let currentShown = current == "\t" ? "\\t" : String(current)
            return .error(
                at: SourceLocation(file: header.file, line: 1, column: 1),
                "the header row is one column: it has no '\(currentShown)' (the mapping's delimiter), but \(names.count - 1) '\(shown)' between \(names.count) names",
                hint: "the export is delimited by '\(shown)': add 'delimiter: \"\(shown)\"' to \(mapping.file)",
                field: "delimiter")
        }
        return nil
    }
}
