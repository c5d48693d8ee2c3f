import CPangoCairo
import CRsvg
import SheetLayout

/// A loaded SVG document, drawn as vectors: librsvg's handle of the file's cleaned bytes
/// (`SVGCleaner`), made from memory with no base file or URI.
final class VectorImage {
    /// Owned: released with the image.
    private let handle: UnsafeMutablePointer<RsvgHandle>
    let path: String
    /// What `SVGCleaner` left out of the file.
    let leftOut: [String]

    init(handle: UnsafeMutablePointer<RsvgHandle>, path: String, leftOut: [String]) {
        // librsvg draws SVG text through Pango: its fonts need faces cairo will not close.
        _ = CairoFontFaces.installed
        self.handle = handle
        self.path = path
        self.leftOut = leftOut
    }

    deinit { GLibInterop.unref(handle) }

    /// Draws the document fitted into `rect` (librsvg keeps its aspect ratio and centres it).
    func draw(in cr: OpaquePointer, rect: Rect) throws {
        var viewport = RsvgRectangle(x: rect.minX, y: rect.minY, width: rect.width, height: rect.height)
        var error: UnsafeMutablePointer<GError>?
        // librsvg saves and restores the cairo state around its drawing.
        let drawn = rsvg_handle_render_document(handle, cr, &viewport, &error)
        let message = GLibInterop.consume(&error)
        if drawn == 0 {
            throw RenderError.imageDecodeFailed(path: path, format: .svg, reason: message ?? "librsvg could not render it")
        }
    }
}
