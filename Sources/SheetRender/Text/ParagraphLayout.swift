import CPangoCairo
import SheetLayout

/// A paragraph's `PangoLayout` and its lines in block coordinates. Owns the layout, and so keeps
/// the lines' `PangoLayoutLine` pointers valid.
final class ParagraphLayout {
    let layout: OpaquePointer
    /// The text the layout holds (soft hyphens included) and its styled runs.
    let text: ParagraphText
    /// Byte ranges of the paragraph's link spans.
    let links: [(url: String, start: Int, end: Int)]
    /// Whether Pango resolved the paragraph's base direction to right-to-left.
    let rightToLeft: Bool
    /// Width of the widest line, in points.
    let width: Double
    /// Filled in by `placeLines` once every paragraph's width is known.
    private(set) var lines: [LaidOutLine] = []
    /// How far the paragraph sits from the block's left edge (only non-zero for blocks without
    /// a width, whose paragraphs are aligned against the widest one).
    private(set) var xOffset: Double = 0

    /// Takes over the caller's reference to `layout`, which holds `text`.
    init(layout: OpaquePointer, text: ParagraphText) {
        self.layout = layout
        self.text = text
        self.links = text.links
        var widest: Int32 = 0
        var rightToLeft = false
        // The iterator reports each line's extents in layout coordinates, alignment included.
        if let iterator = pango_layout_get_iter(layout) {
            defer { pango_layout_iter_free(iterator) }
            var first = true
            repeat {
                var logical = PangoRectangle()
                pango_layout_iter_get_line_extents(iterator, nil, &logical)
                widest = max(widest, logical.width)
                if first, let line = pango_layout_iter_get_line_readonly(iterator) {
                    // `resolved_dir` is a bit-field holding the paragraph's base direction.
                    rightToLeft = line.pointee.resolved_dir == PANGO_DIRECTION_RTL.rawValue
                    first = false
                }
            } while pango_layout_iter_next_line(iterator) != 0
        }
        self.width = Double(widest) / pangoScale
        self.rightToLeft = rightToLeft
    }

    deinit { GLibInterop.unref(layout) }

    /// Places the lines: the first line box's top at `top`, each next one `pitch` lower, the
    /// baseline `baselineOffset` below each top, and every x moved by `xOffset`. Returns the
    /// top of the box after the last line.
    func placeLines(top: Double, pitch: Double, baselineOffset: Double, xOffset: Double) -> Double {
        lines.removeAll(keepingCapacity: true)
        self.xOffset = xOffset
        var y = top
        guard let iterator = pango_layout_get_iter(layout) else { return y }
        defer { pango_layout_iter_free(iterator) }
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iterator) else { break }
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            lines.append(LaidOutLine(
                line: line, x: xOffset + Double(logical.x) / pangoScale, top: y, baseline: y + baselineOffset,
                width: Double(logical.width) / pangoScale, startIndex: Int(line.pointee.start_index),
                length: Int(line.pointee.length)))
            y += pitch
        } while pango_layout_iter_next_line(iterator) != 0
        return y
    }

    /// The placed lines as layout carries them: each line's characters (without the soft hyphens
    /// it did not break at), whether Pango draws a hyphen at its end, its origin and baseline.
    /// A line ends with a hyphen where Pango's own rule inserts one: the break after it is one
    /// that `break_inserts_hyphen` marks (after a soft hyphen, or inside a word broken between
    /// characters).
    func textLines() -> [TextLine] {
        var attributeCount: Int32 = 0
        let attributes = pango_layout_get_log_attrs_readonly(layout, &attributeCount)
        var characters = 0
        var counted = 0
        return lines.enumerated().map { index, line in
            let end = line.startIndex + line.length
            var hyphenated = false
            if index < lines.count - 1, let attributes {
                // Characters before `end`: bytes that do not continue a character.
                while counted < min(end, text.utf8.count) {
                    if text.utf8[counted] & 0xC0 != 0x80 { characters += 1 }
                    counted += 1
                }
                if characters < Int(attributeCount) { hyphenated = attributes[characters].break_inserts_hyphen != 0 }
            }
            return TextLine(
                spans: text.spans(from: line.startIndex, to: end), hyphenated: hyphenated,
                origin: Point(x: line.x, y: line.baseline), width: line.width)
        }
    }

    /// Every line fragment of every link, as rectangles in block coordinates: the x ranges
    /// Pango reports for the link's bytes on each line (layout coordinates, alignment
    /// included), by the line's box.
    func linkBoxes(pitch: Double) -> [LinkBox] {
        var boxes: [LinkBox] = []
        for link in links {
            for line in lines {
                // Clamp to the line: asked for bytes beyond it, Pango would stretch the range to
                // the layout's edge (the way a selection highlight does).
                let start = max(link.start, line.startIndex)
                let end = min(link.end, line.startIndex + line.length)
                guard start < end else { continue }
                var ranges: UnsafeMutablePointer<Int32>?
                var count: Int32 = 0
                pango_layout_line_get_x_ranges(line.line, Int32(start), Int32(end), &ranges, &count)
                guard let ranges else { continue }
                defer { g_free(ranges) }
                for index in 0..<Int(count) {
                    let from = Double(ranges[2 * index]) / pangoScale
                    let to = Double(ranges[2 * index + 1]) / pangoScale
                    guard to > from else { continue }
                    boxes.append(LinkBox(url: link.url, rect: Rect(x: xOffset + from, y: line.top, width: to - from, height: pitch)))
                }
            }
        }
        return boxes
    }
}
