/// Text with the small inline markup of rich fields: paragraphs of spans that may be emphasised,
/// strong, or links. Parsed once by `RichTextParser`; never handed to a renderer as markup.
public struct RichText: Sendable, Hashable {
    public var paragraphs: [[RichSpan]]

    public init(paragraphs: [[RichSpan]]) {
        self.paragraphs = paragraphs
    }

    /// Plain text: one span, one paragraph.
    public init(plain text: String) {
        self.paragraphs = [[RichSpan(text)]]
    }

    /// The visible text: paragraphs joined by a blank line, markup and link targets left out.
    public var plainText: String {
        paragraphs.map { $0.map(\.text).joined() }.joined(separator: "\n\n")
    }

    /// User-perceived characters of the visible text, the unit of the format's limits.
    public var length: Int { plainText.count }

    public var links: [String] { paragraphs.flatMap { $0.compactMap(\.link) } }
}

/// A run of text with one style.
public struct RichSpan: Sendable, Hashable {
    public var text: String
    public var emphasis: Bool
    public var strong: Bool
    /// An `http`/`https` URL when the span is a link's label.
    public var link: String?
    /// Whether lines may not break inside the span: an e-mail address, a URL, a licence id
    /// ("CC-BY-4.0" never as "CC-" and "BY-4.0").
    public var unbreakable: Bool

    public init(_ text: String, emphasis: Bool = false, strong: Bool = false, link: String? = nil, unbreakable: Bool = false) {
        self.text = text
        self.emphasis = emphasis
        self.strong = strong
        self.link = link
        self.unbreakable = unbreakable
    }
}
