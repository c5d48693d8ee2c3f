/// What measuring a `TextBlock` found.
public struct TextMetrics: Sendable, Hashable {
    /// Width of the widest line and total height, in points.
    public var size: Size
    public var lineCount: Int
    /// Distance from the block's top to the first line's baseline.
    public var firstBaseline: Double
    /// The areas covered by link text, relative to the block's top-left corner.
    public var links: [LinkBox]
    /// Characters no installed font has a glyph for.
    public var unknownGlyphs: Int
    /// Whether the first paragraph runs right to left.
    public var rightToLeft: Bool
    /// Every line of every paragraph, in order, where it is drawn: the breaks, hyphens and
    /// baselines measuring decided. Painting draws these and nothing else.
    public var lines: [TextLine]
    /// The height of one line box (the style's line pitch).
    public var linePitch: Double

    public init(
        size: Size, lineCount: Int, firstBaseline: Double, links: [LinkBox] = [], unknownGlyphs: Int = 0,
        rightToLeft: Bool = false, lines: [TextLine] = [], linePitch: Double = 0
    ) {
        self.size = size
        self.lineCount = lineCount
        self.firstBaseline = firstBaseline
        self.links = links
        self.unknownGlyphs = unknownGlyphs
        self.rightToLeft = rightToLeft
        self.lines = lines
        self.linePitch = linePitch
    }
}

/// A clickable area of text.
public struct LinkBox: Sendable, Hashable {
    public var url: String
    public var rect: Rect

    public init(url: String, rect: Rect) {
        self.url = url
        self.rect = rect
    }
}
