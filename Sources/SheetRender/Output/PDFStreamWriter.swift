import CPangoCairo
import Foundation
import SheetLayout
import SheetPDF

/// Paints documents one after another into one PDF surface, so that a collection of any size
/// never holds more than one laid-out document in memory. A document's pages are painted when
/// the next document arrives (or at `finish`), because the last page must close the structure
/// tree's root element before it ends.
final class PDFStreamWriter {
    private let sink: OutputSink
    private let metadata: DocumentMetadata
    private let grouped: Bool
    private let shaper: LineShaper
    private let images: ImageCache
    private let imagePixelsPerPoint: Double
    private var surface: OpaquePointer?
    private var cr: OpaquePointer?
    private var painter: PagePainter?
    private var tagger: StructureTagger?
    private var pending: SheetDocument?
    private var pageNumber = 0
    private var finished = false

    init(
        sink: OutputSink, metadata: DocumentMetadata, grouped: Bool, shaper: LineShaper, images: ImageCache,
        imagePixelsPerPoint: Double
    ) {
        self.sink = sink
        self.metadata = metadata
        self.grouped = grouped
        self.shaper = shaper
        self.images = images
        self.imagePixelsPerPoint = imagePixelsPerPoint
    }

    deinit {
        if !finished { abandon() }
    }

    /// Queues `document`; paints the one queued before it.
    func add(_ document: SheetDocument) throws {
        for page in document.pages { try SheetRenderer.checkPageSize(page.size) }
        guard !document.pages.isEmpty else { return }
        if let previous = pending { try paint(previous, isLast: false) }
        pending = document
    }

    /// Paints the last document and writes the rest of the file: fonts, images, outline,
    /// cross-reference table. Throws the first failure of cairo or of the sink. Returns the
    /// structure elements painted, in the order opened, for `PDFAccessibilityPass`.
    @discardableResult
    func finish() throws -> [TaggedElement] {
        guard let last = pending else {
            abandon()
            throw RenderError.emptyDocument
        }
        try paint(last, isLast: true)
        pending = nil
        if let cr { cairo_destroy(cr) }
        cr = nil
        guard let surface else { throw RenderError.emptyDocument }
        cairo_surface_finish(surface)
        try CairoCheck.surface(surface, "finishing the PDF", path: sink.path)
        cairo_surface_destroy(surface)
        self.surface = nil
        // Cairo 1.16 may say success after a failed write: the sink knows better.
        try sink.finish()
        finished = true
        return tagger?.elements ?? []
    }

    /// Drops everything; a file sink's partial file is removed.
    func abandon() {
        // Destroying an unfinished surface finishes it, writing the rest of the file: the sink
        // is told to drop that first.
        sink.abandon()
        if let cr { cairo_destroy(cr) }
        if let surface { cairo_surface_destroy(surface) }
        cr = nil
        surface = nil
        finished = true
    }

    private func start(with size: Size) throws -> (OpaquePointer, OpaquePointer, PagePainter) {
        if let surface, let cr, let painter { return (surface, cr, painter) }
        guard let surface = cairo_pdf_surface_create_for_stream(OutputSink.cairoWrite, sink.cairoClosure, size.width, size.height) else {
            throw RenderError.cairo(operation: "creating a PDF surface", message: "no surface", path: sink.path)
        }
        self.surface = surface
        try CairoCheck.surface(surface, "creating a PDF surface", path: sink.path)
        PDFOutline.setMetadata(metadata, on: surface)
        guard let cr = cairo_create(surface) else {
            throw RenderError.cairo(operation: "creating a cairo context", message: "no context", path: sink.path)
        }
        self.cr = cr
        let tagger = StructureTagger(cr: cr, documentLanguage: metadata.language)
        self.tagger = tagger
        let painter = PagePainter(
            cr: cr, shaper: shaper, images: images, imagePixelsPerPoint: imagePixelsPerPoint,
            tagger: tagger, isBitmap: false)
        self.painter = painter
        return (surface, cr, painter)
    }

    private func paint(_ document: SheetDocument, isLast: Bool) throws {
        guard let firstPage = document.pages.first else { return }
        let (surface, cr, painter) = try start(with: firstPage.size)
        guard let tagger = painter.tagger else { return }
        // Cairo 1.16 makes every link tag a structure element too, but when a document has
        // link tags and nothing else it never writes the structure tree, leaving references
        // to objects it never writes (qpdf: "file is damaged"). So everything goes in a
        // `Document` element (the tree's root), each sheet of a collection in a `Part`, and
        // text in `P` elements, in painting order. Cairo then marks the file as tagged.
        //
        // Order matters: `cairo_pdf_surface_set_size` starts the page's recording afresh,
        // dropping whatever was recorded on it before, tags included. So on every page the
        // size comes first, then tags are opened, and they are closed before the page ends.
        var parent = Int32(CAIRO_PDF_OUTLINE_ROOT)
        if grouped {
            parent = PDFOutline.addEntry(document.metadata.bookmark, page: pageNumber + 1, open: false, on: surface)
        }
        for (index, page) in document.pages.enumerated() {
            pageNumber += 1
            PDFOutline.addEntry(page.title, page: pageNumber, parent: parent, on: surface)
            cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
            if pageNumber == 1 { tagger.begin("Document") }
            if grouped, index == 0 { tagger.begin("Part", language: document.metadata.language) }
            try painter.paint(page)
            if grouped, index == document.pages.count - 1 { tagger.end("Part") }
            if isLast, index == document.pages.count - 1 { tagger.end("Document") }
            cairo_show_page(cr)
            try CairoCheck.context(cr, "drawing page \(pageNumber)", path: sink.path)
        }
    }
}
