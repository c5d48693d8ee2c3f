import Foundation

/// The names in a folder that are not valid UTF-8 (a file copied from an old Latin-1 system,
/// `bad\xFF.yaml`), so that they are reported as what they are. Foundation on Linux gives such
/// a name with U+FFFD in place of each invalid byte, a name no file has: opened, it "does not
/// exist", which is what a run said before.
///
/// The folder is read again with `readdir` only when a name Foundation gave holds U+FFFD, so a
/// folder of UTF-8 names costs nothing more.
public enum NonUTF8FileNames {
    public struct Name: Sendable, Equatable {
        /// The name with each byte that is not UTF-8 written `\xFF` (its value in hex).
        public var shown: String
        /// The first such byte, and its offset in the name.
        public var invalidByte: UInt8
        public var offset: Int
    }

    /// The names of `directory` that are not UTF-8, sorted by how they are shown; none when
    /// `listed` (the names Foundation gave) holds no U+FFFD or the folder cannot be read.
    public static func find(in directory: String, listed: [String]) -> [Name] {
        guard listed.contains(where: { $0.unicodeScalars.contains("\u{FFFD}") }), let folder = opendir(directory) else { return [] }
        defer { closedir(folder) }
        var found: [Name] = []
        while let entry = readdir(folder) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if String(validating: bytes, as: UTF8.self) == nil, let name = name(of: bytes) { found.append(name) }
        }
        return found.sorted { $0.shown < $1.shown }
    }

    /// `bytes` shown, with its first invalid byte; nil when every byte is UTF-8.
    static func name(of bytes: [UInt8]) -> Name? {
        var shown = ""
        var first: (byte: UInt8, offset: Int)?
        var index = 0
        while index < bytes.count {
            // The scalar at `index`: the shortest run of 1–4 bytes that is valid UTF-8.
            if let length = (1...min(4, bytes.count - index)).first(where: { String(validating: bytes[index..<(index + $0)], as: UTF8.self) != nil }) {
                shown += String(decoding: bytes[index..<(index + length)], as: UTF8.self)
                index += length
            } else {
                if first == nil { first = (bytes[index], index) }
                shown += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return first.map { Name(shown: shown, invalidByte: $0.byte, offset: $0.offset) }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
