import CPangoCairo
import Foundation
import SheetLayout

/// Paints laid-out sheets as PDF documents and PNG images.
///
/// Text is laid out again through `measurer` with the very function that measured it, so lines
/// break where the layout expects. The renderer holds no other state: it is as thread-safe as
/// its measurer, i.e. it serialises on the measurer's lock. For parallel rendering give each
/// worker its own `PangoTextMeasurer` and `SheetRenderer`.
public struct SheetRenderer: Sendable {
    /// Lays text out for drawing; give the renderer the measurer the layout used (or one
    /// configured the same, which every `PangoTextMeasurer` is).
    public let measurer: PangoTextMeasurer
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

    /// A renderer drawing text through `measurer`. Creating a measurer costs a font map and its
    /// font caches (about a millisecond, plus loading each font once): reuse one per worker
    /// rather than making a renderer per sheet with the default.
    public init(measurer: PangoTextMeasurer = PangoTextMeasurer(), imagePixelsPerPoint: Double = 3) {
        self.measurer = measurer
        self.imagePixelsPerPoint = imagePixelsPerPoint
    }

    // MARK: PDF

    /// Writes `document` as a PDF file at `path` (created or replaced in place; writing to a
    /// temporary file and renaming it is the caller's business). On failure the partial file is
    /// removed.
    public func renderPDF(_ document: SheetDocument, to path: String) throws {
        let sink = try OutputSink(path: path)
        try writePDF([document], metadata: document.metadata, grouped: false, into: sink)
    }

    /// `document` as PDF bytes.
    public func pdfData(_ document: SheetDocument) throws -> Data {
        let sink = OutputSink()
        try writePDF([document], metadata: document.metadata, grouped: false, into: sink)
        return sink.data
    }

    /// Writes several documents into one PDF at `path`, described by `metadata`. The outline
    /// has an entry per document (its `bookmark`) with an entry per page below it.
    public func renderCollectionPDF(_ documents: [SheetDocument], metadata: DocumentMetadata, to path: String) throws {
        let sink = try OutputSink(path: path)
        try writePDF(documents, metadata: metadata, grouped: true, into: sink)
    }

    /// `renderCollectionPDF(_:metadata:to:)` as bytes.
    public func collectionPDFData(_ documents: [SheetDocument], metadata: DocumentMetadata) throws -> Data {
        let sink = OutputSink()
        try writePDF(documents, metadata: metadata, grouped: true, into: sink)
        return sink.data
    }

    private func writePDF(_ documents: [SheetDocument], metadata: DocumentMetadata, grouped: Bool, into sink: OutputSink) throws {
        var succeeded = false
        // Removes a half-written file when anything below fails (abandoning twice is harmless).
        defer { if !succeeded { sink.abandon() } }
        let pages = documents.flatMap(\.pages)
        guard let first = pages.first else { throw RenderError.emptyDocument }
        for page in pages { try Self.checkPageSize(page.size) }

        guard let surface = cairo_pdf_surface_create_for_stream(
            OutputSink.cairoWrite, sink.cairoClosure, first.size.width, first.size.height)
        else { throw RenderError.cairo(operation: "creating a PDF surface", message: "no surface", path: sink.path) }
        defer {
            // Destroying an unfinished surface finishes it, writing the rest of the file: on the
            // error path tell the sink to drop that first.
            if !succeeded { sink.abandon() }
            cairo_surface_destroy(surface)
        }
        try CairoCheck.surface(surface, "creating a PDF surface", path: sink.path)
        PDFOutline.setMetadata(metadata, on: surface)

        guard let cr = cairo_create(surface) else {
            throw RenderError.cairo(operation: "creating a cairo context", message: "no context", path: sink.path)
        }
        do {
            defer { cairo_destroy(cr) }
            let painter = PagePainter(
                cr: cr, measurer: measurer, images: ImageCache(), imagePixelsPerPoint: imagePixelsPerPoint,
                tagsStructure: true, isBitmap: false)
            // Cairo 1.16 makes every link tag a structure element too, but when a document has
            // link tags and nothing else it never writes the structure tree, leaving references
            // to objects it never writes (qpdf: "file is damaged"). So everything goes in a
            // `Document` element (the tree's root), each sheet of a collection in a `Part`, and
            // text in `P` elements, in painting order. Cairo then marks the file as tagged.
            //
            // Order matters: `cairo_pdf_surface_set_size` starts the page's recording afresh,
            // dropping whatever was recorded on it before, tags included. So on every page the
            // size comes first, then tags are opened, and they are closed before the page ends.
            let total = pages.count
            var pageNumber = 0
            for document in documents {
                var parent = Int32(CAIRO_PDF_OUTLINE_ROOT)
                if grouped, !document.pages.isEmpty {
                    parent = PDFOutline.addEntry(document.metadata.bookmark, page: pageNumber + 1, open: true, on: surface)
                }
                for (index, page) in document.pages.enumerated() {
                    pageNumber += 1
                    PDFOutline.addEntry(page.title, page: pageNumber, parent: parent, on: surface)
                    cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
                    if pageNumber == 1 { cairo_tag_begin(cr, "Document", "") }
                    if grouped, index == 0 { cairo_tag_begin(cr, "Part", "") }
                    try painter.paint(page)
                    if grouped, index == document.pages.count - 1 { cairo_tag_end(cr, "Part") }
                    if pageNumber == total { cairo_tag_end(cr, "Document") }
                    cairo_show_page(cr)
                    try CairoCheck.context(cr, "drawing page \(pageNumber)", path: sink.path)
                }
            }
        }
        // Finishing writes the fonts, images, outline and cross-reference table.
        cairo_surface_finish(surface)
        try CairoCheck.surface(surface, "finishing the PDF", path: sink.path)
        // Cairo 1.16 may say success after a failed write: the sink knows better.
        try sink.finish()
        succeeded = true
    }

    // MARK: PNG

    /// Writes `page` as a PNG file at `path`, `scale` pixels per point (at most
    /// `maximumBitmapScale`), on white. On failure a partial file is removed.
    public func renderPNG(_ page: Page, scale: Double, to path: String) throws {
        let data = try pngData(page, scale: scale)
        let sink = try OutputSink(path: path)
        do {
            _ = data.withUnsafeBytes { sink.write($0) }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }

    /// `page` as PNG bytes, `scale` pixels per point (at most `maximumBitmapScale`), on white.
    public func pngData(_ page: Page, scale: Double) throws -> Data {
        try withBitmapSurface(page, scale: scale) { surface in
            let sink = OutputSink()
            let status = cairo_surface_write_to_png_stream(surface, OutputSink.cairoWrite, sink.cairoClosure)
            try CairoCheck.status(status, "encoding a PNG")
            try sink.finish()
            return sink.data
        }
    }

    /// `page` as pixels, `scale` pixels per point (at most `maximumBitmapScale`), on white.
    public func bitmap(_ page: Page, scale: Double) throws -> PageBitmap {
        try withBitmapSurface(page, scale: scale) { surface in
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
    private func withBitmapSurface<Result>(_ page: Page, scale: Double, _ body: (OpaquePointer) throws -> Result) throws -> Result {
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
                cr: cr, measurer: measurer, images: ImageCache(), imagePixelsPerPoint: max(1, scale),
                tagsStructure: false, isBitmap: true)
            try painter.paint(page)
            try CairoCheck.context(cr, "drawing a bitmap")
        }
        cairo_surface_flush(surface)
        return try body(surface)
    }

    private static func checkPageSize(_ size: Size) throws {
        guard size.width.isFinite, size.height.isFinite, size.width > 0, size.height > 0,
              size.width <= maximumPageSide, size.height <= maximumPageSide
        else { throw RenderError.invalidSize(operation: "render a page", width: size.width, height: size.height) }
    }
}
