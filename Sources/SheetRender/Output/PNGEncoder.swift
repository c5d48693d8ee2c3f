import CPNG
import CPangoCairo
import Foundation

/// Encodes an opaque cairo image surface as an 8-bit RGB PNG with libpng's simplified API.
///
/// Not `cairo_surface_write_to_png_stream`: cairo writes every ARGB32 surface as RGBA (a
/// quarter more bytes, un-premultiplied pixel by pixel) and leaves libpng to try all five row
/// filters on every row, which cost more than painting the thumbnail. Pages are painted on
/// white, so nothing is lost by dropping the alpha channel; libpng's simplified API handles its
/// own errors (no `setjmp` for Swift to get wrong) and, with `PNG_IMAGE_FLAG_FAST`, writes
/// unfiltered rows at zlib level 3.
enum PNGEncoder {
    /// The PNG bytes of `surface` (ARGB32 or RGB24, every pixel opaque).
    static func encode(_ surface: OpaquePointer) throws -> Data {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let source = cairo_image_surface_get_data(surface) else {
            throw RenderError.pngEncodingFailed(reason: "the surface has no pixel data")
        }
        // Cairo's pixels are native-endian 0xAARRGGBB words; opaque, so colour needs no
        // un-premultiplying.
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        rgb.withUnsafeMutableBytes { raw in
            guard let target = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            for y in 0..<height {
                let sourceRow = UnsafeRawPointer(source + y * stride).assumingMemoryBound(to: UInt32.self)
                var pixelTarget = target + y * width * 3
                for x in 0..<width {
                    let pixel = sourceRow[x]
                    pixelTarget[0] = UInt8(truncatingIfNeeded: pixel >> 16)
                    pixelTarget[1] = UInt8(truncatingIfNeeded: pixel >> 8)
                    pixelTarget[2] = UInt8(truncatingIfNeeded: pixel)
                    pixelTarget += 3
                }
            }
        }
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(width)
        image.height = png_uint_32(height)
        image.format = png_uint_32(PNG_FORMAT_RGB)
        image.flags = png_uint_32(PNG_IMAGE_FLAG_FAST)
        defer { png_image_free(&image) }
        // Room for the worst case (libpng's PNG_IMAGE_PNG_SIZE_MAX, which Swift cannot import):
        // the filter bytes and pixels, zlib's overhead on incompressible data, a chunk header
        // per IDAT chunk and the other chunks.
        let raw = height * (1 + width * 3)
        var size = png_alloc_size_t(raw + raw / 8 + raw / 64 + 11 + 12 * (raw / 4096 + 1) + 1024)
        var bytes = [UInt8](repeating: 0, count: Int(size))
        guard png_image_write_to_memory(&image, &bytes, &size, 0, rgb, png_int_32(width * 3), nil) != 0 else {
            throw failure(image)
        }
        return Data(bytes[..<Int(size)])
    }

    private static func failure(_ image: png_image) -> RenderError {
        .pngEncodingFailed(reason: image.messageText(or: "libpng gave no reason"))
    }
}
