import CPangoCairo

/// Turns cairo's sticky error statuses into `RenderError`s.
///
/// Cairo never fails a drawing call outright: an error puts the context or surface into an
/// error state that every later call keeps. Checking after each page (and after finishing a
/// surface) is enough to catch anything that went wrong in between.
enum CairoCheck {
    static func surface(_ surface: OpaquePointer, _ operation: String, path: String? = nil) throws {
        try status(cairo_surface_status(surface), operation, path: path)
    }

    static func context(_ cr: OpaquePointer, _ operation: String, path: String? = nil) throws {
        try status(cairo_status(cr), operation, path: path)
    }

    static func status(_ status: cairo_status_t, _ operation: String, path: String? = nil) throws {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw RenderError.cairo(operation: operation, message: message(status), path: path)
    }

    /// Cairo's own text for a status (a static string owned by cairo).
    static func message(_ status: cairo_status_t) -> String {
        cairo_status_to_string(status).map { String(cString: $0) } ?? "cairo status \(status.rawValue)"
    }
}
