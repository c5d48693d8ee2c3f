import CPangoCairo

/// One line of laid-out text, placed in its block: where its origin and baseline are, which
/// bytes of its paragraph it shows.
struct LaidOutLine {
    /// Owned by the paragraph's `PangoLayout`; valid as long as that layout lives unchanged.
    var line: UnsafeMutablePointer<PangoLayoutLine>
    /// The line's origin (left end of its logical extent, where `pango_cairo_show_layout_line`
    /// starts drawing), from the block's left edge, in points.
    var x: Double
    /// Top of the line's box (one line pitch tall), from the block's top.
    var top: Double
    /// Baseline, from the block's top.
    var baseline: Double
    /// Logical width in points.
    var width: Double
    /// The paragraph bytes the line shows.
    var startIndex: Int
    var length: Int
}
