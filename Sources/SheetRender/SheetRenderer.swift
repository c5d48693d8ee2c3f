import CPangoCairo
import Foundation
import SheetLayout
import SheetPDF

/// Paints laid-out sheets as PDF documents and PNG images.
///
/// It paints what the frames say and decides nothing: text is drawn line by line as layout
/// broke it (`TextMetrics.lines`), each line shaped on its own by the renderer's `LineShaper`,
/// so the renderer needs no measurer. The shaper is its only state, guarded by a lock: one
/// renderer can be shared, but serialises its callers. For parallel rendering give each
/// worker its own `SheetRenderer`.
public struct SheetRenderer: Sendable {
    /// Shapes the lines of text for drawing, on a Pango font map it may share with a measurer.
    let shaper: LineShaper
    /// In PDFs, raster images are shrunk to at most this many pixels per point of the
    /// rectangle they fill (3 is about 216 dpi), which keeps files small.
    public var imagePixelsPerPoint: Double

    /// The largest page side, in points (PDF's limit: 200 inches).
    public static let maximumPageSide = 14_400.0
    /// The largest bitmap side, in pixels.
    public static let maximumBitmapSide = 16_384
    /// The most pixels a bitmap may have (4 bytes each while it is painted).
    public static let maximumBitmapPixels = 50_000_000
    /// The largest bitmap scale, in pixels per point (with the largest font size the measurer
    /// uses, this keeps glyphs within what FreeType accepts).
    public static let maximumBitmapScale = 16.0

    /// A renderer with a line shaper of its own, on `fonts` (a font map of its own when not
    /// given). Creating one costs a font map and its font caches (about a millisecond, plus
    /// loading each font once): reuse one per worker rather than making a renderer per sheet,
    /// and give it the font map of the worker's measurer, so that drawing loads no font that
    /// measuring did not (`SharedFontMap`).
    public init(imagePixelsPerPoint: Double = 3, fonts: SharedFontMap = SharedFontMap()) {
        self.shaper = LineShaper(fonts: fonts)
        self.imagePixelsPerPoint = imagePixelsPerPoint
    }

    /// Tells the renderer a sheet is finished: the lines it shaped for this sheet are kept for
    /// the next one (the text sheets share), the rest are dropped.
    public func finishSheet() {
        shaper.finishSheet()
    }

    /// How many lines the renderer has shaped rather than taken from its cache, for tests.
    var linesShaped: Int { shaper.linesShaped }

    // MARK: PDF

    /// Writes `document` as a PDF file at `path` (created or replaced in place; writing to a
    /// temporary file and renaming it is the caller's business). On failure the partial file is
    /// removed.
    public func renderPDF(_ document: SheetDocument, to path: String) throws {
        try write(writePDF([document], metadata: document.metadata, grouped: false), to: path)
    }

    /// `document` as PDF bytes.
    public func pdfData(_ document: SheetDocument) throws -> Data {
        try writePDF([document], metadata: document.metadata, grouped: false)
    }

    /// Writes several documents into one PDF at `path`, described by `metadata`. The outline
    /// has an entry per document (its `bookmark`) with an entry per page below it; the
    /// structure tree a `Part` per document.
    public func renderCollectionPDF(_ documents: [SheetDocument], metadata: DocumentMetadata, to path: String) throws {
        try write(writePDF(documents, metadata: metadata, grouped: true), to: path)
    }

    /// `renderCollectionPDF(_:metadata:to:)` as bytes.
    public func collectionPDFData(_ documents: [SheetDocument], metadata: DocumentMetadata) throws -> Data {
        try writePDF(documents, metadata: metadata, grouped: true)
    }

    /// `document` as cairo and the accessibility pass write it, before `PDFFontProgramCompactor`:
    /// for the tests that compare the two.
    func uncompactedPDFData(_ document: SheetDocument) throws -> Data {
        try writePDF([document], metadata: document.metadata, grouped: false, compacting: false)
    }

    /// The documents painted by cairo into memory, then made accessible by
    /// `PDFAccessibilityPass` (which needs the whole file), then, `compacting`, compacted by
    /// `PDFFontProgramCompactor` where they embed CID-keyed CFF fonts.
    private func writePDF(
        _ documents: [SheetDocument], metadata: DocumentMetadata, grouped: Bool, images: ImageCache = ImageCache(),
        compacting: Bool = true
    ) throws -> Data {
        guard documents.contains(where: { !$0.pages.isEmpty }) else { throw RenderError.emptyDocument }
        let sink = OutputSink()
        let writer = PDFStreamWriter(
            sink: sink, metadata: metadata, grouped: grouped, shaper: shaper, images: images,
            imagePixelsPerPoint: imagePixelsPerPoint)
        let elements: [TaggedElement]
        do {
            for document in documents { try writer.add(document) }
            elements = try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
        let accessible: Data
        do {
            accessible = Data(try PDFAccessibilityPass.apply(
                to: sink.bytes, title: metadata.title, language: metadata.language, elements: elements))
        } catch {
            throw RenderError.accessibilityPass(reason: "\(error)")
        }
        // Then the CJK fonts' unused subroutines go (qpdf rewrites the file, keeping its objects).
        return compacting ? try PDFFontProgramCompactor.compact(accessible) : accessible
    }

    /// `data` written to `path`; on failure a partial file is removed.
    private func write(_ data: Data, to path: String) throws {
        let sink = try OutputSink(path: path)
        do {
            _ = data.withUnsafeBytes { sink.write($0) }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }

    // MARK: PNG

    /// Writes `page` as a PNG file at `path`, `scale` pixels per point (at most
    /// `maximumBitmapScale`), on white. On failure a partial file is removed.
    public func renderPNG(_ page: Page, scale: Double, to path: String) throws {
        try write(pngData(page, scale: scale), to: path)
    }

    /// `page` as PNG bytes, `scale` pixels per point (at most `maximumBitmapScale`), on white.
    public func pngData(_ page: Page, scale: Double) throws -> Data {
        try pngData(page, scale: scale, images: ImageCache())
    }

    private func pngData(_ page: Page, scale: Double, images: ImageCache) throws -> Data {
        try withBitmapSurface(page, scale: scale, images: images) { surface in
            try PNGEncoder.encode(surface)
        }
    }

    // MARK: A sheet's files

    /// Decodes every image `document` draws into `images`, rasters at the size its PDF needs,
    /// so that painting decodes nothing again; a check as thorough as `ImageDecoder.check` for
    /// those images. Returns the first problem, nil when every image decodes.
    public func decodeImages(of document: SheetDocument, into images: ImageCache) -> RenderError? {
        var problem: RenderError?
        func visit(_ frame: Frame) {
            for item in frame.items where problem == nil {
                switch item {
                case .group(let child):
                    visit(child)
                case .image(let image):
                    do {
                        if image.format == .svg {
                            _ = try images.checkedVector(path: image.path)
                        } else {
                            guard image.rect.width > 0, image.rect.height > 0 else { continue }
                            let bound = ImageCache.pixelBound(for: image.rect.size, pixelsPerPoint: imagePixelsPerPoint)
                            _ = try images.raster(path: image.path, format: image.format, maximumPixels: bound)
                        }
                    } catch let error as RenderError {
                        problem = error
                    } catch {
                        problem = .imageDecodeFailed(path: image.path, format: image.format, reason: "\(error)")
                    }
                default:
                    continue
                }
            }
        }
        for page in document.pages where problem == nil { visit(page.frame) }
        return problem
    }

    /// Which pages of a sheet `renderSheet` paints as PNG as well.
    public enum PNGPages: Sendable {
        /// The first page only: a thumbnail.
        case first
        case all
    }

    /// `document` as PDF bytes and the pages `pngPages` names as PNG bytes (`pngScale` pixels
    /// per point), painted together: each image is decoded once for all of them (or not at all,
    /// when `images` has it from `decodeImages`), and each line of text is shaped once for all
    /// of them.
    public func renderSheet(
        _ document: SheetDocument, images: ImageCache = ImageCache(), pngScale: Double, pngPages: PNGPages
    ) throws -> (pdf: Data, pngs: [Data]) {
        let pdf = try writePDF([document], metadata: document.metadata, grouped: false, images: images)
        let pages = pngPages == .first ? Array(document.pages.prefix(1)) : document.pages
        let pngs = try pages.map { try pngData($0, scale: pngScale, images: images) }
        return (pdf, pngs)
    }

    /// `page` as pixels, `scale` pixels per point (at most `maximumBitmapScale`), on white.
    public func bitmap(_ page: Page, scale: Double) throws -> PageBitmap {
        try withBitmapSurface(page, scale: scale, images: ImageCache()) { surface in
            let width = Int(cairo_image_surface_get_width(surface))
            let height = Int(cairo_image_surface_get_height(surface))
            let stride = Int(cairo_image_surface_get_stride(surface))
            guard let data = cairo_image_surface_get_data(surface) else {
                throw RenderError.cairo(operation: "reading the bitmap", message: "no pixel data", path: nil)
            }
            var pixels: [UInt32] = []
            pixels.reserveCapacity(width * height)
            for y in 0..<height {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                pixels.append(contentsOf: UnsafeBufferPointer(start: row, count: width))
            }
            return PageBitmap(width: width, height: height, pixels: pixels)
        }
    }

    /// Paints `page` on a white ARGB32 image surface and hands it to `body`.
    private func withBitmapSurface<Result>(
        _ page: Page, scale: Double, images: ImageCache, _ body: (OpaquePointer) throws -> Result
    ) throws -> Result {
        try Self.checkPageSize(page.size)
        let width = (page.size.width * scale).rounded(.up)
        let height = (page.size.height * scale).rounded(.up)
        guard scale.isFinite, scale > 0, scale <= Self.maximumBitmapScale, width >= 1, height >= 1,
              width <= Double(Self.maximumBitmapSide), height <= Double(Self.maximumBitmapSide),
              width * height <= Double(Self.maximumBitmapPixels)
        else { throw RenderError.invalidSize(operation: "render a bitmap", width: width, height: height) }

        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw RenderError.cairo(operation: "creating an image surface", message: "no surface", path: nil)
        }
        defer { cairo_surface_destroy(surface) }
        try CairoCheck.surface(surface, "creating an image surface")
        guard let cr = cairo_create(surface) else {
            throw RenderError.cairo(operation: "creating a cairo context", message: "no context", path: nil)
        }
        do {
            defer { cairo_destroy(cr) }
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, scale, scale)
            let painter = PagePainter(
                cr: cr, shaper: shaper, images: images, imagePixelsPerPoint: max(1, scale),
                tagger: nil, isBitmap: true)
            try painter.paint(page)
            try CairoCheck.context(cr, "drawing a bitmap")
        }
        cairo_surface_flush(surface)
        return try body(surface)
    }

    static func checkPageSize(_ size: Size) throws {
        guard size.width.isFinite, size.height.isFinite, size.width > 0, size.height > 0,
              size.width <= maximumPageSide, size.height <= maximumPageSide
        else { throw RenderError.invalidSize(operation: "render a page", width: size.width, height: size.height) }
    }
}
