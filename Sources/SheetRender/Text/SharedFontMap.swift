import CPangoCairo
import Foundation

/// A Pango font map and the lock that guards it, for the text engines of one worker: its
/// measurer (`PangoTextMeasurer`) and its renderer's line shaper (`LineShaper`) share one font
/// map, so every font the renderer draws is the one measuring loaded, with its fontconfig sort
/// and its metrics already done.
///
/// Why: Pango 1.50 sorts the fonts of every new font pattern (family, weight, slant, size,
/// language) with `FcFontSetSort` in a thread of its own, about 4.5 M instructions a sort here,
/// and the first time a font's metrics are asked for it lays out a sample text in a fresh
/// context with the font's own description (`_pango_cairo_font_get_metrics`), a second pattern
/// and a second sort. Each font map keeps its own patterns, fonts and metrics, so with a font
/// map each the shaper sorted, matched, loaded and measured again every font the measurer had
/// loaded for the same sheet. Measured with callgrind on the bench's profiles (a sheet made
/// 15.1 sorts, 67.8 M instructions): sharing takes `FcFontSetSort` to 49.1 M a sheet,
/// `FcFontSetMatch` from 23.1 to 16.8 M, the metrics from 14.7 to 11.3 M, and the whole sheet
/// from 698.2 to 663.7 M (−4.9 %). The fonts are the same either way (the same patterns, the
/// same context settings), so the glyphs and their positions are too: the samples' PDFs and
/// PNGs are byte for byte those of separate font maps (docs/performance.md). What still sorts is
/// the measurer meeting sizes it has not measured before, the shrink steps' above all.
///
/// Pango font maps are not thread-safe: every use of `fontMap`, and of anything made from it,
/// holds `lock`. The engines sharing it take the same lock, so a worker's measurer and shaper
/// serialise each other, as they would on the one thread a worker runs on.
public final class SharedFontMap: @unchecked Sendable {
    // @unchecked: `fontMap` is only used under `lock`, by the engines holding this object.
    let lock = NSLock()
    let fontMap: UnsafeMutablePointer<PangoFontMap>

    /// A font map of its own: Pango's shared default one is not thread-safe, and each worker
    /// uses its font map on one thread at a time. The fontconfig configuration behind it is
    /// process-wide and loaded once.
    public init() {
        // Before any font is measured: Pango's metrics are not safe on two threads at once.
        _ = PangoMetricsLock.installed
        // Before any text is drawn: cairo would otherwise close FreeType faces in use.
        _ = CairoFontFaces.installed
        // Before any text is drawn: soft hyphens where no line broke stay out of the PDF's text.
        _ = HiddenSoftHyphenText.installed
        guard let fontMap = pango_cairo_font_map_new() else {
            // Only fails when GLib cannot allocate, and GLib aborts the process then.
            preconditionFailure("Pango could not create a font map")
        }
        self.fontMap = fontMap
    }

    deinit {
        GLibInterop.unref(fontMap)
    }

    /// `body`'s result, with the lock held.
    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
