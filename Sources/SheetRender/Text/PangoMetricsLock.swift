import CPangoCairo
import Foundation

/// Lets threads with font maps of their own measure new fonts at the same time.
///
/// Pango works out a font's metrics for a language the first time they are asked for
/// (`pango_font_get_metrics`; its line breaker asks whenever an item does not fit whole) and
/// keeps them in the font. Their approximate character width comes from laying out a sample
/// text, and to stop that layout from recursing Pango 1.50 sets a flag while it runs:
/// `in_get_metrics` in `_pango_cairo_font_get_metrics`, a plain `static int` shared by the whole
/// process. A thread measuring another new font meanwhile, in its own font map, finds the flag
/// set, skips the sample, and its font keeps an approximate character width of 0 for good. The
/// line breaker looks three of those widths ahead of the line's end before it measures a break
/// exactly; with 0 it takes other breaks ("re-" / "view" where a lone thread keeps "review"
/// whole), so a sheet would depend on what another worker was doing at that moment.
///
/// The fix: the font class's `get_metrics`, which `pango_font_get_metrics` calls, runs under one
/// process-wide lock, so that only one thread at a time is ever inside it, as the static flag
/// assumes. The lock is recursive because the sample layout asks for metrics again on the same
/// thread (the flag then stops it). Metrics already made come back at once, so workers only
/// wait for each other while a font is measured for the first time. librsvg draws SVG text
/// with fonts of the same class, so its measuring takes the lock too.
enum PangoMetricsLock {
    /// Wraps the method, once for the process. Every `SharedFontMap` touches this before it makes
    /// its font map, so the lock is in place before any worker thread uses Pango.
    static let installed: Void = install()

    private static let lock = NSRecursiveLock()
    /// Pango's own method; written once, in `install`, before anything can call the wrapper.
    nonisolated(unsafe) private static var original: GetMetrics?

    private typealias GetMetrics = @convention(c) (
        UnsafeMutablePointer<PangoFont>?, OpaquePointer?
    ) -> UnsafeMutablePointer<PangoFontMetrics>?

    private static func install() {
        guard let classPointer = PangoFontClassLookup.referenced() else { return }
        let fontClass = classPointer.assumingMemoryBound(to: PangoFontClass.self)
        guard let method = fontClass.pointee.get_metrics else { return }
        original = method
        fontClass.pointee.get_metrics = { font, language in
            PangoMetricsLock.lock.lock()
            defer { PangoMetricsLock.lock.unlock() }
            return PangoMetricsLock.original?(font, language)
        }
    }
}
