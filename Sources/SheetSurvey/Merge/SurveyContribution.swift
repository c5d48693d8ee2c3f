import SheetCore

/// What one mapping offered one profile field, and what became of it: the record `explain`
/// reads. It never holds a cell of an unmapped column, and never the value of a suppressed
/// field.
public struct SurveyContribution: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// The field has this value.
        case used
        /// The profile file sets the field, at this position; its value won.
        case overriddenByProfile(SourceLocation)
        /// An earlier mapping (by file name) set the field first.
        case overriddenBySurvey(mapping: String)
        /// Withheld: fewer than `min_responses` rows.
        case suppressed
        /// The community's rows left the column empty.
        case noAnswers
        /// An answer or the result broke a rule (see the diagnostics).
        case failed
        /// Every answer was left out: given by fewer than `min_cell` rows, or personal.
        case leftOut
    }

    public var mapping: String
    public var csv: String
    /// The column as messages name it: `'Where are you based?'`, or `Q2 'Where are you based?'`.
    public var column: String
    public var aggregate: Aggregate
    /// The CSV rows the value rests on (1-based lines where each record starts).
    public var rows: [Int]
    /// The survey's value; nil when suppressed, failed or unanswered.
    public var value: FieldValue?
    public var outcome: Outcome
    /// Whether the survey's value differs from the one that won.
    public var disagrees: Bool
    public var minResponses: Int
    public var minCell: Int
    public var foldedCategories: Int
    public var leftOutCategories: Int
    public var cutAnswers: Int
    /// Answers given by fewer than `min_cell` rows, left out of a value made of words.
    public var smallCellAnswers = 0
    /// Rows of the answers left out because they look personal (a row once per answer).
    public var personalRows: [Int] = []

    /// `profiles/surveys/members.csv, column Q2 'Where are you based?', rows 4–9 (6 rows),
    /// aggregate share, mapped by profiles/surveys/members.survey.yaml`.
    public var sourceText: String {
        let count = Set(rows).count
        let rowText = rows.isEmpty ? "no answering rows" : "\(RowList.text(rows)) (\(count) row\(count == 1 ? "" : "s"))"
        return "\(csv), column \(column), \(rowText), aggregate \(aggregate.rawValue), mapped by \(mapping)"
    }
}

/// The contributions of every mapping, by profile file and field path.
public typealias SurveyProvenance = [String: [String: [SurveyContribution]]]
