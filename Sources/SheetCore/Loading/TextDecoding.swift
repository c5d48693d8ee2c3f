import Foundation

/// UTF-8 decoding that says where it fails, which Yams does not: line, column and byte offset
/// of the first invalid byte. A leading BOM is accepted and dropped.
public enum TextDecoding {
    public struct InvalidByte: Error, Sendable, Hashable {
        public var offset: Int
        public var byte: UInt8
        public var line: Int
        public var column: Int
        /// The file starts with a UTF-16 byte-order mark.
        public var looksLikeUTF16 = false
    }

    /// The text for quoting lines in diagnostics, whatever the bytes: a BOM dropped, invalid
    /// bytes as U+FFFD; nil for UTF-16, whose lines would be noise.
    public static func lossy(_ data: Data) -> String? {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        return String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
    }

    public static func decodeUTF8(_ data: Data) -> Result<String, InvalidByte> {
        var bytes = [UInt8](data)
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if let offset = UTF8Validator.firstInvalidOffset(in: bytes, from: start) {
            let (line, column) = position(ofByte: offset, in: bytes, from: start)
            let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            return .failure(InvalidByte(offset: offset, byte: bytes[offset], line: line, column: column, looksLikeUTF16: utf16))
        }
        if start > 0 { bytes.removeFirst(start) }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// 1-based line and column (in Unicode scalars, as libyaml counts) of a byte offset; the
    /// bytes before it are valid UTF-8.
    static func position(ofByte offset: Int, in bytes: [UInt8], from start: Int) -> (Int, Int) {
        let prefix = String(decoding: bytes[start..<offset], as: UTF8.self)
        let lines = SourceLines.split(prefix)
        return (lines.count, lines[lines.count - 1].unicodeScalars.count + 1)
    }

    /// The control characters that a YAML file may not hold (anything below U+0020 but tab, line
    /// feed and carriage return; DEL; the C1 controls), and the line and paragraph separators
    /// U+2028 and U+2029 (line breaks to libyaml, not to most editors, so that every line number
    /// after one would be off), with their positions: the first `limit`.
    static func forbiddenControls(in text: String, limit: Int) -> [(scalar: Unicode.Scalar, line: Int, column: Int)] {
        var found: [(scalar: Unicode.Scalar, line: Int, column: Int)] = []
        var line = 1
        var column = 1
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                if !previousWasCR { line += 1 }
                column = 1
                previousWasCR = false
                continue
            case "\r":
                line += 1
                column = 1
                previousWasCR = true
                continue
            case "\t":
                break
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    found.append((scalar, line, column))
                    if found.count >= limit { return found }
                }
            }
            previousWasCR = false
            column += 1
        }
        return found
    }
}
