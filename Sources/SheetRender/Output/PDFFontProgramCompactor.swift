import CQPDF
import Foundation

/// Rewrites a PDF that cairo wrote so that its CID-keyed CFF font programs (the CJK faces)
/// keep only the subroutines their glyphs call (`CFFSubroutineSubsetter`); every other object
/// is written back as it was, streams still compressed, through qpdf.
///
/// A PDF without such a font program (every sheet in a script Noto Sans covers with TrueType
/// faces) is returned as it is, found by a search for the stream subtype in cairo's
/// uncompressed object dictionaries: a Latin sheet pays that search and nothing else. A
/// Japanese sample sheet costs about 6 ms more (qpdf reading and writing 1 MB, HarfBuzz
/// subsetting two faces) and comes out at 0.1 of its size.
enum PDFFontProgramCompactor {
    /// The stream subtype of an embedded CID-keyed CFF font program (PDF 1.7, table 126).
    private static let subtype = "/CIDFontType0C"
    private static let marker = Data(subtype.utf8)

    /// `pdf` with its CFF font programs compacted; `pdf` itself when it has none or none got
    /// smaller. Throws when qpdf cannot read what cairo wrote or write it back.
    static func compact(_ pdf: Data, path: String? = nil) throws -> Data {
        guard pdf.range(of: marker) != nil else { return pdf }
        guard let qpdf = qpdf_init() else { throw RenderError.pdfRewrite(operation: "starting qpdf", message: "no memory", path: path) }
        var handle: qpdf_data? = qpdf
        defer { qpdf_cleanup(&handle) }
        qpdf_silence_errors(qpdf)
        qpdf_set_suppress_warnings(qpdf, QPDF_TRUE)
        // What cairo wrote is whole; a file that needs repairing is an error, not a guess.
        qpdf_set_attempt_recovery(qpdf, 0)
        return try pdf.withUnsafeBytes { raw -> Data in
            // qpdf reads from the buffer as it goes: it stays valid until qpdf_cleanup.
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return pdf }
            qpdf_read_memory(qpdf, path ?? "sheet.pdf", base, UInt64(raw.count), nil)
            try check(qpdf, "reading the PDF", path: path)
            guard try replaceFontPrograms(qpdf, path: path) > 0 else { return pdf }
            qpdf_init_write_memory(qpdf)
            try check(qpdf, "starting to write the PDF", path: path)
            // Streams stay as they are (no decoding); the replaced ones, unfiltered, are
            // compressed. The ID is made from the content, so equal sheets stay equal files.
            // No object streams (and so a classic cross-reference table), which is what
            // `PDFStructureCheck` and the collection writer read; cairo writes none either.
            qpdf_set_decode_level(qpdf, qpdf_dl_none)
            qpdf_set_compress_streams(qpdf, QPDF_TRUE)
            qpdf_set_stream_data_mode(qpdf, qpdf_s_compress)
            qpdf_set_object_stream_mode(qpdf, qpdf_o_disable)
            qpdf_set_deterministic_ID(qpdf, QPDF_TRUE)
            qpdf_write(qpdf)
            try check(qpdf, "writing the PDF", path: path)
            guard let buffer = qpdf_get_buffer(qpdf) else {
                throw RenderError.pdfRewrite(operation: "writing the PDF", message: "qpdf wrote nothing", path: path)
            }
            return Data(bytes: buffer, count: qpdf_get_buffer_length(qpdf))
        }
    }

    /// Replaces each CID-keyed CFF font program that subsets smaller; returns how many.
    private static func replaceFontPrograms(_ qpdf: qpdf_data, path: String?) throws -> Int {
        let trailer = qpdf_get_trailer(qpdf)
        let objectCount = qpdf_oh_get_int_value_as_int(qpdf, qpdf_oh_get_key(qpdf, trailer, "/Size"))
        try check(qpdf, "reading the cross-reference table", path: path)
        var replaced = 0
        for id in 1..<max(1, objectCount) {
            let object = qpdf_get_object_by_id(qpdf, Int32(id), 0)
            defer { qpdf_oh_release(qpdf, object) }
            guard qpdf_oh_is_stream(qpdf, object) == QPDF_TRUE else { continue }
            let dictionary = qpdf_oh_get_dict(qpdf, object)
            let kind = qpdf_oh_get_key(qpdf, dictionary, "/Subtype")
            let isCFF = qpdf_oh_is_name_and_equals(qpdf, kind, subtype) == QPDF_TRUE
            qpdf_oh_release(qpdf, kind)
            qpdf_oh_release(qpdf, dictionary)
            guard isCFF else { continue }
            var bytes: UnsafeMutablePointer<UInt8>?
            var length = 0
            var filtered: QPDF_BOOL = 0
            qpdf_oh_get_stream_data(qpdf, object, qpdf_dl_generalized, &filtered, &bytes, &length)
            defer { free(bytes) }
            try check(qpdf, "reading font program \(id)", path: path)
            guard filtered == QPDF_TRUE, let bytes else { continue }
            guard let smaller = CFFSubroutineSubsetter.subset(Data(bytesNoCopy: bytes, count: length, deallocator: .none)) else {
                continue
            }
            let none = qpdf_oh_new_null(qpdf)
            smaller.withUnsafeBytes { program in
                qpdf_oh_replace_stream_data(
                    qpdf, object, program.baseAddress?.assumingMemoryBound(to: UInt8.self), program.count, none, none)
            }
            qpdf_oh_release(qpdf, none)
            try check(qpdf, "replacing font program \(id)", path: path)
            replaced += 1
        }
        return replaced
    }

    /// Throws qpdf's error, if it has one.
    private static func check(_ qpdf: qpdf_data, _ operation: String, path: String?) throws {
        guard qpdf_has_error(qpdf) == QPDF_TRUE else { return }
        let error = qpdf_get_error(qpdf)
        let message = error.flatMap { qpdf_get_error_full_text(qpdf, $0) }.map { String(cString: $0) } ?? "unknown error"
        throw RenderError.pdfRewrite(operation: operation, message: message, path: path)
    }
}
