import Crypto
import Foundation
import SheetCore

/// SHA-256 digests of build inputs and outputs, as lowercase hex (swift-crypto's `SHA256`, the
/// project's one SHA-256). Files are hashed a piece at a time (`BoundedFile.chunks`), so that
/// hashing takes the memory of one piece whatever a file's size, and only files no larger than
/// the most any stage reads of them are read at all.
public enum Fingerprint {
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    public static func sha256(_ text: String) -> String {
        sha256(Data(text.utf8))
    }

    /// The digest of a regular file's bytes; nil when it cannot be read, is not a regular file
    /// or is larger than `limit` (then it is not read: the stage that reads it refuses it).
    public static func file(_ path: String, limit: Int) -> String? {
        var hasher = SHA256()
        guard case .success = BoundedFile.chunks(of: path, limit: limit, { hasher.update(bufferPointer: $0) }) else { return nil }
        return hex(hasher.finalize())
    }

    /// One digest of every regular file below `directory` (names and contents, in name
    /// order), or of nothing when it does not exist. A file larger than `limit` (more than any
    /// stage reads of a file there) is not read: its name, size and modification time stand
    /// for it, so that changing it still changes the digest. Folders, links to them, FIFOs and
    /// devices are left out.
    public static func tree(_ directory: String, limit: Int, including: (String) -> Bool = { _ in true }) -> String {
        var hasher = SHA256()
        let files = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).sorted()
        for relative in files where including(relative) {
            let path = (directory as NSString).appendingPathComponent(relative)
            var contents = SHA256()
            let digest: [UInt8]
            switch BoundedFile.chunks(of: path, limit: limit, { contents.update(bufferPointer: $0) }) {
            case .success: digest = Array(contents.finalize())
            case .failure(.tooLarge):
                var status = stat()
                guard stat(path, &status) == 0 else { continue }
                digest = Array("larger than read: \(status.st_size) bytes, modified \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)".utf8)
            case .failure: continue
            }
            hasher.update(data: Data(relative.utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: digest)
        }
        return hex(hasher.finalize())
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        HexDigits.lowercase(digest)
    }
}
