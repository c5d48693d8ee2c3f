import Foundation
import SheetLayout

/// Shapes the lines that layout decided, for painting: each `TextLine` of a measured block is
/// shaped on its own, in the block's style and language, and drawn where the line says. It
/// breaks nothing: line breaks, hyphens and baselines come with the frames (measured by
/// `PangoTextMeasurer` through the same `TextEngine` code, which puts the same hyphen where a
/// line broke at one), so the renderer needs no measurer and never lays a block out again.
///
/// Each instance has a Pango font map and contexts, guarded by the font map's lock; a renderer
/// has one. A worker's shaper shares its font map with the worker's measurer (`SharedFontMap`).
/// Shaped lines are kept for two sheets (`finishSheet`), so the PDF and the thumbnail of a
/// sheet, and the text sheets share, shape each line once.
final class LineShaper: @unchecked Sendable {
    // @unchecked: every access to `engine` (Pango objects, not thread-safe) holds `fonts.lock`.
    private let fonts: SharedFontMap
    private let engine: TextEngine

    init(fonts: SharedFontMap) {
        self.fonts = fonts
        engine = TextEngine(fonts: fonts)
    }

    /// Hands `body` each line of `text` with the Pango line to draw for it, under the lock. The
    /// Pango line must not escape `body`.
    func withShapedLines(of text: PositionedText, _ body: (TextLine, LaidOutLine) -> Void) {
        fonts.withLock {
            for line in text.metrics.lines {
                guard let shaped = engine.shape(line, of: text.block).lines.first else { continue }
                body(line, shaped)
            }
        }
    }

    /// Keeps the lines this sheet used for the next sheet and drops the rest.
    func finishSheet() {
        fonts.withLock { engine.finishSheet() }
    }

    /// How many lines this shaper has shaped rather than taken from its cache.
    var linesShaped: Int {
        fonts.withLock { engine.linesShaped }
    }
}
