import SheetCore

/// Survey mapping format 1 (`*.survey.yaml`): which CSV column feeds which profile field, and how
/// the rows of one community are combined. Read by `SurveyMappingLoader`.
public struct SurveyMapping: Sendable {
    public static let formatVersion = 1
    public static let fileSuffix = ".survey.yaml"
    public static let defaultMinResponses = 5
    public static let defaultMinCell = 3

    /// How a row's key is compared with profiles.
    public enum KeyMatch: String, Sendable, Hashable, CaseIterable {
        /// Profile ids.
        case id
        /// Profile names and short names.
        case name
        /// Ids, names and short names: what a mapping that names no `match` gets.
        case any
    }

    /// A column as the mapping names it, and where.
    public struct ColumnReference: Sendable, Hashable {
        public var name: String
        public var location: SourceLocation
    }

    /// One entry of `fields:`.
    public struct FieldMapping: Sendable, Hashable {
        public var field: SurveyField
        public var column: ColumnReference
        public var aggregate: Aggregate
        /// Breaks a multi-select cell into answers.
        public var split: String?
        /// Answer (compared as `SurveyText.folded`) → the value it stands for.
        public var values: [String: String]?
        /// Answers as written in `values`, for suggestions.
        public var valueAnswers: [String]
        /// Where answers not in `values` go.
        public var other: String?
        /// The field's key in the mapping file.
        public var location: SourceLocation
    }

    /// The mapping file, as diagnostics name it.
    public var file: String
    /// `source:` as written.
    public var source: String
    /// The CSV as diagnostics name it: the mapping's folder joined with `source`.
    public var csvFile: String
    /// The CSV's path with every symlink resolved, to read it.
    public var resolvedCSV: String
    public var export: ExportShape
    /// One ASCII byte.
    public var delimiter: UInt8
    public var key: ColumnReference
    public var match: KeyMatch
    public var minResponses: Int
    public var minCell: Int
    public var fields: [FieldMapping]
    /// `personal:` columns that hold data about respondents (names, e-mail addresses): never
    /// mapped, read only so that an answer elsewhere that repeats one of their values is left
    /// out (`PersonalDataDetector`). An addition to format 1; files without it read as before.
    public var personal: [ColumnReference] = []
}
