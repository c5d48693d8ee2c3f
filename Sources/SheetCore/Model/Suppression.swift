/// A survey value withheld because too few people answered: the sheet says so instead.
public struct Suppression: Sendable, Hashable {
    /// The mapping's `min_responses`.
    public var minimumResponses: Int
    /// The survey mapping file that withheld it.
    public var mappingFile: String

    public init(minimumResponses: Int, mappingFile: String) {
        self.minimumResponses = minimumResponses
        self.mappingFile = mappingFile
    }

    /// What the sheet prints where the chart or list would be.
    public var notice: String { "fewer than \(minimumResponses) responses" }

    /// The number of responses `notice` says were needed, read back from a notice written by
    /// `notice` (kept in a manifest entry); nil for any other text.
    public static func minimumResponses(inNotice text: String) -> Int? {
        guard text.hasPrefix("fewer than "), text.hasSuffix(" responses") else { return nil }
        return Int(text.dropFirst("fewer than ".count).dropLast(" responses".count))
    }
}
