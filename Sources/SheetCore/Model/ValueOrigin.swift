/// Where a profile value came from.
public enum ValueOrigin: Sendable, Hashable {
    /// Written in the profile file, at this position.
    case profile(SourceLocation)
    /// Computed from survey rows: the CSV file, the 1-based rows combined, the column's header,
    /// the mapping file and the aggregation used.
    case survey(csv: String, rows: [Int], column: String, mapping: String, aggregate: String)
    /// Not written anywhere: the format's default.
    case defaultValue
}
