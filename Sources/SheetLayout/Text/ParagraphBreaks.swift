/// Where a paragraph's lines may break, as the layout's rules decided it (`LineBreakRules`), for
/// the measurer to honour. Offsets are in Unicode scalars from the paragraph's start (its spans'
/// text joined), each the first character of a line that may start there.
public struct ParagraphBreaks: Sendable, Hashable {
    /// Every place a line may start, in increasing order: Unicode's opportunities (UAX #14, as
    /// ICU has them) less the suppressed ones. The fixed-metric measurer breaks only here.
    public var allowed: [Int]
    /// The places Unicode's rules would let a line start but the layout's do not (inside a
    /// Korean word, inside a word of a Japanese title). Pango is told not to break there.
    public var suppressed: [Int]

    public init(allowed: [Int], suppressed: [Int]) {
        self.allowed = allowed
        self.suppressed = suppressed
    }
}
