/// How a run of text looks: family, size, weight, slant, colour and line spacing.
public struct TextStyle: Sendable, Hashable {
    public enum Weight: Int, Sendable, Hashable {
        case regular = 400
        case medium = 500
        case semibold = 600
        case bold = 700
    }

    /// A fontconfig family name, e.g. "Noto Sans"; Pango falls back per character from there.
    public var family: String
    /// Size in points.
    public var size: Double
    public var weight: Weight
    public var italic: Bool
    public var color: Color
    /// Line pitch as a multiple of `size`.
    public var lineHeight: Double
    /// Extra space between letters, in points.
    public var letterSpacing: Double
    /// Whether the text is set in capitals (the layout uppercases it before measuring).
    public var uppercase: Bool

    public init(
        family: String, size: Double, weight: Weight = .regular, italic: Bool = false, color: Color = .black,
        lineHeight: Double = 1.3, letterSpacing: Double = 0, uppercase: Bool = false
    ) {
        self.family = family
        self.size = size
        self.weight = weight
        self.italic = italic
        self.color = color
        self.lineHeight = lineHeight
        self.letterSpacing = letterSpacing
        self.uppercase = uppercase
    }

    /// The same style at `factor` times the size (letter spacing scales too).
    public func scaled(_ factor: Double) -> TextStyle {
        var copy = self
        copy.size = size * factor
        copy.letterSpacing = letterSpacing * factor
        return copy
    }

    /// Line pitch in points.
    public var linePitch: Double { size * lineHeight }
}
