import SheetCore

/// One survey export as `profilesheet survey scrub` rewrites it: the file's new bytes, and
/// what was taken out.
public struct ScrubbedExport: Sendable {
    /// The CSV as messages name it.
    public var file: String
    /// The CSV's path with every symlink resolved, to write it.
    public var resolvedPath: String
    /// The scrubbed file; nil when it could not be read safely (see the diagnostics).
    public var bytes: [UInt8]?
    /// Whether `bytes` differ from the file as it is.
    public var changed = false
    public var columnsBefore = 0
    public var columnsKept = 0
    public var rows = 0
    /// Answers of mapped columns taken out because they look personal.
    public var personalAnswers = 0
    /// Key cells emptied because they look personal and name no profile.
    public var blankedKeys = 0

    /// `kept 4 of 23 columns and all 31 rows; took out 2 answers that looked personal`.
    public var summary: String {
        var text = "kept \(columnsKept) of \(columnsBefore) column\(columnsBefore == 1 ? "" : "s") and all \(rows) row\(rows == 1 ? "" : "s")"
        if personalAnswers > 0 {
            text += "; took out \(personalAnswers) answer\(personalAnswers == 1 ? "" : "s") that looked personal"
        }
        if blankedKeys > 0 {
            text += "; emptied \(blankedKeys) community cell\(blankedKeys == 1 ? "" : "s") that looked personal and named no profile"
        }
        return text
    }
}
