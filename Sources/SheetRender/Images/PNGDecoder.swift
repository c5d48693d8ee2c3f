import CPNG
import CRsvg

/// Decodes PNG files with libpng's simplified API into gdk-pixbuf pixbufs.
///
/// Not gdk-pixbuf's PNG loader, which reads progressively and treats a damaged compressed
/// stream as a warning: a logo whose image data was corrupt came out as a grey box with no
/// error. libpng's sequential reader, behind the simplified API, stops with an error there.
/// The pixbuf then goes the way a JPEG's does (shrinking, conversion for cairo).
enum PNGDecoder {
    /// The image in `data` at full size: 8-bit RGB, or RGBA (not premultiplied) when the file
    /// has an alpha channel. The caller owns the pixbuf.
    static func decode(_ data: [UInt8]) throws(PNGDecodeError) -> OpaquePointer {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        guard png_image_begin_read_from_memory(&image, data, data.count) != 0 else {
            throw PNGDecodeError(image.messageText(or: "libpng could not decode it"))
        }
        let hasAlpha = image.format & png_uint_32(PNG_FORMAT_FLAG_ALPHA) != 0
        // PNG_FORMAT_RGBA is PNG_FORMAT_RGB | PNG_FORMAT_FLAG_ALPHA (Swift cannot import it).
        image.format = png_uint_32(PNG_FORMAT_RGB) | (hasAlpha ? png_uint_32(PNG_FORMAT_FLAG_ALPHA) : 0)
        guard image.width > 0, image.height > 0, image.width <= Int32.max, image.height <= Int32.max,
              let pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, hasAlpha ? 1 : 0, 8, Int32(image.width), Int32(image.height))
        else { throw PNGDecodeError("no room for \(image.width) × \(image.height) pixels") }
        guard let pixels = gdk_pixbuf_get_pixels(pixbuf),
              png_image_finish_read(&image, nil, pixels, png_int_32(gdk_pixbuf_get_rowstride(pixbuf)), nil) != 0
        else {
            GLibInterop.unref(pixbuf)
            throw PNGDecodeError(image.messageText(or: "libpng could not decode it"))
        }
        return pixbuf
    }
}

/// Why libpng refused a PNG, in its words.
struct PNGDecodeError: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
