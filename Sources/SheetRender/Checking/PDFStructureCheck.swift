import Foundation

/// The check every PDF profilesheet writes passes before it takes its final name (sheets,
/// previews, comparisons, `collection.pdf`): the checks `qpdf --check` makes, by the check's
/// own reader (`PDFFileScan`, on `PDFLexer`), over the bytes in place — a sheet in memory,
/// `collection.pdf` mapped from its file. The cross-reference table and trailer are read;
/// every object the table lists must be at its offset and read to its `endobj` (a string or
/// dictionary that does not end, a token qpdf does not read, fails); every reference must be to
/// an object the table has; a stream's data must be exactly `/Length` long and, compressed,
/// inflate to its end; the page tree must lead to pages; and each page's content is parsed
/// (`ContentStreamScan`). A file that qpdf could read only by working around damage fails, as
/// it makes `qpdf --check` exit with status 3.
///
/// Why not libqpdf, which did this until now: it costs, and it holds. Measured with callgrind on
/// the bench's profiles, qpdf's check (`qpdf_check_pdf`, which writes the file into nothing with
/// every stream decoded, then each page's content decoded again) cost 48.0 M instructions a
/// sheet and 51.3 M a sheet more for `collection.pdf`, and, since qpdf keeps every object it
/// has read, a forced build's peak memory grew by 0.86 MiB a sheet (765 MiB at 800 profiles,
/// against some 70 MiB before the check). This reader decodes each stream once, in 64 KiB
/// pieces, scans a page's content as it decodes, keeps a flag an object and the content-stream
/// numbers, and tells the system to drop the mapped file's pages as it passes them, so the
/// collection's check holds little of the file however many sheets it has: 9.2 M instructions
/// a sheet and 9.0 M for its copy in the collection (two thirds of it zlib), and a forced
/// build of 800 profiles peaks at 149 MiB instead of 765 (docs/performance.md). libqpdf stays the oracle: `PDFCheckDifferentialTests` mutates real
/// sheets and requires that whatever `qpdf --check` refuses, this check refuses too.
public enum PDFStructureCheck {
    /// Checks the PDF `bytes`.
    public static func check(_ bytes: Data) throws(PDFCheckError) {
        let result: Result<Void, PDFCheckError> = bytes.withUnsafeBytes { raw in
            var scan = PDFFileScan(raw.bindMemory(to: UInt8.self))
            return Result { () throws(PDFCheckError) in try scan.check() }
        }
        try result.get()
    }

    /// Checks the PDF file at `path`, mapped rather than read: the pages behind the scan are
    /// given back as it goes (`MADV_DONTNEED`), so what the check holds of a file is some
    /// megabytes however large the file is. `observe`, for tests, is called with the mapping
    /// each time the scan has given pages back, and once at the end.
    ///
    /// A mapped file must not change while it is checked: this is the build's own temporary
    /// file, which nothing else writes.
    public static func check(fileAt path: String, observe: ((UnsafeRawBufferPointer) -> Void)? = nil) throws(PDFCheckError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .unreadable(reason: reason)
        }
        let size = Int(status.st_size)
        guard size > 0 else {
            close(descriptor)
            throw .structure(problem: "the file is empty", offset: nil)
        }
        let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        close(descriptor)
        guard let mapping, mapping != MAP_FAILED else { throw .unreadable(reason: String(cString: strerror(errno))) }
        defer { munmap(mapping, size) }
        let raw = UnsafeRawBufferPointer(start: mapping, count: size)
        var scan = PDFFileScan(raw.bindMemory(to: UInt8.self))
        // Whole 2 MiB blocks of the address space: a byte read maps not one page but the
        // page-cache folio around it (ext4 keeps a file just written in large folios, up to
        // 2 MiB) or the aligned 64 KiB of fault-around; with 64 KiB blocks, measured on an
        // 800-sheet collection (81 MB), 39 MB of it stayed resident after the page tree.
        let block = UInt(2 << 20)
        let start = UInt(bitPattern: mapping)
        scan.release = { range in
            let lower = max(start, (start + UInt(range.lowerBound)) & ~(block - 1))
            let upper = min(start + UInt(size), (start + UInt(range.upperBound) + block - 1) & ~(block - 1))
            guard upper > lower, let address = UnsafeMutableRawPointer(bitPattern: lower) else { return }
            madvise(address, Int(upper - lower), MADV_DONTNEED)
            observe?(raw)
        }
        try scan.check()
        observe?(raw)
    }
}
