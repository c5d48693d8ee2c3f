import CPangoCairo

/// Small helpers for the GLib side of the C interop.
///
/// GObject types whose struct is private (`PangoLayout`, `PangoContext`, `GdkPixbuf`) import
/// into Swift as `OpaquePointer`; those whose struct is public (`PangoFontMap`, `RsvgHandle`)
/// import as typed pointers. `g_object_unref` takes a `gpointer`, i.e. an
/// `UnsafeMutableRawPointer`, so both kinds need converting before they are released.
enum GLibInterop {
    /// Releases one reference to a GObject imported as an opaque pointer.
    static func unref(_ object: OpaquePointer) {
        g_object_unref(UnsafeMutableRawPointer(object))
    }

    /// Releases one reference to a GObject imported as a typed pointer.
    static func unref<T>(_ object: UnsafeMutablePointer<T>) {
        g_object_unref(UnsafeMutableRawPointer(object))
    }

    /// The message of a `GError` out-parameter, freeing it; nil when no error was set.
    ///
    /// GLib functions report failure by allocating a `GError` into a `GError **` argument;
    /// the caller owns it and must free it with `g_error_free`.
    static func consume(_ error: inout UnsafeMutablePointer<GError>?) -> String? {
        guard let pointer = error else { return nil }
        let message = pointer.pointee.message.map { String(cString: $0) } ?? "unknown error"
        g_error_free(pointer)
        error = nil
        return message
    }
}
