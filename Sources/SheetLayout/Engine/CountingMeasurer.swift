/// A measurer that returns a nominal size without shaping, for questions that only need to know
/// whether a component has content at all.
struct CountingMeasurer: TextMeasurer {
    func measure(_ block: TextBlock) -> TextMetrics {
        TextMetrics(size: Size(width: 10, height: block.style.linePitch), lineCount: 1, firstBaseline: block.style.size)
    }
}
