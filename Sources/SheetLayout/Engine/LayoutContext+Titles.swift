extension LayoutContext {
    /// `text`, a title of several lines, set in the narrowest width that keeps its number of
    /// lines (CSS's `text-wrap: balance`): its lines even, so that it never ends with a lone
    /// character or a short word ("研究データ基盤ユーザーコミュニ / ティ") when a better break
    /// exists. A title of one line, or without a width, is returned as it is.
    ///
    /// Costs a title of several lines about ten more measurements (a binary search to a
    /// hundredth of its width): one title per sheet.
    func balancedTitle(_ text: PositionedText) -> PositionedText {
        guard let width = text.block.width, text.metrics.lineCount > 1 else { return text }
        let lineCount = text.metrics.lineCount
        func fits(_ candidate: Double) -> TextMetrics? {
            var block = text.block
            block.width = candidate
            let metrics = measurer.measure(block)
            guard metrics.lineCount == lineCount, !metrics.lines.contains(where: { $0.width > candidate + 0.01 }) else { return nil }
            return metrics
        }
        // No narrower than the widest line could be with the lines shared out evenly.
        var low = text.metrics.lines.reduce(0) { $0 + $1.width } / Double(lineCount) * 0.9
        var high = width
        var best = text.metrics
        while high - low > width / 100 {
            let middle = (low + high) / 2
            if let metrics = fits(middle) {
                high = middle
                best = metrics
            } else {
                low = middle
            }
        }
        guard high < width else { return text }
        var balanced = text
        balanced.block.width = high
        balanced.metrics = best
        return balanced
    }
}
