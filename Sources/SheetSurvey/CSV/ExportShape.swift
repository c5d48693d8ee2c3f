/// How a survey tool lays out its CSV export (`export:` in a mapping).
public enum ExportShape: String, Sendable, Hashable, CaseIterable {
    /// One header row, then data.
    case plain
    /// One header row whose first cell is `Timestamp`; checkbox answers joined with `, `.
    case googleForms = "google-forms"
    /// Three header rows: short ids (`Q1`), question texts, `{"ImportId":…}` cells.
    case qualtrics
    /// Qualtrics or Google Forms when the file looks like one, else plain.
    case auto

    /// How many rows come before the data.
    public var headerRows: Int { self == .qualtrics ? 3 : 1 }
}

/// One column of a survey export, as its header rows name it.
public struct SurveyColumn: Sendable, Hashable {
    /// 0-based position in the row.
    public var index: Int
    /// The first header row's cell: the header, or a Qualtrics export's short id (`Q2`).
    public var header: String
    /// A Qualtrics export's question text (the second header row); nil for other shapes.
    public var question: String?

    public init(index: Int, header: String, question: String? = nil) {
        self.index = index
        self.header = header
        self.question = question
    }

    /// 1-based, as diagnostics count columns.
    public var number: Int { index + 1 }

    /// How messages name the column: `'Where are you based?'`, or `Q2 'Where are you based?'`.
    public var label: String {
        if let question, !question.isEmpty, question != header {
            return "\(header) '\(SurveyText.squeezed(question))'"
        }
        return "'\(SurveyText.squeezed(header))'"
    }

}

/// Text comparison rules of the survey format.
public enum SurveyText {
    /// Trimmed, with every run of white space (line breaks included) as one space.
    public static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// `squeezed`, lowercased: how keys, answers in `values` and names are compared.
    public static func folded(_ text: String) -> String {
        squeezed(text).lowercased()
    }
}
