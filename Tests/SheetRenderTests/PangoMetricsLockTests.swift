import CPangoCairo
import Foundation
@testable import SheetRender
import Testing

/// Pango 1.50 works out a new font's approximate character width behind a flag shared by the
/// whole process: two threads measuring new fonts at once left fonts with a width of 0, and
/// lines then broke differently than on one thread.
@Suite("Pango metrics lock")
struct PangoMetricsLockTests {
    @Test func fontsMeasuredOnTwoThreadsAtOnceAllHaveACharacterWidth() {
        _ = PangoMetricsLock.installed
        let widthless = Results<Int>(count: 2, initial: 0)
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            // A font map of each thread's own, as every worker's `TextEngine` has.
            guard let fontMap = pango_cairo_font_map_new(), let context = pango_font_map_create_context(fontMap) else { return }
            defer {
                GLibInterop.unref(context)
                GLibInterop.unref(fontMap)
            }
            let language = pango_language_from_string("en")
            var count = 0
            // Each size is a font not measured before.
            for step in 0..<200 {
                guard let description = pango_font_description_from_string("Noto Sans") else { continue }
                defer { pango_font_description_free(description) }
                let size = 6 + Double(step) / 20 + Double(worker) / 100
                pango_font_description_set_absolute_size(description, size * Double(PANGO_SCALE))
                guard let font = pango_font_map_load_font(fontMap, context, description) else { continue }
                defer { GLibInterop.unref(font) }
                guard let metrics = pango_font_get_metrics(font, language) else { continue }
                defer { pango_font_metrics_unref(metrics) }
                if pango_font_metrics_get_approximate_char_width(metrics) <= 0 { count += 1 }
            }
            widthless.set(worker, count)
        }
        #expect(widthless.get(0) == 0 && widthless.get(1) == 0, "fonts without a width: \(widthless.get(0)), \(widthless.get(1))")
    }
}
