import Foundation
import SheetCore

/// The line layout of `manifest.json`: the run's own fields on the first line, then one
/// compact JSON object per sheet, in id order, each on a line of its own:
///
/// ```
/// {"collection":"…","format":1,"tool":"…","warnings":[…],"sheets":[
/// {"id":"cscce","inputs":{…},…},
/// {"id":"us-rse","inputs":{…},…}
/// ]}
/// ```
///
/// It is one JSON object like any other, and reads with any JSON parser. The layout lets a
/// build write the manifest a sheet at a time, find an entry by its line without decoding the
/// rest, and read the run's fields from the first line alone; it also keeps a change to one
/// sheet a change to one line in version control. Keys are sorted within every object, so the
/// same run writes the same bytes.
extension Manifest {
    /// The manifest without its sheets: what the first line holds.
    public struct Head: Codable, Sendable, Equatable {
        public var collection: String?
        public var format: Int = Manifest.format
        public var tool: String
        public var warnings: [Diagnostic]

        public init(collection: String?, tool: String, warnings: [Diagnostic]) {
            self.collection = collection
            self.tool = tool
            self.warnings = warnings
        }
    }

    /// What ends the first line: the opening of the sheets' array.
    static let sheetsOpening = Array(#","sheets":["#.utf8)
    /// The last line.
    static let closing = Array("]}\n".utf8)
    /// How every entry line starts: its id comes first, keys being sorted.
    static let entryPrefix = Array(#"{"id":""#.utf8)

    private static func compactEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The first line, newline included.
    static func headLine(_ head: Head) throws -> [UInt8] {
        var bytes = [UInt8](try compactEncoder().encode(head))
        // `{…}` becomes `{…,"sheets":[`.
        guard bytes.last == UInt8(ascii: "}") else { throw ManifestEncodingError.unexpectedJSON }
        bytes.removeLast()
        return bytes + sheetsOpening + [0x0A]
    }

    /// A sheet's entry: one line of compact JSON, without comma or newline.
    static func entryLine(_ sheet: Sheet) throws -> [UInt8] {
        let bytes = [UInt8](try compactEncoder().encode(sheet))
        // JSON escapes every control character inside strings, so the entry holds no newline.
        guard bytes.starts(with: entryPrefix), !bytes.contains(0x0A) else { throw ManifestEncodingError.unexpectedJSON }
        return bytes
    }

    /// The head written on the first line of `line`, when it is one (`{…,"sheets":[`).
    static func head(fromFirstLine line: ArraySlice<UInt8>) -> Head? {
        guard line.first == UInt8(ascii: "{"), line.count > sheetsOpening.count, line.suffix(sheetsOpening.count).elementsEqual(sheetsOpening)
        else { return nil }
        let object = Array(line.dropLast(sheetsOpening.count)) + [UInt8(ascii: "}")]
        guard let head = try? JSONDecoder().decode(Head.self, from: Data(object)), head.format == format else { return nil }
        return head
    }

    /// The id an entry line starts with, read without decoding the line; nil when the id is
    /// written with escapes (then the line is decoded).
    static func id(ofEntryLine line: ArraySlice<UInt8>) -> String? {
        guard line.starts(with: entryPrefix) else { return nil }
        let start = line.startIndex + entryPrefix.count
        guard let end = line[start...].firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }),
              line[end] == UInt8(ascii: "\"") else { return nil }
        return String(decoding: line[start..<end], as: UTF8.self)
    }

    /// The run's fields of the manifest `file`, read from its first line (or by decoding it
    /// whole when it is laid out otherwise); nil when there is none, or it is unreadable or of
    /// another format.
    public static func head(in file: String) -> Head? {
        if let reader = LineReader(path: file), let first = reader.next() {
            if let head = head(fromFirstLine: first.bytes) { return head }
        }
        guard let manifest = read(file) else { return nil }
        return Head(collection: manifest.collection, tool: manifest.tool, warnings: manifest.warnings)
    }
}

/// A manifest value JSONEncoder wrote in an unexpected shape.
enum ManifestEncodingError: Error {
    case unexpectedJSON
}
