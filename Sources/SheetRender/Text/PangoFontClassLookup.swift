import CPangoCairo

/// Pango's font class (`PangoCairoFcFont` on Linux), for wrapping one of its methods. The
/// class is private to Pango, so it is reached through a font.
enum PangoFontClassLookup {
    /// The class structure, with a reference never given back (the class, and any wrapper
    /// put into it, stay for the life of the process); nil when no font can be loaded at all,
    /// in which case there is nothing to measure or draw, nor to race on.
    static func referenced() -> UnsafeMutableRawPointer? {
        guard let fontMap = pango_cairo_font_map_new() else { return nil }
        defer { GLibInterop.unref(fontMap) }
        guard let context = pango_font_map_create_context(fontMap) else { return nil }
        defer { GLibInterop.unref(context) }
        guard let description = pango_font_description_from_string("Sans 10") else { return nil }
        defer { pango_font_description_free(description) }
        guard let font = pango_font_map_load_font(fontMap, context, description) else { return nil }
        defer { GLibInterop.unref(font) }
        guard let instanceClass = font.pointee.parent_instance.g_type_instance.g_class else { return nil }
        return g_type_class_ref(instanceClass.pointee.g_type)
    }
}
