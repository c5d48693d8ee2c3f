import CPangoCairo
import SheetLayout

extension ImageDecoder {
    /// The bitmap scale of a trial: the largest a sheet's pages are painted at in practice (the
    /// preview's 110 dpi is 1.53 pixels per point, the thumbnails' 0.49).
    public static let trialPixelsPerPoint = 2.0

    /// Decodes and draws the image at `path` the way a sheet does, at `size` points: a raster at
    /// the pixels a PDF needs (`SheetRenderer.imagePixelsPerPoint`), an SVG onto a PDF page and
    /// into a bitmap at `trialPixelsPerPoint`. What `check` returns. Meant to run in a child
    /// process with resource limits (the `check-image` command): librsvg's panics abort the
    /// process they happen in, and some images take hours or gigabytes.
    public static func trial(path: String, format: PositionedImage.Format, size: Size, rasterPixelsPerPoint: Double = 3) -> Result<[String], RenderError> {
        let fitted = Size(width: min(max(size.width, 1), 2_000), height: min(max(size.height, 1), 2_000))
        do {
            switch format {
            case .png, .jpeg:
                let bound = ImageCache.pixelBound(for: fitted, pixelsPerPoint: rasterPixelsPerPoint)
                _ = try loadRaster(path: path, format: format, maximumPixels: bound)
                return .success([])
            case .svg:
                let image = try loadCheckedVector(path: path)
                try drawOnPDFPage(image, size: fitted)
                try drawInBitmap(image, width: Int((fitted.width * trialPixelsPerPoint).rounded(.up)), height: Int((fitted.height * trialPixelsPerPoint).rounded(.up)))
                return .success(image.leftOut)
            }
        } catch let error as RenderError {
            return .failure(error)
        } catch {
            return .failure(.imageDecodeFailed(path: path, format: format, reason: "\(error)"))
        }
    }

    private static func drawOnPDFPage(_ image: VectorImage, size: Size) throws {
        let sink = OutputSink()
        guard let surface = cairo_pdf_surface_create_for_stream(OutputSink.cairoWrite, sink.cairoClosure, size.width, size.height) else {
            throw RenderError.cairo(operation: "creating a PDF surface", message: "no surface", path: image.path)
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else {
            throw RenderError.cairo(operation: "creating a cairo context", message: "no context", path: image.path)
        }
        defer { cairo_destroy(cr) }
        try image.draw(in: cr, rect: Rect(x: 0, y: 0, width: size.width, height: size.height))
        cairo_show_page(cr)
        cairo_surface_finish(surface)
        try CairoCheck.surface(surface, "drawing an SVG onto a PDF page", path: image.path)
    }
}
