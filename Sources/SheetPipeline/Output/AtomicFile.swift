import Foundation
import SheetCore

/// Writes files so that they appear at their final path complete or not at all: the bytes go
/// to a temporary file in the same folder, every write is checked (a full disk fails here, not
/// silently), the file is flushed to disk, and only then renamed over the final path.
public enum AtomicFile {
    /// Marks temporary files, so a later run can sweep those a killed run left behind.
    public static let temporaryMarker = ".profilesheet-tmp-"

    /// A new name for a temporary file beside `path`, which `sweepTemporaries` recognises.
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return (url.deletingLastPathComponent().path as NSString).appendingPathComponent(
            ".\(url.lastPathComponent)\(temporaryMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    }

    public static func write(_ data: Data, to path: String) throws(PipelineError) {
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unwritableOutput(path: path, reason: errnoText()) }
        var failure: String?
        if !data.withUnsafeBytes({ FileDescriptorIO.write(descriptor, $0) }) { failure = errnoText() }
        if failure == nil, fsync(descriptor) != 0 { failure = errnoText() }
        if close(descriptor) != 0, failure == nil { failure = errnoText() }
        if failure == nil, rename(temporary, path) != 0 { failure = errnoText() }
        if let failure {
            unlink(temporary)
            throw .unwritableOutput(path: path, reason: failure)
        }
    }

    /// Removes temporary files that an interrupted run left in `directory`.
    public static func sweepTemporaries(in directory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(".") && name.contains(temporaryMarker) {
            unlink((directory as NSString).appendingPathComponent(name))
        }
    }

    /// Creates `directory` (and its parents) if needed.
    public static func ensureDirectory(_ directory: String) throws(PipelineError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .unwritableOutput(path: directory, reason: error.localizedDescription)
        }
        guard access(directory, W_OK) == 0 else { throw .unwritableOutput(path: directory, reason: errnoText()) }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// Whether `path` is a regular file itself (a symbolic link is not followed).
    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Why a file of the output folder was not read, for an error's reason.
    static func describe(_ problem: BoundedFile.Problem, limit: Int) -> String {
        switch problem {
        case .notFound: "it does not exist"
        case .notARegularFile: "it is not a regular file (a link, a pipe, a device or a folder)"
        case .tooLarge(let bytes): "it is \(bytes) bytes, more than the \(limit) read"
        case .unreadable(let reason): reason
        }
    }
}
