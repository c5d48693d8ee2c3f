import SheetCore

/// A block of text to measure and draw: rich paragraphs in one style, broken into lines at a
/// given width. The measurer and the renderer see exactly the same value, so the lines drawn
/// are the lines measured.
public struct TextBlock: Sendable, Hashable {
    public enum Alignment: String, Sendable, Hashable {
        /// Left for left-to-right paragraphs, right for right-to-left ones.
        case start
        case center
        case end

        /// The alignment at the other side: `start` and `end` swapped, `center` kept.
        public var mirrored: Alignment {
            switch self {
            case .start: .end
            case .center: .center
            case .end: .start
            }
        }
    }

    /// The paragraphs' base direction.
    public enum Direction: String, Sendable, Hashable {
        /// From each paragraph's first strong letter (Unicode's rule P2): Arabic text in a
        /// left-to-right sheet runs right to left.
        case automatic
        /// Right to left whatever the letters, for every text of a right-to-left sheet: a
        /// Latin name is a left-to-right run inside a right-to-left line, aligned as the
        /// Arabic around it is.
        case rightToLeft
    }

    public var paragraphs: [[RichSpan]]
    public var style: TextStyle
    /// The width lines break at, in points; nil for one unbroken line per paragraph.
    public var width: Double?
    public var alignment: Alignment
    /// BCP 47 tag of the text's language: picks line-breaking rules, hyphenation and glyph
    /// variants (Japanese versus Chinese forms, say).
    public var language: String
    /// Space between paragraphs, in points.
    public var paragraphSpacing: Double
    /// Colour of link text.
    public var linkColor: Color?
    public var direction: Direction
    /// Where each paragraph's lines may break, when the layout decided it (`LineBreakRules`:
    /// Chinese, Japanese and Korean text): empty, or one entry per paragraph, nil leaving that
    /// paragraph to the measurer's own rules (UAX #14 in Pango, spaces in the fixed-metric one).
    public var breaks: [ParagraphBreaks?]

    public init(
        paragraphs: [[RichSpan]], style: TextStyle, width: Double?, alignment: Alignment = .start,
        language: String = "en", paragraphSpacing: Double = 0, linkColor: Color? = nil, direction: Direction = .automatic,
        breaks: [ParagraphBreaks?] = []
    ) {
        self.direction = direction
        self.breaks = breaks
        self.paragraphs = paragraphs
        self.style = style
        self.width = width
        self.alignment = alignment
        self.language = language
        self.paragraphSpacing = paragraphSpacing
        self.linkColor = linkColor
    }

    /// One paragraph of plain text.
    public init(_ text: String, style: TextStyle, width: Double?, alignment: Alignment = .start, language: String = "en") {
        self.init(paragraphs: [[RichSpan(text)]], style: style, width: width, alignment: alignment, language: language)
    }

    /// The breaks the layout decided for paragraph `index`, if any.
    public func breaks(ofParagraph index: Int) -> ParagraphBreaks? {
        index < breaks.count ? breaks[index] : nil
    }

    /// The visible text, paragraphs separated by a blank line.
    public var plainText: String {
        paragraphs.map { $0.map(\.text).joined() }.joined(separator: "\n\n")
    }
}
