import CQPDF
import Foundation

/// The check every PDF profilesheet writes passes before it takes its final name (sheets,
/// previews, `collection.pdf`), the checks `qpdf --check` makes: libqpdf reads the file and
/// writes it out again into nothing with every stream decoded (`qpdf_check_pdf`), so a broken
/// cross-reference table, a string or dictionary that does not end, a missing object or a
/// stream that does not decode is found; then each page's content is parsed
/// (`ContentStreamScan`), which `qpdf_check_pdf` does not do and `qpdf --check` does. A file
/// qpdf can read only by recovering from damage fails too: its warnings are what make
/// `qpdf --check` exit with status 3.
///
/// What it costs is in docs/performance.md (about a millisecond for a sheet, read from the
/// bytes in memory).
public enum PDFStructureCheck {
    /// How many of qpdf's warnings an error keeps.
    static let keptWarnings = 3

    /// Checks the PDF `bytes`, named `name` in qpdf's messages.
    public static func check(_ bytes: Data, name: String) throws(PDFCheckError) {
        guard !bytes.isEmpty else { throw .failed(kind: .damagedPDF, detail: "the file is empty", offset: 0) }
        let result: Result<Void, PDFCheckError> = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else {
                return .failure(.failed(kind: .damagedPDF, detail: "the file is empty", offset: 0))
            }
            // qpdf reads the buffer in place: it must outlive the check, which it does here.
            return run { qpdf in _ = qpdf_read_memory(qpdf, name, base, UInt64(raw.count), nil) }
        }
        try result.get()
    }

    /// Checks the PDF file at `path` (read as qpdf needs it, not all at once).
    public static func check(fileAt path: String) throws(PDFCheckError) {
        try run { qpdf in _ = qpdf_read(qpdf, path, nil) }.get()
    }

    /// Reads with `read`, checks, and turns what qpdf reported into the result. Errors and
    /// warnings are asked for with `qpdf_has_error` and `qpdf_more_warnings` rather than read
    /// from the status codes, as qpdf-c.h recommends.
    private static func run(_ read: (qpdf_data) -> Void) -> Result<Void, PDFCheckError> {
        var qpdf: qpdf_data? = qpdf_init()
        guard let handle = qpdf else {
            return .failure(.failed(kind: .system, detail: "libqpdf could not start", offset: 0))
        }
        defer { qpdf_cleanup(&qpdf) }
        // Nothing on the terminal: what qpdf finds becomes the error.
        qpdf_silence_errors(handle)
        qpdf_set_suppress_warnings(handle, QPDF_TRUE)
        read(handle)
        if qpdf_has_error(handle) == QPDF_FALSE {
            _ = qpdf_check_pdf(handle)
        }
        if qpdf_has_error(handle) != QPDF_FALSE { return .failure(errorOrUnknown(in: handle, doing: "checking")) }
        var warnings: [String] = []
        var count = 0
        while qpdf_more_warnings(handle) != QPDF_FALSE, let warning = qpdf_next_warning(handle) {
            count += 1
            if warnings.count < keptWarnings { warnings.append(detail(of: warning, in: handle)) }
        }
        if count > 0 { return .failure(.damaged(warnings: warnings, count: count)) }
        return checkContents(of: handle)
    }

    /// Each page's content, decoded and concatenated by qpdf, read by `ContentStreamScan`.
    private static func checkContents(of qpdf: qpdf_data) -> Result<Void, PDFCheckError> {
        let pages = qpdf_get_num_pages(qpdf)
        guard pages >= 0, qpdf_has_error(qpdf) == QPDF_FALSE else {
            return .failure(errorOrUnknown(in: qpdf, doing: "counting the pages"))
        }
        for index in 0..<Int(pages) {
            let page = qpdf_get_page_n(qpdf, index)
            defer { qpdf_oh_release(qpdf, page) }
            var buffer: UnsafeMutablePointer<UInt8>?
            var length = 0
            _ = qpdf_oh_get_page_content_data(qpdf, page, &buffer, &length)
            defer { free(buffer) }
            guard qpdf_has_error(qpdf) == QPDF_FALSE else {
                return .failure(errorOrUnknown(in: qpdf, doing: "reading the content of page \(index + 1)"))
            }
            var scan = ContentStreamScan(UnsafeBufferPointer(start: buffer, count: buffer == nil ? 0 : length))
            if let problem = scan.problem() { return .failure(.content(page: index + 1, problem: problem)) }
        }
        return .success(())
    }

    private static func errorOrUnknown(in qpdf: qpdf_data, doing what: String) -> PDFCheckError {
        guard let error = qpdf_get_error(qpdf) else { return .failed(kind: .internalError, detail: "\(what) failed", offset: 0) }
        return .failed(kind: PDFCheckError.Kind(qpdf_get_error_code(qpdf, error)), detail: detail(of: error, in: qpdf),
                       offset: qpdf_get_error_file_position(qpdf, error))
    }

    /// The message of `error` without the file name and position qpdf puts before it.
    private static func detail(of error: qpdf_error, in qpdf: qpdf_data) -> String {
        guard let text = qpdf_get_error_message_detail(qpdf, error) else { return "no details" }
        let detail = String(cString: text)
        return detail.isEmpty ? "no details" : detail
    }
}
