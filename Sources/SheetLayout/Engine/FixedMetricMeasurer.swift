import SheetCore

/// A measurer with metrics simple enough to work out by hand, for layout tests: every
/// character is `advance` × size wide (wide East Asian characters twice that), lines break
/// greedily at spaces (inside a word, between characters, only when the word alone is too
/// wide; such a line ends with a hyphen, as Pango draws one there, but between wide East Asian
/// characters), and each line is `style.linePitch` tall with its baseline at 0.8 × size. A paragraph
/// whose breaks the layout decided (`TextBlock.breaks`: Chinese, Japanese, Korean) breaks
/// greedily at those places only, as Pango does with them, and a piece between two of them
/// that is wider than the line runs past its end (the layout then measures again without). Lines are
/// aligned in the block's width (against the widest line when it has none); a block whose
/// direction is right to left has its lines (and links) at the right for `start`.
public struct FixedMetricMeasurer: TextMeasurer {
    public var advance: Double

    public init(advance: Double = 0.5) {
        self.advance = advance
    }

    /// A line being filled: its words (with the spaces before them) and its width.
    private struct LineDraft {
        var spans: [RichSpan] = []
        var width = 0.0
        var paragraph = 0
        var hyphenated = false

        mutating func append(_ text: String, like span: RichSpan, width: Double) {
            if let last = spans.last, last.link == span.link, last.strong == span.strong, last.emphasis == span.emphasis,
               last.unbreakable == span.unbreakable {
                spans[spans.count - 1].text += text
            } else {
                var copy = span
                copy.text = text
                spans.append(copy)
            }
            self.width += width
        }
    }

    public func measure(_ block: TextBlock) -> TextMetrics {
        let size = block.style.size
        let pitch = block.style.linePitch
        let spaceWidth = width(of: " ", size: size, spacing: block.style.letterSpacing)
        var drafts: [LineDraft] = []
        // Links with the line they are on, placed once the line's alignment is known.
        var links: [(box: LinkBox, line: Int)] = []
        var paragraphTops: [Double] = []
        var y = 0.0
        for (index, paragraph) in block.paragraphs.enumerated() {
            if index > 0 { y += block.paragraphSpacing }
            paragraphTops.append(y)
            var line = LineDraft(paragraph: index)
            var lineCount = 1
            func breakLine(atSpace: Bool, hyphenated: Bool = false) {
                // The space the line broke at stays at its end, as Pango keeps it (drawn as nothing).
                if atSpace, let last = line.spans.last, !last.text.hasSuffix(" ") { line.spans[line.spans.count - 1].text += " " }
                line.hyphenated = hyphenated
                drafts.append(line)
                line = LineDraft(paragraph: index)
                lineCount += 1
            }
            if let breaks = block.breaks(ofParagraph: index) {
                let filled = fill(paragraph, paragraph: index, breaks: breaks, block: block)
                for link in filled.links {
                    var box = link.box
                    box.rect.origin.y += y
                    links.append((box, drafts.count + link.line))
                }
                drafts += filled.lines
                y += Double(filled.lines.count) * pitch
                continue
            }
            for (word, span) in Self.words(paragraph) {
                let wordWidth = width(of: word, size: size, spacing: block.style.letterSpacing)
                let space = line.width > 0 ? spaceWidth : 0
                if let limit = block.width, line.width > 0, line.width + space + wordWidth > limit + 1e-9 { breakLine(atSpace: true) }
                if line.width > 0 { line.append(" ", like: span, width: spaceWidth) }
                if let limit = block.width, wordWidth > limit {
                    // Break inside the word, character by character.
                    var previous: Character?
                    for character in word {
                        let characterWidth = width(of: String(character), size: size, spacing: block.style.letterSpacing)
                        if line.width > 0, line.width + characterWidth > limit + 1e-9 {
                            let between = [previous, character].compactMap { $0 }
                            breakLine(atSpace: false, hyphenated: previous != nil && !between.allSatisfy(Self.isWide))
                        }
                        line.append(String(character), like: span, width: characterWidth)
                        previous = character
                    }
                } else {
                    line.append(word, like: span, width: wordWidth)
                }
                if let url = span.link {
                    let lineTop = y + Double(lineCount - 1) * pitch
                    links.append((LinkBox(url: url, rect: Rect(x: max(0, line.width - wordWidth), y: lineTop, width: min(wordWidth, line.width), height: pitch)),
                                  drafts.count))
                }
            }
            drafts.append(line)
            y += Double(lineCount) * pitch
        }
        let widest = drafts.reduce(0) { max($0, $1.width) }
        let box = block.width ?? widest
        var lines: [TextLine] = []
        var previousParagraph = -1
        var top = 0.0
        for draft in drafts {
            top = draft.paragraph != previousParagraph ? paragraphTops[draft.paragraph] : top + pitch
            previousParagraph = draft.paragraph
            let rightToLeft = block.direction == .rightToLeft
            let x = switch block.alignment {
            case .start: rightToLeft ? box - draft.width : 0.0
            case .center: (box - draft.width) / 2
            case .end: rightToLeft ? 0.0 : box - draft.width
            }
            lines.append(TextLine(spans: draft.spans, hyphenated: draft.hyphenated, origin: Point(x: x, y: top + 0.8 * size), width: draft.width))
        }
        // A link moves with its line's alignment (its words keep their order: the fixed metrics
        // treat every text as one left-to-right run).
        let placedLinks = links.map { link in
            var box = link.box
            if link.line < lines.count { box.rect.origin.x += lines[link.line].origin.x }
            return box
        }
        return TextMetrics(
            size: Size(width: widest, height: y), lineCount: lines.count, firstBaseline: 0.8 * size, links: placedLinks,
            rightToLeft: block.direction == .rightToLeft, lines: lines, linePitch: pitch)
    }

    /// The lines of paragraph `paragraph`, filled with its pieces between the places `breaks`
    /// allows, each with the spaces after it (which hang at a line's end and count only inside
    /// a line), and its links with the line they are on (from the paragraph's top).
    private func fill(
        _ spans: [RichSpan], paragraph: Int, breaks: ParagraphBreaks, block: TextBlock
    ) -> (lines: [LineDraft], links: [(box: LinkBox, line: Int)]) {
        let size = block.style.size, spacing = block.style.letterSpacing, pitch = block.style.linePitch
        func advance(_ scalar: Unicode.Scalar) -> Double { width(of: String(scalar), size: size, spacing: spacing) }
        // Each scalar with the span it belongs to.
        var scalars: [(scalar: Unicode.Scalar, span: Int)] = []
        for (spanIndex, span) in spans.enumerated() {
            for scalar in span.text.unicodeScalars { scalars.append((scalar, spanIndex)) }
        }
        var bounds = breaks.allowed.filter { $0 > 0 && $0 < scalars.count }
        bounds.append(scalars.count)
        var lines: [LineDraft] = []
        var links: [(box: LinkBox, line: Int)] = []
        var line = LineDraft(paragraph: paragraph)
        var start = 0
        var hanging = 0.0
        for end in bounds where end > start {
            let piece = scalars[start..<end]
            start = end
            let trailing = piece.reversed().prefix { $0.scalar.properties.isWhitespace }.count
            let contentEnd = piece.endIndex - trailing
            let contentWidth = piece[..<contentEnd].reduce(0) { $0 + advance($1.scalar) }
            if let limit = block.width, line.width > 0, line.width + hanging + contentWidth > limit + 1e-9 {
                lines.append(line)
                line = LineDraft(paragraph: paragraph)
            } else if !line.spans.isEmpty {
                line.width += hanging
            }
            // The piece's characters, a run per span.
            var run = piece.startIndex
            while run < piece.endIndex {
                let spanIndex = piece[run].span
                var next = run
                while next < piece.endIndex, piece[next].span == spanIndex { next += 1 }
                var text = String.UnicodeScalarView()
                text.append(contentsOf: piece[run..<next].map(\.scalar))
                let runWidth = piece[run..<max(run, min(next, contentEnd))].reduce(0) { $0 + advance($1.scalar) }
                if let url = spans[spanIndex].link, runWidth > 0 {
                    links.append((LinkBox(url: url, rect: Rect(x: line.width, y: Double(lines.count) * pitch, width: runWidth, height: pitch)), lines.count))
                }
                line.append(String(text), like: spans[spanIndex], width: runWidth)
                run = next
            }
            hanging = piece[contentEnd...].reduce(0) { $0 + advance($1.scalar) }
        }
        lines.append(line)
        return (lines, links)
    }

    func width(of text: String, size: Double, spacing: Double) -> Double {
        text.unicodeScalars.reduce(0) { total, scalar in
            total + (Self.isWide(scalar) ? 2 * advance : advance) * size + spacing
        }
    }

    /// Wide East Asian letters (Hangul, CJK, kana, full-width forms): twice as wide, and
    /// broken between with no hyphen.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
            || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
    }

    static func isWide(_ character: Character) -> Bool {
        character.unicodeScalars.first.map(isWide) ?? false
    }

    static func words(_ paragraph: [RichSpan]) -> [(text: String, span: RichSpan)] {
        paragraph.flatMap { span in
            span.unbreakable ? [(span.text, span)] : span.text.split(separator: " ").map { (String($0), span) }
        }
    }
}
