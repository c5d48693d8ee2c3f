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
}
