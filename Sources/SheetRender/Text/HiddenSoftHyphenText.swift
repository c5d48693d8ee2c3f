import CPangoCairo

/// Keeps the soft hyphens no line broke at out of the text a PDF carries.
///
/// A paragraph is laid out with a soft hyphen at every dictionary point, and Pango draws a
/// hyphen only where a line breaks at one; at the others the soft hyphen shapes to an empty
/// glyph, or sits inside a ligature's cluster (the "fi" of "Brief­ings"). Pango's cairo
/// renderer hands cairo each cluster's text with its glyphs, and cairo writes that text into
/// the PDF (as ActualText where a cluster's text and glyphs differ), so copying or extracting a
/// word would bring those invisible soft hyphens along.
///
/// Laying the paragraph out a second time without them would cost a whole layout; instead,
/// the renderer's `draw_glyph_item` method is wrapped: when a run's text holds soft hyphens
/// that no visible glyph stands for, the run is drawn from a copy of its text without them, and
/// its glyphs' cluster offsets moved to match. Glyphs, positions, colours and underlines are
/// those of the original run; only the text given with them changes. A soft hyphen a line did
/// break at is drawn as a hyphen glyph of its own cluster, and keeps its text: text extraction
/// expects a soft hyphen at a hyphenated line's end.
///
/// Cairo draws text into pixels from glyphs alone, so thumbnails are unaffected either way.
enum HiddenSoftHyphenText {
    /// Wraps the method, once for the process; touched by every `SharedFontMap` before it makes its
    /// font map, like `PangoMetricsLock`.
    static let installed: Void = install()

    /// Pango's own method; written once, in `install`, before anything can call the wrapper.
    nonisolated(unsafe) private static var original: DrawGlyphItem?

    private typealias DrawGlyphItem = @convention(c) (
        UnsafeMutablePointer<PangoRenderer>?, UnsafePointer<CChar>?, UnsafeMutablePointer<PangoGlyphItem>?, Int32, Int32
    ) -> Void

    private static func install() {
        guard let classPointer = cairoRendererClass() else { return }
        let rendererClass = classPointer.assumingMemoryBound(to: PangoRendererClass.self)
        guard let method = rendererClass.pointee.draw_glyph_item else { return }
        original = method
        rendererClass.pointee.draw_glyph_item = { renderer, text, glyphItem, x, y in
            HiddenSoftHyphenText.draw(renderer, text, glyphItem, x, y)
        }
    }

    private static func draw(
        _ renderer: UnsafeMutablePointer<PangoRenderer>?, _ text: UnsafePointer<CChar>?,
        _ glyphItem: UnsafeMutablePointer<PangoGlyphItem>?, _ x: Int32, _ y: Int32
    ) {
        guard let original else { return }
        guard let text, let glyphItem, let item = glyphItem.pointee.item, let glyphs = glyphItem.pointee.glyphs else {
            return original(renderer, text, glyphItem, x, y)
        }
        let start = text.advanced(by: Int(item.pointee.offset))
        let length = Int(item.pointee.length)
        let hidden = start.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            hiddenSoftHyphens(in: UnsafeBufferPointer(start: bytes, count: length), glyphs: glyphs)
        }
        guard !hidden.isEmpty else { return original(renderer, text, glyphItem, x, y) }

        var kept: [CChar] = []
        kept.reserveCapacity(length - 2 * hidden.count)
        var from = 0
        for offset in hidden {
            kept.append(contentsOf: UnsafeBufferPointer(start: start + from, count: offset - from))
            from = offset + 2
        }
        kept.append(contentsOf: UnsafeBufferPointer(start: start + from, count: length - from))

        guard let itemCopy = pango_item_copy(item) else { return original(renderer, text, glyphItem, x, y) }
        defer { pango_item_free(itemCopy) }
        guard let glyphsCopy = pango_glyph_string_copy(glyphs) else { return original(renderer, text, glyphItem, x, y) }
        defer { pango_glyph_string_free(glyphsCopy) }
        itemCopy.pointee.offset = 0
        itemCopy.pointee.length = Int32(kept.count)
        itemCopy.pointee.num_chars -= Int32(hidden.count)
        if let clusters = glyphsCopy.pointee.log_clusters {
            for index in 0..<Int(glyphsCopy.pointee.num_glyphs) {
                // A cluster moves back two bytes for each hidden soft hyphen before it; the empty
                // glyph of a hidden one joins the cluster that follows it.
                clusters[index] -= Int32(2 * count(of: hidden, below: Int(clusters[index])))
            }
        }
        var copy = glyphItem.pointee
        copy.item = itemCopy
        copy.glyphs = glyphsCopy
        kept.withUnsafeBufferPointer { original(renderer, $0.baseAddress, &copy, x, y) }
    }

    /// The offsets, in `bytes` (a run's text), of the soft hyphens that no visible glyph stands
    /// for: all but one that begins a cluster drawn with a real glyph (the hyphen of a line that
    /// broke there).
    private static func hiddenSoftHyphens(in bytes: UnsafeBufferPointer<UInt8>, glyphs: UnsafeMutablePointer<PangoGlyphString>) -> [Int] {
        var hidden: [Int] = []
        var index = 0
        // U+00AD is C2 AD in UTF-8; C2 only ever starts a character.
        while index + 1 < bytes.count {
            if bytes[index] == 0xC2, bytes[index + 1] == 0xAD {
                if !isDrawn(clusterAt: index, glyphs: glyphs) { hidden.append(index) }
                index += 2
            } else {
                index += 1
            }
        }
        return hidden
    }

    /// How many of `sorted` are below `value`.
    private static func count(of sorted: [Int], below value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func isDrawn(clusterAt offset: Int, glyphs: UnsafeMutablePointer<PangoGlyphString>) -> Bool {
        guard let infos = glyphs.pointee.glyphs, let clusters = glyphs.pointee.log_clusters else { return false }
        for index in 0..<Int(glyphs.pointee.num_glyphs) where Int(clusters[index]) == offset {
            if infos[index].glyph != PangoGlyph(0x0FFF_FFFF) { return true }  // PANGO_GLYPH_EMPTY
        }
        return false
    }

    /// The class structure of Pango's cairo renderer (`PangoCairoRenderer`, private to Pango),
    /// with a reference never given back. Its type is registered the first time Pango draws, so
    /// one line is drawn into a 1×1 image first.
    private static func cairoRendererClass() -> UnsafeMutableRawPointer? {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { return nil }
        defer { cairo_destroy(cr) }
        guard let fontMap = pango_cairo_font_map_new() else { return nil }
        defer { GLibInterop.unref(fontMap) }
        guard let context = pango_font_map_create_context(fontMap) else { return nil }
        defer { GLibInterop.unref(context) }
        guard let layout = pango_layout_new(context) else { return nil }
        defer { GLibInterop.unref(layout) }
        pango_layout_set_text(layout, "x", 1)
        pango_cairo_show_layout(cr, layout)
        let type = g_type_from_name("PangoCairoRenderer")
        guard type != 0 else { return nil }
        return g_type_class_ref(type)
    }
}
