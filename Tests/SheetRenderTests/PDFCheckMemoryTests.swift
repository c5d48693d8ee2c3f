import Foundation
@testable import SheetRender
import SheetPDF
import TestSupport
import Testing

/// `collection.pdf` is checked on its file, mapped, and the pages the check has passed are
/// given back as it goes: what of the file is resident in the process stays some megabytes
/// however large the file is (it grew with the collection when libqpdf read it).
@Suite("PDF check memory")
struct PDFCheckMemoryTests {
    /// A valid PDF of `pages` pages, each followed by a Flate stream of `size` bytes that do
    /// not compress (a 64 KiB block of noise, repeated farther apart than deflate's window), as
    /// a collection's pages lie between their sheets' fonts and images.
    static func largePDF(pages: Int, size: Int) throws -> [UInt8] {
        var random: UInt64 = 7
        let block = (0..<65_536).map { _ -> UInt8 in
            random = random &* 6_364_136_223_846_793_005 &+ 1
            return UInt8(truncatingIfNeeded: random >> 56)
        }
        var plain: [UInt8] = []
        while plain.count < size { plain += block }
        let compressed = try FlateCodec.deflate(Array(plain.prefix(size)))
        var out = Array("%PDF-1.5\n".utf8)
        var offsets: [Int] = []
        func object(_ body: String, stream: [UInt8]? = nil) {
            offsets.append(out.count)
            out += Array("\(offsets.count) 0 obj\n\(body)\n".utf8)
            if let stream {
                out += Array("stream\n".utf8) + stream + Array("\nendstream\n".utf8)
            }
            out += Array("endobj\n".utf8)
        }
        let content = try FlateCodec.deflate(Array("q 0 0 1 rg 10 10 100 100 re f Q".utf8))
        let kids = (0..<pages).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [ \(kids) ] /Count \(pages) >>")
        object("<< /Length \(content.count) /Filter /FlateDecode >>", stream: content)
        for _ in 0..<pages {
            object("<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 612 792 ] /Contents 3 0 R >>")
            object("<< /Length \(compressed.count) /Filter /FlateDecode >>", stream: compressed)
        }
        let xref = out.count
        out += Array("xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { out += Array((String(format: "%010d", offset) + " 00000 n \n").utf8) }
        out += Array("trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// The resident size of the mapping that starts at `base`, from /proc/self/smaps.
    static func resident(_ base: UnsafeRawPointer) -> Int? {
        // Read as a stream: /proc files have no size for Foundation to read up to.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/smaps"), let data = try? handle.readToEnd() else { return nil }
        try? handle.close()
        let smaps = String(decoding: data, as: UTF8.self)
        let address = UInt(bitPattern: base)
        var inMapping = false
        for line in smaps.split(separator: "\n") {
            if let dash = line.firstIndex(of: "-"), let start = UInt(line[..<dash], radix: 16), line.contains(" ") {
                inMapping = start == address
            } else if inMapping, line.hasPrefix("Rss:") {
                return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
            }
        }
        return nil
    }

    @Test func aLargeFileIsCheckedWithoutHoldingIt() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("large.pdf").path
        let pdf = try Self.largePDF(pages: 600, size: 110_000)
        try Data(pdf).write(to: URL(fileURLWithPath: path))
        #expect(pdf.count > 60 << 20)
        #expect(try CommandRunner.run("qpdf", ["--check", path]).status == 0)
        nonisolated(unsafe) var most = 0
        nonisolated(unsafe) var looks = 0
        try PDFStructureCheck.check(fileAt: path) { mapping in
            guard let base = mapping.baseAddress, let resident = Self.resident(base) else { return }
            looks += 1
            most = max(most, resident)
        }
        // The page tree's objects are given back as each is read (else the 64 KiB the system
        // maps around each would be most of the file), the objects behind the scan every 8 MiB.
        #expect(looks >= 600, "the check gave pages back \(looks) times")
        #expect(most < 16 << 20, "\(most >> 20) MiB of a \(pdf.count >> 20) MiB file resident at once")
    }
}
