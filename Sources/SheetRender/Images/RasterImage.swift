import CPangoCairo
import CRsvg

/// A decoded PNG or JPEG as a cairo image surface, ready to paint.
final class RasterImage {
    /// Owned: destroyed with the image.
    let surface: OpaquePointer
    let pixelWidth: Int
    let pixelHeight: Int

    private init(surface: OpaquePointer, width: Int, height: Int) {
        self.surface = surface
        self.pixelWidth = width
        self.pixelHeight = height
    }

    deinit { cairo_surface_destroy(surface) }

    /// A new cairo image surface of `width` × `height` pixels (ARGB32 when `hasAlpha`, else
    /// RGB24), its pixels written by `fill`, which is handed the first row and the stride in
    /// bytes. Nil when cairo cannot make the surface; a throw from `fill` destroys it.
    private static func make<Failure: Error>(
        width: Int, height: Int, hasAlpha: Bool,
        pixels fill: (_ target: UnsafeMutablePointer<UInt8>, _ stride: Int) throws(Failure) -> Void
    ) throws(Failure) -> RasterImage? {
        guard width > 0, height > 0,
              let surface = cairo_image_surface_create(hasAlpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        else { return nil }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let target = cairo_image_surface_get_data(surface) else {
            cairo_surface_destroy(surface)
            return nil
        }
        cairo_surface_flush(surface)  // required before touching the pixels directly
        do {
            try fill(target, Int(cairo_image_surface_get_stride(surface)))
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        cairo_surface_mark_dirty(surface)  // tells cairo the pixels changed behind its back
        return RasterImage(surface: surface, width: width, height: height)
    }

    /// A new cairo image surface of `width` × `height` pixels (ARGB32 when `hasAlpha`, else
    /// RGB24), its rows written by `fill` through the function it is handed: row index, then
    /// the row's pixels in cairo's layout. Nil when cairo cannot make the surface.
    static func make<Failure: Error>(
        width: Int, height: Int, hasAlpha: Bool,
        fill: ((Int, UnsafeBufferPointer<UInt32>) -> Void) throws(Failure) -> Void
    ) throws(Failure) -> RasterImage? {
        try make(width: width, height: height, hasAlpha: hasAlpha) { (target, stride) throws(Failure) in
            try fill { y, pixels in
                guard y < height, pixels.count == width, let row = pixels.baseAddress else { return }
                UnsafeMutableRawPointer(target + y * stride).copyMemory(from: row, byteCount: 4 * width)
            }
        }
    }

    /// Copies a `GdkPixbuf` into a new cairo image surface.
    ///
    /// The formats differ: a pixbuf holds bytes R, G, B (, A) per pixel, alpha not
    /// premultiplied; cairo's ARGB32 holds one native-endian 32-bit word per pixel,
    /// 0xAARRGGBB, with colour premultiplied by alpha (RGB24 is the same with the alpha byte
    /// unused). Opaque pixbufs become RGB24, so the PDF gets no soft mask.
    static func make(from pixbuf: OpaquePointer) -> RasterImage? {
        let width = Int(gdk_pixbuf_get_width(pixbuf))
        let height = Int(gdk_pixbuf_get_height(pixbuf))
        let channels = Int(gdk_pixbuf_get_n_channels(pixbuf))
        let hasAlpha = gdk_pixbuf_get_has_alpha(pixbuf) != 0
        let sourceStride = Int(gdk_pixbuf_get_rowstride(pixbuf))
        guard gdk_pixbuf_get_bits_per_sample(pixbuf) == 8, channels == (hasAlpha ? 4 : 3),
              let source = gdk_pixbuf_read_pixels(pixbuf)
        else { return nil }
        return make(width: width, height: height, hasAlpha: hasAlpha) { target, targetStride in
            for y in 0..<height {
                let sourceRow = source + y * sourceStride
                let targetRow = UnsafeMutableRawPointer(target + y * targetStride).assumingMemoryBound(to: UInt32.self)
                if hasAlpha {
                    for x in 0..<width {
                        let pixel = sourceRow + 4 * x
                        let alpha = UInt32(pixel[3])
                        // Premultiply, rounding to nearest: (c × a + 127) / 255.
                        let red = (UInt32(pixel[0]) * alpha + 127) / 255
                        let green = (UInt32(pixel[1]) * alpha + 127) / 255
                        let blue = (UInt32(pixel[2]) * alpha + 127) / 255
                        targetRow[x] = alpha << 24 | red << 16 | green << 8 | blue
                    }
                } else {
                    for x in 0..<width {
                        let pixel = sourceRow + 3 * x
                        targetRow[x] = 0xFF00_0000 | UInt32(pixel[0]) << 16 | UInt32(pixel[1]) << 8 | UInt32(pixel[2])
                    }
                }
            }
        }
    }
}
