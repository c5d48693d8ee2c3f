/// The lines of the source files diagnostics point into, so that a report can quote the line.
public protocol SourceTextProvider: Sendable {
    /// The text of 1-based line `line` of `file`, without its line break, or `nil`.
    func line(_ line: Int, of file: String) -> String?
}

/// Source lines kept in memory, keyed by the file path the diagnostics use.
public struct SourceTextStore: SourceTextProvider {
    private var lines: [String: [Substring]] = [:]

    public init() {}

    public mutating func add(file: String, text: String) {
        lines[file] = SourceLines.split(text)
    }

    public func line(_ line: Int, of file: String) -> String? {
        guard let fileLines = lines[file], line >= 1, line <= fileLines.count else { return nil }
        return String(fileLines[line - 1])
    }

    public mutating func merge(_ other: SourceTextStore) {
        lines.merge(other.lines) { _, new in new }
    }
}
