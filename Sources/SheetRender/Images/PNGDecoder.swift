import CSPNG
import SheetCore

/// Decodes PNG files with libspng a row at a time, shrinking each row into the image as it
/// comes (`RowShrinker`), so a logo never holds its full-size pixels: its memory is that of the
/// size it is painted at.
///
/// libspng rather than libpng: libpng reads rows one at a time only through its full API, whose
/// errors arrive by `longjmp`, which Swift code cannot take; libspng returns error codes. Like
/// libpng's sequential reader, it stops with an error at a damaged compressed stream (gdk-pixbuf's
/// progressive PNG loader only warns there, and a corrupt logo came out as a grey box).
enum PNGDecoder {
    /// The image in `data`, shrunk (keeping its aspect ratio) to fit within `limit` when it is
    /// larger; full size when `limit` is nil. Throws `PNGDecodeError`.
    static func decode(_ data: [UInt8], within limit: (width: Int, height: Int)?) throws -> RasterImage {
        guard let context = spng_ctx_new(0) else { throw PNGDecodeError("no memory for a decoder") }
        defer { spng_ctx_free(context) }
        return try data.withUnsafeBytes { bytes -> RasterImage in
            try check(spng_set_png_buffer(context, bytes.baseAddress, bytes.count))
            let side = UInt32(ImageProbe.maximumPixels)
            try check(spng_set_image_limits(context, side, side))
            var header = spng_ihdr()
            try check(spng_get_ihdr(context, &header))
            let width = Int(header.width), height = Int(header.height)
            // Grey or colour with alpha, or a tRNS chunk: the image has transparency.
            var transparency = spng_trns()
            let hasAlpha = header.color_type == 4 || header.color_type == 6 || spng_get_trns(context, &transparency) == 0
            let fitted = limit.map { ImageDecoder.fittedSize(width: width, height: height, within: $0) } ?? (width: width, height: height)
            var shrinker = RowShrinker(
                sourceWidth: width, sourceHeight: height, width: fitted.width, height: fitted.height, hasAlpha: hasAlpha)
            // Opaque images as RGB: a fourth byte a pixel would only be converted and skipped.
            let format = Int32(hasAlpha ? SPNG_FMT_RGBA8.rawValue : SPNG_FMT_RGB8.rawValue)
            let rowBytes = shrinker.sourceChannels * width
            let flags = Int32(SPNG_DECODE_TRNS.rawValue | SPNG_DECODE_GAMMA.rawValue)
            let image = try RasterImage.make(width: fitted.width, height: fitted.height, hasAlpha: hasAlpha) {
                (writeRow: (Int, UnsafeBufferPointer<UInt32>) -> Void) throws(PNGDecodeError) in
                if header.interlace_method == 0 {
                    try check(spng_decode_image(context, nil, 0, format, flags | Int32(SPNG_DECODE_PROGRESSIVE.rawValue)))
                    var row = [UInt8](repeating: 0, count: rowBytes)
                    for _ in 0..<height {
                        // The last row comes with SPNG_EOI: the image is complete.
                        let status = row.withUnsafeMutableBytes { spng_decode_row(context, $0.baseAddress, $0.count) }
                        if status != 0, status != Int32(SPNG_EOI.rawValue) { try check(status) }
                        row.withUnsafeBufferPointer { bytes in
                            if let start = bytes.baseAddress { shrinker.add(start, write: writeRow) }
                        }
                    }
                } else {
                    // Interlaced (Adam7): the passes fill every row in turn, so the whole image is
                    // decoded first. Rare for logos.
                    var size = 0
                    try check(spng_decoded_image_size(context, format, &size))
                    var pixels = [UInt8](repeating: 0, count: size)
                    try check(pixels.withUnsafeMutableBytes { spng_decode_image(context, $0.baseAddress, $0.count, format, flags) })
                    pixels.withUnsafeBufferPointer { all in
                        guard let start = all.baseAddress else { return }
                        for y in 0..<height { shrinker.add(start + rowBytes * y, write: writeRow) }
                    }
                }
            }
            guard let image, shrinker.rowsWritten == fitted.height else { throw PNGDecodeError("unsupported pixel layout or out of memory") }
            return image
        }
    }

    private static func check(_ status: Int32) throws(PNGDecodeError) {
        guard status != 0 else { return }
        throw PNGDecodeError(String(cString: spng_strerror(status)))
    }
}

/// Why libspng refused a PNG, in its words.
struct PNGDecodeError: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
