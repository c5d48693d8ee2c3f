import Foundation
import SheetLayout

/// Measures text with Pango and reports its lines — where each breaks, whether it ends with a
/// hyphen, where its baseline lies — which `SheetRenderer` then draws as they are.
///
/// Each instance has a Pango font map and contexts, guarded by the font map's lock, so one
/// instance can be shared but serialises its callers. For parallel work create one per worker
/// thread (cheap: the fontconfig configuration is process-wide and loaded once; each font map
/// then caches the fonts it has used), and give the worker's `SheetRenderer` the same
/// `SharedFontMap`, so that drawing finds every font measuring loaded. Measurements are kept for
/// two sheets (`finishSheet`).
///
/// Settings: fonts by family, weight, slant and absolute size in points; lines broken at word
/// boundaries, at the hyphenation points of the block's language where it has a dictionary
/// (`Hyphenator`), or between characters when a word does not fit; a fixed line pitch of
/// `size × lineHeight` with the baseline placed as CSS does (half-leading); no hinting and no
/// rounding of glyph positions, so metrics do not depend on the output resolution. Font sizes
/// are clamped to 0.1…1 000 pt (beyond that FreeType fails, and the failure spills over to
/// other threads using the same font).
public final class PangoTextMeasurer: TextMeasurer, @unchecked Sendable {
    // @unchecked: every access to `engine` (Pango objects, not thread-safe) holds `fonts.lock`.
    private let fonts: SharedFontMap
    private let engine: TextEngine

    /// A measurer on `fonts` (a font map of its own when not given).
    public init(fonts: SharedFontMap = SharedFontMap()) {
        self.fonts = fonts
        engine = TextEngine(fonts: fonts)
    }

    /// The lines, size, baseline, link areas, missing glyphs and direction of `block` as
    /// `SheetRenderer` will draw it.
    public func measure(_ block: TextBlock) -> TextMetrics {
        fonts.withLock { engine.measure(block) }
    }

    /// Tells the measurer a sheet is finished: of the measurements kept, only the ones this
    /// sheet used are kept, for the blocks the next sheet shares with it (a template's fixed
    /// text). A worker calls it after each sheet, so that memory does not depend on how many
    /// sheets it has done.
    public func finishSheet() {
        fonts.withLock { engine.finishSheet() }
    }

    /// Forgets every measurement kept.
    public func discardCachedLayouts() {
        fonts.withLock { engine.discardLayouts() }
    }

    /// How many blocks this measurer has laid out rather than taken from its cache.
    var layoutsMade: Int {
        fonts.withLock { engine.layoutsMade }
    }

    /// Lays `block` out as measuring does and hands the result to `body` under the lock, for
    /// tests that look at Pango's own lines. The layout must not escape `body`.
    func withLayout<Result>(of block: TextBlock, _ body: (BlockLayout) throws -> Result) rethrows -> Result {
        try fonts.withLock { try body(engine.layOut(block)) }
    }
}
