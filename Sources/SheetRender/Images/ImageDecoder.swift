import CPangoCairo
import CRsvg
import Foundation
import SheetCore
import SheetLayout

/// Decodes image files for painting, and checks them ahead of rendering.
///
/// Raster images go through a gdk-pixbuf loader forced to the expected type (so no other
/// installed loader ever sees the bytes) after their header has been read with `ImageProbe`,
/// so an image claiming 20 000 × 20 000 pixels is refused before anything is inflated.
public enum ImageDecoder {
    /// Fully decodes the image at `path` as `format`: what `SVGCleaner` left out of an SVG
    /// (empty for a raster or a clean SVG) when it decodes, otherwise the problem (unreadable,
    /// truncated, corrupt, not that format, too large, an SVG with nothing left to draw or that
    /// librsvg rejects or cannot draw).
    public static func check(path: String, format: PositionedImage.Format) -> Result<[String], RenderError> {
        do {
            switch format {
            case .png, .jpeg:
                // Every byte is still decoded, but a large JPEG is reconstructed at a fraction
                // of its size (libjpeg scales in the DCT), which saves time and memory.
                _ = try loadRaster(path: path, format: format, maximumPixels: (1024, 1024))
                return .success([])
            case .svg:
                return .success(try loadCheckedVector(path: path).leftOut)
            }
        } catch let error as RenderError {
            return .failure(error)
        } catch {
            return .failure(.imageDecodeFailed(path: path, format: format, reason: "\(error)"))
        }
    }

    /// Decodes a PNG or JPEG, shrunk (keeping its aspect ratio) to fit within `maximumPixels`
    /// when it is larger; nil means full size.
    static func loadRaster(path: String, format: PositionedImage.Format, maximumPixels: (width: Int, height: Int)?) throws -> RasterImage {
        func failure(_ reason: String) -> RenderError { .imageDecodeFailed(path: path, format: format, reason: reason) }
        let data = try read(path, format: format)
        let info: ImageProbe.Info
        switch ImageProbe.probe(data) {
        case .success(let probed): info = probed
        case .failure(let problem): throw failure(describe(problem))
        }
        guard info.format.rawValue == format.rawValue else {
            throw failure("the file holds a \(info.format.rawValue.uppercased()) image")
        }
        if let problem = RasterCompleteness.problem(in: data, format: format) { throw failure(problem) }

        if format == .png {
            do {
                return try PNGDecoder.decode([UInt8](data), within: maximumPixels)
            } catch let error as PNGDecodeError {
                throw failure(error.message)
            }
        }

        // A reference taken from the JPEG loader: ours to release.
        let pixbuf = try decodeJPEG(data, info: info, maximumPixels: maximumPixels, failure: failure)
        defer { GLibInterop.unref(pixbuf) }

        // The scaled copy, if any, is ours too.
        var source = pixbuf
        var scaled: OpaquePointer?
        defer { if let scaled { GLibInterop.unref(scaled) } }
        if let limit = maximumPixels {
            let width = Int(gdk_pixbuf_get_width(pixbuf))
            let height = Int(gdk_pixbuf_get_height(pixbuf))
            let fitted = fittedSize(width: width, height: height, within: limit)
            if fitted.width < width || fitted.height < height,
               let smaller = gdk_pixbuf_scale_simple(pixbuf, Int32(fitted.width), Int32(fitted.height), GDK_INTERP_BILINEAR) {
                scaled = smaller
                source = smaller
            }
        }
        guard let image = RasterImage.make(from: source) else { throw failure("unsupported pixel layout or out of memory") }
        return image
    }

    /// A JPEG decoded by gdk-pixbuf's loader, at a fraction of its size when it is much larger
    /// than `maximumPixels` (libjpeg scales in the DCT).
    private static func decodeJPEG(
        _ data: Data, info: ImageProbe.Info, maximumPixels: (width: Int, height: Int)?, failure: (String) -> RenderError
    ) throws -> OpaquePointer {
        var error: UnsafeMutablePointer<GError>?
        guard let loader = gdk_pixbuf_loader_new_with_type("jpeg", &error) else {
            throw failure(GLibInterop.consume(&error) ?? "no gdk-pixbuf loader for this format")
        }
        defer { GLibInterop.unref(loader) }
        if let limit = maximumPixels {
            let (width, height) = fittedSize(width: Int(info.width), height: Int(info.height), within: limit)
            if width < Int(info.width) || height < Int(info.height) {
                gdk_pixbuf_loader_set_size(loader, Int32(width), Int32(height))
            }
        }
        let written = data.withUnsafeBytes { bytes in
            gdk_pixbuf_loader_write(loader, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), gsize(bytes.count), &error)
        }
        let writeMessage = GLibInterop.consume(&error)
        // Always close, even after a failed write: the loader complains when finalised open.
        // Closing is also where truncated data is reported.
        let closed = gdk_pixbuf_loader_close(loader, &error)
        let closeMessage = GLibInterop.consume(&error)
        guard written != 0 else { throw failure(writeMessage ?? "the data could not be decoded") }
        guard closed != 0 else { throw failure(closeMessage ?? "the image data is incomplete") }
        // The loader owns its pixbuf: keep it past the loader.
        guard let pixbuf = gdk_pixbuf_loader_get_pixbuf(loader) else { throw failure("no image in the file") }
        g_object_ref(UnsafeMutableRawPointer(pixbuf))
        return pixbuf
    }

    /// Loads an SVG document after the checks `check` makes: its header and references first
    /// (librsvg draws nothing, and reports nothing, for references it will not load), then a
    /// test drawing.
    static func loadCheckedVector(path: String) throws -> VectorImage {
        if case .failure(let problem) = ImageProbe.probe(file: path) {
            throw RenderError.imageDecodeFailed(path: path, format: .svg, reason: describe(problem))
        }
        let image = try loadVector(path: path)
        try drawTest(image)
        return image
    }

    /// Loads an SVG document: the file read (at most `ImageProbe.maximumSVGSize` bytes),
    /// cleaned by `SVGCleaner`, and the cleaned bytes handed to librsvg from memory. The handle
    /// has no base file or URI, so librsvg has nothing to resolve a relative reference against
    /// and loads no file even if one were left.
    static func loadVector(path: String) throws -> VectorImage {
        let data: Data
        switch BoundedFile.read(path, limit: ImageProbe.maximumSVGSize) {
        case .success(let read): data = read
        case .failure(.tooLarge(let bytes)):
            throw RenderError.imageDecodeFailed(path: path, format: .svg, reason: "the file has \(bytes) bytes, more than \(ImageProbe.maximumSVGSize) for an SVG")
        case .failure: throw RenderError.imageDecodeFailed(path: path, format: .svg, reason: describe(.unreadable))
        }
        let cleaned: CleanedSVG
        switch SVGCleaner.clean([UInt8](data)) {
        case .success(let result): cleaned = result
        case .failure(.nothingLeft(let leftOut)): throw RenderError.svgLeftEmpty(path: path, leftOut: leftOut)
        case .failure(let failure): throw RenderError.imageDecodeFailed(path: path, format: .svg, reason: failure.description)
        }
        var error: UnsafeMutablePointer<GError>?
        let made = cleaned.bytes.withUnsafeBufferPointer { rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error) }
        guard let handle = made else {
            throw RenderError.imageDecodeFailed(path: path, format: .svg, reason: GLibInterop.consume(&error) ?? "librsvg could not load it")
        }
        _ = GLibInterop.consume(&error)
        return VectorImage(handle: handle, path: path, leftOut: cleaned.leftOut)
    }

    /// Draws an SVG into a small bitmap, which reports what only drawing finds (bad references,
    /// unsupported content that librsvg treats as an error).
    private static func drawTest(_ image: VectorImage) throws {
        try drawInBitmap(image, width: 32, height: 32)
    }

    /// Draws an SVG fitted into a `width` × `height` bitmap (each side at most 4096).
    static func drawInBitmap(_ image: VectorImage, width: Int, height: Int) throws {
        let width = min(max(width, 1), 4_096), height = min(max(height, 1), 4_096)
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else { return }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { return }
        defer { cairo_destroy(cr) }
        try image.draw(in: cr, rect: Rect(x: 0, y: 0, width: Double(width), height: Double(height)))
    }

    /// The largest size of the same aspect ratio within `limit`, at least 1 × 1.
    static func fittedSize(width: Int, height: Int, within limit: (width: Int, height: Int)) -> (width: Int, height: Int) {
        guard width > limit.width || height > limit.height, width > 0, height > 0 else { return (width, height) }
        let factor = min(Double(limit.width) / Double(width), Double(limit.height) / Double(height))
        return (max(1, Int((Double(width) * factor).rounded())), max(1, Int((Double(height) * factor).rounded())))
    }

    private static func read(_ path: String, format: PositionedImage.Format) throws -> Data {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw RenderError.imageDecodeFailed(path: path, format: format, reason: "the file cannot be read")
        }
        if let size = attributes[.size] as? NSNumber, size.intValue > ImageProbe.maximumFileSize {
            throw RenderError.imageDecodeFailed(
                path: path, format: format, reason: "the file has \(size.intValue) bytes, more than \(ImageProbe.maximumFileSize)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RenderError.imageDecodeFailed(path: path, format: format, reason: "the file cannot be read")
        }
        return data
    }

    private static func describe(_ problem: ImageProbe.Problem) -> String {
        switch problem {
        case .unreadable: "the file cannot be read"
        case .tooLarge(let bytes): "the file has \(bytes) bytes, more than \(ImageProbe.maximumFileSize)"
        case .unknownFormat: "the file is not a PNG, JPEG or SVG image"
        case .truncated(let format): "the \(format.rawValue.uppercased()) header is truncated or invalid"
        case .tooManyPixels(let width, let height):
            "the image is \(width) × \(height) pixels, more than \(ImageProbe.maximumPixels) per side"
        case .malformedSVG(let message): "malformed SVG: \(message)"
        case .svgWithoutSize: "the SVG has no size"
        case .externalReference(let reference): "the SVG refers to something outside itself: \(reference)"
        }
    }
}
