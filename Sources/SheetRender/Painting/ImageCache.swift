import SheetLayout

/// Decoded images of one rendering, so a logo drawn on several pages is decoded once (and, in
/// a PDF, embedded once: cairo shares an image surface painted repeatedly).
final class ImageCache {
    private struct RasterKey: Hashable {
        var path: String
        var width: Int
        var height: Int
    }

    private var rasters: [RasterKey: RasterImage] = [:]
    private var vectors: [String: VectorImage] = [:]

    /// A PNG or JPEG no larger than `maximumPixels`.
    func raster(path: String, format: PositionedImage.Format, maximumPixels: (width: Int, height: Int)) throws -> RasterImage {
        let key = RasterKey(path: path, width: maximumPixels.width, height: maximumPixels.height)
        if let cached = rasters[key] { return cached }
        let image = try ImageDecoder.loadRaster(path: path, format: format, maximumPixels: maximumPixels)
        rasters[key] = image
        return image
    }

    func vector(path: String) throws -> VectorImage {
        if let cached = vectors[path] { return cached }
        let image = try ImageDecoder.loadVector(path: path)
        vectors[path] = image
        return image
    }
}
