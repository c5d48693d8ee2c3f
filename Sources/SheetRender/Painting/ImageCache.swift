import SheetCore
import SheetLayout

/// Decoded images of one sheet, so a logo drawn on several pages, or in the PDF and then in the
/// thumbnail, is decoded once (and, in a PDF, embedded once: cairo shares an image surface
/// painted repeatedly).
///
/// Create one per sheet (a cache keeps its images until it goes) and hand it to
/// `SheetRenderer.decodeImages(of:into:)` and then `SheetRenderer.renderSheet`.
public final class ImageCache {
    private struct Raster {
        /// The bound it was decoded within.
        var bound: (width: Int, height: Int)
        var image: RasterImage
    }

    private var rasters: [String: [Raster]] = [:]
    private var vectors: [String: VectorImage] = [:]
    /// How many raster images have been decoded into the cache, for tests.
    private(set) var rasterDecodes = 0

    public init() {}

    /// How many pixels a raster image needs to fill `size` points at `pixelsPerPoint`: at least
    /// 1 each way, and never more than any image may have, so that absurd rectangles cannot
    /// overflow the conversion.
    static func pixelBound(for size: Size, pixelsPerPoint: Double) -> (width: Int, height: Int) {
        func pixels(_ points: Double) -> Int {
            let wanted = (points * pixelsPerPoint).rounded(.up)
            guard wanted.isFinite else { return ImageProbe.maximumPixels }
            return Int(max(1, min(Double(ImageProbe.maximumPixels), wanted)))
        }
        return (pixels(size.width), pixels(size.height))
    }

    /// A PNG or JPEG no larger than `maximumPixels` — or one decoded earlier within a larger
    /// bound, which cairo shrinks as it paints: the thumbnail reuses the PDF's image rather than
    /// decoding the file again.
    func raster(path: String, format: PositionedImage.Format, maximumPixels: (width: Int, height: Int)) throws -> RasterImage {
        let decoded = rasters[path] ?? []
        if let reusable = decoded.first(where: { $0.bound.width >= maximumPixels.width && $0.bound.height >= maximumPixels.height }) {
            return reusable.image
        }
        let image = try ImageDecoder.loadRaster(path: path, format: format, maximumPixels: maximumPixels)
        rasterDecodes += 1
        rasters[path, default: []].append(Raster(bound: maximumPixels, image: image))
        return image
    }

    func vector(path: String) throws -> VectorImage {
        if let cached = vectors[path] { return cached }
        let image = try ImageDecoder.loadVector(path: path)
        vectors[path] = image
        return image
    }

    /// What `SVGCleaner` left out of the SVG at `path`, once it is in the cache.
    public func leftOut(ofVectorAt path: String) -> [String] {
        vectors[path]?.leftOut ?? []
    }

    /// An SVG loaded after `ImageDecoder.check`'s checks, so that painting parses it no more.
    func checkedVector(path: String) throws -> VectorImage {
        if let cached = vectors[path] { return cached }
        let image = try ImageDecoder.loadCheckedVector(path: path)
        vectors[path] = image
        return image
    }
}
