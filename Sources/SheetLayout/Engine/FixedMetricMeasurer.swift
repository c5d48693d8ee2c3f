import SheetCore

/// A measurer with metrics simple enough to work out by hand, for layout tests: every
/// character is `advance` × size wide (wide East Asian characters twice that), lines break
/// greedily at spaces (inside a word only when the word alone is too wide), and each line is
/// `style.linePitch` tall with its baseline at 0.8 × size.
public struct FixedMetricMeasurer: TextMeasurer {
    public var advance: Double

    public init(advance: Double = 0.5) {
        self.advance = advance
    }

    public func measure(_ block: TextBlock) -> TextMetrics {
        let size = block.style.size
        var lines = 0
        var widest = 0.0
        var links: [LinkBox] = []
        var y = 0.0
        for (index, paragraph) in block.paragraphs.enumerated() {
            if index > 0 { y += block.paragraphSpacing }
            let words = Self.words(paragraph)
            var lineWidth = 0.0
            var lineCount = 1
            for word in words {
                let wordWidth = width(of: word.text, size: size, spacing: block.style.letterSpacing)
                let space = lineWidth > 0 ? width(of: " ", size: size, spacing: block.style.letterSpacing) : 0
                if let limit = block.width, lineWidth > 0, lineWidth + space + wordWidth > limit + 1e-9 {
                    widest = max(widest, lineWidth)
                    lineCount += 1
                    lineWidth = 0
                }
                var start = lineWidth + (lineWidth > 0 ? space : 0)
                if let limit = block.width, wordWidth > limit {
                    // Break inside the word, character by character.
                    var remaining = wordWidth
                    while start + remaining > limit + 1e-9 {
                        remaining -= (limit - start)
                        widest = max(widest, limit)
                        lineCount += 1
                        start = 0
                    }
                    lineWidth = remaining
                } else {
                    lineWidth = start + wordWidth
                }
                if let url = word.link {
                    let lineTop = y + Double(lineCount - 1) * block.style.linePitch
                    links.append(LinkBox(url: url, rect: Rect(x: max(0, lineWidth - wordWidth), y: lineTop, width: min(wordWidth, lineWidth), height: block.style.linePitch)))
                }
            }
            widest = max(widest, lineWidth)
            lines += lineCount
            y += Double(lineCount) * block.style.linePitch
        }
        return TextMetrics(
            size: Size(width: widest, height: y), lineCount: lines, firstBaseline: 0.8 * size, links: links)
    }

    func width(of text: String, size: Double, spacing: Double) -> Double {
        text.unicodeScalars.reduce(0) { total, scalar in
            let wide = (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
            return total + (wide ? 2 * advance : advance) * size + spacing
        }
    }

    static func words(_ paragraph: [RichSpan]) -> [(text: String, link: String?)] {
        paragraph.flatMap { span in
            span.text.split(separator: " ").map { (String($0), span.link) }
        }
    }
}
