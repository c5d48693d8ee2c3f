import Foundation

/// Writes a file that must not exist yet (`O_EXCL`): what the scaffolds (`new`, `init`) write,
/// never over anything a person wrote. A failed write removes the partial file.
enum NewFile {
    enum Failure: Error {
        case exists
        case unwritable(reason: String)
    }

    static func write(_ text: String, to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw errno == EEXIST ? .exists : .unwritable(reason: String(cString: strerror(errno)))
        }
        let bytes = Array(text.utf8)
        let complete = bytes.withUnsafeBytes { FileDescriptorIO.write(descriptor, $0) }
        let reason = complete ? "" : String(cString: strerror(errno))
        let closed = close(descriptor) == 0
        guard complete, closed else {
            let why = reason.isEmpty ? String(cString: strerror(errno)) : reason
            unlink(path)
            throw .unwritable(reason: why)
        }
    }
}
