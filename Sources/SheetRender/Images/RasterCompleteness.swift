import Foundation
import SheetLayout

/// Checks that a PNG or JPEG file is complete, by walking its structure without decoding it.
///
/// gdk-pixbuf's loaders report no error for a file cut short, at any point after the header:
/// they return the rows they got and leave the rest transparent or grey. Damage inside the
/// data is for libpng and libjpeg to find (libpng checks the CRCs of critical chunks).
enum RasterCompleteness {
    /// nil when the file is whole, else what is missing.
    static func problem(in data: Data, format: PositionedImage.Format) -> String? {
        let bytes = [UInt8](data)
        switch format {
        case .png: return png(bytes)
        case .jpeg: return jpeg(bytes)
        case .svg: return nil
        }
    }

    /// A chain of chunks (length, type, data, CRC) from the signature to `IEND`.
    private static func png(_ bytes: [UInt8]) -> String? {
        var offset = 8  // past the signature
        var sawImageData = false
        while offset + 12 <= bytes.count {
            let length = bigEndian(bytes, offset, 4)
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            guard offset + 12 + length <= bytes.count else { return "the file ends inside its \(type) chunk" }
            if type == "IDAT" { sawImageData = true }
            if type == "IEND" { return sawImageData ? nil : "the file has no image data" }
            offset += 12 + length
        }
        return "the file ends before its IEND chunk"
    }

    /// Marker segments up to the first scan, then an end-of-image marker after it. Inside the
    /// entropy-coded data a 0xFF byte is always followed by 0x00 or a restart marker, so
    /// FF D9 can only be the end of the image.
    private static func jpeg(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return "the file does not start like a JPEG" }
        var index = 2
        while index + 2 <= bytes.count {
            guard bytes[index] == 0xFF else { return "a marker is missing at byte \(index)" }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }  // fill byte
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }  // no length
            if marker == 0xD9 { return "the file ends before any image data" }
            guard index + 4 <= bytes.count else { return "the file ends inside a marker segment" }
            let length = bigEndian(bytes, index + 2, 2)
            guard length >= 2, index + 2 + length <= bytes.count else { return "the file ends inside a marker segment" }
            index += 2 + length
            if marker == 0xDA {
                var scan = index
                while scan + 1 < bytes.count {
                    if bytes[scan] == 0xFF && bytes[scan + 1] == 0xD9 { return nil }
                    scan += 1
                }
                return "the file ends inside its image data"
            }
        }
        return "the file ends before its image data"
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<(offset + count)].reduce(0) { $0 << 8 | Int($1) }
    }
}
