import SheetLayout

/// A text block laid out by `TextEngine`: its paragraphs' Pango layouts with every line placed,
/// and the metrics measuring reports. Measuring and drawing both come from this one value, so
/// the lines drawn are the lines measured.
///
/// Not thread-safe (it holds Pango objects of the engine's context): use it under the lock of
/// the `PangoTextMeasurer` that made it, and drop it before releasing that lock.
struct BlockLayout {
    let paragraphs: [ParagraphLayout]
    let metrics: TextMetrics

    /// The total number of lines, as drawn.
    var lineCount: Int { paragraphs.reduce(0) { $0 + $1.lines.count } }
}
