import CPangoCairo
import SheetLayout

/// The metadata and outline cairo writes into a PDF.
enum PDFOutline {
    /// Sets the document information: title, subject, keywords, author (if any), creator and
    /// both dates (cairo would otherwise stamp the wall clock and the output would differ on
    /// every run).
    static func setMetadata(_ metadata: DocumentMetadata, on surface: OpaquePointer) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject)
        if !metadata.keywords.isEmpty {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords.joined(separator: ", "))
        }
        if let author = metadata.author {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author)
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, metadata.creator)
        let date = CairoTagText.pdfDate(metadata.date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }

    /// Adds an outline entry to the page numbered `page` (from 1) and returns its id, the
    /// parent for entries below it.
    @discardableResult
    static func addEntry(_ title: String, page: Int, parent: Int32 = Int32(CAIRO_PDF_OUTLINE_ROOT), open: Bool = false,
                         on surface: OpaquePointer) -> Int32 {
        let flags = open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(rawValue: 0)
        return cairo_pdf_surface_add_outline(surface, parent, title, "page=\(page)", flags)
    }
}
