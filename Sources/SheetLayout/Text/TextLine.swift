import SheetCore

/// One line of a measured text block, as layout decided it: what it shows and where its
/// baseline is. Painters draw exactly these lines and break nothing themselves, and the
/// paginator may split a block between them.
public struct TextLine: Sendable, Hashable {
    /// The line's part of its paragraph's spans, in the block's style: its characters without
    /// the soft hyphens no line broke at (trailing spaces included, which draw nothing).
    public var spans: [RichSpan]
    /// Whether the line ends inside a word hyphenated at a dictionary point: a hyphen is drawn
    /// after `spans` (and the PDF's text carries a soft hyphen there, as text extraction expects).
    public var hyphenated: Bool
    /// The left end of the line and its baseline, from the block's top-left corner.
    public var origin: Point
    /// The line's advance width, hyphen included.
    public var width: Double

    public init(spans: [RichSpan], hyphenated: Bool = false, origin: Point, width: Double) {
        self.spans = spans
        self.hyphenated = hyphenated
        self.origin = origin
        self.width = width
    }

    /// The characters the line shows, the hyphen included.
    public var text: String {
        spans.map(\.text).joined() + (hyphenated ? "-" : "")
    }
}
