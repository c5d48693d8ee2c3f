import Crypto
import Foundation

/// SHA-256 digests of build inputs and outputs, as lowercase hex.
public enum Fingerprint {
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    public static func sha256(_ text: String) -> String {
        sha256(Data(text.utf8))
    }

    /// The digest of a file's bytes, or nil when it cannot be read.
    public static func file(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map(sha256)
    }

    /// One digest of every regular file below `directory` (names and contents, in name
    /// order), or of nothing when it does not exist.
    public static func tree(_ directory: String, including: (String) -> Bool = { _ in true }) -> String {
        var hasher = SHA256()
        let files = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).sorted()
        for relative in files where including(relative) {
            let path = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            hasher.update(data: Data(relative.utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: Data(SHA256.hash(data: data)))
        }
        return hex(hasher.finalize())
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
