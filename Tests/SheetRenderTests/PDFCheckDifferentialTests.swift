import Foundation
import SheetCore
import SheetLayout
@testable import SheetRender
import TestSupport
import Testing

/// `PDFStructureCheck` against its oracle, `qpdf --check`: real sheets (a Latin one as cairo
/// and the accessibility pass write it, a Japanese one as qpdf writes it back when it compacts
/// the CJK font programs) are damaged in the ways a file gets damaged — cut short, bytes
/// flipped, objects dropped, compressed data corrupted, cross-reference offsets moved — and
/// every damaged file qpdf refuses must be refused by the check too. Where the check refuses
/// what qpdf lets through, it is stricter on purpose (see `stricterThanQPDF`).
@Suite("PDF check against qpdf")
struct PDFCheckDifferentialTests {
    let measurer = PangoTextMeasurer()
    var renderer: SheetRenderer { SheetRenderer() }

    /// A damaged file and how it was damaged.
    struct Mutant {
        let how: String
        let bytes: Data
    }

    /// A small deterministic generator (an LCG), so every run damages the same bytes.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Where `needle` first is in `bytes[range]`.
    static func find(_ needle: String, in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        let needle = Array(needle.utf8)
        guard range.count >= needle.count else { return nil }
        for start in range.lowerBound...(range.upperBound - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }

    /// The file's cross-reference table, read with plain byte searches (not the check's
    /// reader): where its entries start, and the in-use objects' numbers and offsets.
    static func table(_ bytes: [UInt8]) throws -> (entries: Int, objects: [(number: Int, offset: Int)]) {
        let xref = try #require(find("\nxref\n", in: bytes, max(0, bytes.count - 200_000)..<bytes.count))
        let headerEnd = try #require(find("\n", in: bytes, (xref + 6)..<bytes.count))
        let header = String(decoding: bytes[(xref + 6)..<headerEnd], as: UTF8.self).split(separator: " ")
        let first = try #require(Int(header[0]))
        let count = try #require(Int(header[1]))
        let entries = headerEnd + 1
        let objects = (0..<count).compactMap { index -> (Int, Int)? in
            let entry = entries + index * 20
            guard bytes[entry + 17] == UInt8(ascii: "n"), let offset = Int(String(decoding: bytes[entry..<(entry + 10)], as: UTF8.self)) else { return nil }
            return (first + index, offset)
        }
        return (entries, objects)
    }

    static func mutants(of pdf: Data, seed: UInt64) throws -> [Mutant] {
        var out: [Mutant] = []
        var random = Generator(state: seed)
        let bytes = [UInt8](pdf)
        // Cut short, at the end (the last line, the trailer) and anywhere.
        for cut in [1, 2, 6, 7, 20, 60, 200] { out.append(Mutant(how: "cut \(cut) bytes from the end", bytes: pdf.prefix(pdf.count - cut))) }
        for _ in 0..<8 {
            let at = random.next(pdf.count)
            out.append(Mutant(how: "cut at \(at)", bytes: pdf.prefix(at)))
        }
        // One byte flipped, anywhere.
        for _ in 0..<70 {
            var flipped = bytes
            let at = random.next(bytes.count)
            flipped[at] ^= UInt8(1 + random.next(255))
            out.append(Mutant(how: "byte \(at) flipped from \(bytes[at]) to \(flipped[at])", bytes: Data(flipped)))
        }
        let table = try table(bytes)
        let objects = table.objects.sorted { $0.offset < $1.offset }
        let tableStart = try #require(find("\nxref\n", in: bytes, max(0, bytes.count - 200_000)..<bytes.count)) + 1
        for (index, object) in objects.enumerated() {
            let end = index + 1 < objects.count ? objects[index + 1].offset : tableStart
            // An object dropped (the table still lists it): its bytes blanked.
            var dropped = bytes
            dropped.replaceSubrange(object.offset..<end, with: [UInt8](repeating: 0x20, count: end - object.offset))
            out.append(Mutant(how: "object \(object.number) blanked out", bytes: Data(dropped)))
            // An object taken out, the bytes after it moving up.
            if index % 4 == 1 {
                var removed = bytes
                removed.removeSubrange(object.offset..<end)
                out.append(Mutant(how: "object \(object.number) taken out", bytes: Data(removed)))
            }
            // A cross-reference offset moved.
            if index % 3 == 0 {
                var moved = bytes
                let entry = table.entries + (object.number - (table.objects.first?.number ?? 1) + 1) * 20
                let number = Array(String(format: "%010d", object.offset + (index % 2 == 0 ? 1 : -1)).utf8)
                moved.replaceSubrange(entry..<(entry + 10), with: number)
                out.append(Mutant(how: "the offset of object \(object.number) moved", bytes: Data(moved)))
            }
            // Compressed data corrupted, in the middle of a stream.
            if let stream = find("stream\n", in: bytes, object.offset..<end), let endstream = find("endstream", in: bytes, stream..<end),
               find("/FlateDecode", in: bytes, object.offset..<stream) != nil, endstream - stream > 16 {
                var corrupt = bytes
                let at = stream + 9 + random.next(endstream - stream - 12)
                corrupt[at] ^= 0xA5
                out.append(Mutant(how: "the Flate data of object \(object.number) corrupted at \(at)", bytes: Data(corrupt)))
            }
        }
        return out
    }

    /// Whether `qpdf --check` refuses `bytes` (status 2, errors, or 3, warnings).
    static func qpdfRefuses(_ bytes: Data, in directory: URL) throws -> Bool {
        let path = directory.appendingPathComponent("mutant.pdf").path
        try bytes.write(to: URL(fileURLWithPath: path))
        return try CommandRunner.run("qpdf", ["--check", path]).status != 0
    }

    static func compare(_ pdf: Data, seed: UInt64) throws -> (missed: [String], stricter: [String], refused: Int, count: Int) {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try !qpdfRefuses(pdf, in: directory))
        #expect(PDFStructureCheckTests.problem(pdf) == nil)
        var missed: [String] = []
        var stricter: [String] = []
        var refused = 0
        let mutants = try mutants(of: pdf, seed: seed)
        for mutant in mutants {
            let ours = PDFStructureCheckTests.problem(mutant.bytes)
            let theirs = try qpdfRefuses(mutant.bytes, in: directory)
            if ours != nil { refused += 1 }
            if theirs, ours == nil { missed.append(mutant.how) }
            if !theirs, let ours { stricter.append("\(mutant.how): \(ours)") }
        }
        return (missed, stricter, refused, mutants.count)
    }

    @Test func whatQPDFRefusesInALatinSheetTheCheckRefuses() throws {
        let pdf = try renderer.pdfData(Fixtures.document(measurer: measurer))
        let result = try Self.compare(pdf, seed: 7)
        #expect(result.missed.isEmpty, "qpdf refuses, the check lets through: \(result.missed)")
        #expect(result.stricter.allSatisfy(Self.stricterThanQPDF), "\(result.stricter.filter { !Self.stricterThanQPDF($0) })")
        #expect(result.refused > result.count / 2, "\(result.refused) of \(result.count) refused")
    }

    @Test func whatQPDFRefusesInAJapaneseSheetItWroteTheCheckRefuses() throws {
        let pdf = try renderer.pdfData(CFFCompactionTests().document())
        #expect(!PDFStructureCheckTests.latin1(pdf).contains("/ObjStm"), "the compactor writes no object streams")
        let result = try Self.compare(pdf, seed: 11)
        #expect(result.missed.isEmpty, "qpdf refuses, the check lets through: \(result.missed)")
        #expect(result.stricter.allSatisfy(Self.stricterThanQPDF), "\(result.stricter.filter { !Self.stricterThanQPDF($0) })")
        #expect(result.refused > result.count / 2, "\(result.refused) of \(result.count) refused")
    }

    /// Where the check refuses what `qpdf --check` lets through, and why that is right for
    /// files profilesheet writes (each seen in these mutants): every compressed stream must
    /// inflate to its end, fonts and images too (qpdf decodes only the pages' content, so a
    /// corrupt font program passes its check and fails in the viewer); the file must end with
    /// `%%EOF` (qpdf does not look); a cross-reference entry must be exactly as ISO 32000 writes
    /// it (qpdf reads past a damaged one).
    static func stricterThanQPDF(_ line: String) -> Bool {
        ["does not decode: ", "does not end with '%%EOF'", "the cross-reference entry of object "].contains { line.contains($0) }
    }
}
