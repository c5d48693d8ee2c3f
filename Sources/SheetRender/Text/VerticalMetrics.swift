/// Ascent and descent of a style's primary font, in points: where a baseline sits in a line box.
struct VerticalMetrics {
    var ascent: Double
    var descent: Double

    /// Distance from a line box's top to its baseline for a line `pitch` tall: the font's content
    /// area (ascent + descent) centred in the box, as CSS does with half-leading.
    func baselineOffset(pitch: Double) -> Double {
        (pitch - (ascent + descent)) / 2 + ascent
    }
}
