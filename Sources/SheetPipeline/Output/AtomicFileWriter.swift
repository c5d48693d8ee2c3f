import Foundation
import SheetCore

/// A file written in pieces that still appears at its final path complete or not at all:
/// the pieces go to a temporary file in the same folder, every write is checked, and `commit`
/// flushes it to disk and renames it. Dropped without `commit`, it removes the temporary file.
///
/// Made with `keepIfUnchanged`, it compares what it writes with the file already at the path,
/// a block at a time, and `commit` leaves that file alone when the two are the same, so that a
/// build with nothing new rewrites nothing without holding the new file in memory.
public final class AtomicFileWriter {
    public let path: String
    private let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var failure: String?
    private var done = false
    /// Bytes written so far.
    public private(set) var count = 0
    /// The file at `path`, open while everything written so far matches its start.
    private var original: Int32 = -1

    private static let flushThreshold = 1 << 20

    public init(path: String, keepIfUnchanged: Bool = false) throws(PipelineError) {
        self.path = path
        temporary = AtomicFile.temporaryPath(for: path)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unwritableOutput(path: path, reason: AtomicFile.errnoText()) }
        buffer.reserveCapacity(Self.flushThreshold)
        // Compared only with a regular file of its own: a FIFO in the way would block the
        // open, a link would be followed. Whatever is there is replaced by the rename.
        if keepIfUnchanged, case .success(let file) = BoundedFile.openRegular(path, limit: Int.max, followingLinks: false) {
            original = file
        }
    }

    deinit {
        if !done { discard() }
    }

    public func write(_ bytes: some Sequence<UInt8>) {
        let before = buffer.count
        buffer.append(contentsOf: bytes)
        count += buffer.count - before
        if buffer.count >= Self.flushThreshold { flush() }
    }

    public func write(_ text: String) { write(text.utf8) }

    private func flush() {
        guard failure == nil else { buffer.removeAll(keepingCapacity: true); return }
        if original >= 0, !Self.read(original, matches: buffer) { stopComparing() }
        if !buffer.withUnsafeBytes({ FileDescriptorIO.write(descriptor, $0) }) { failure = AtomicFile.errnoText() }
        buffer.removeAll(keepingCapacity: true)
    }

    private func stopComparing() {
        if original >= 0 { close(original) }
        original = -1
    }

    /// Whether the next `expected.count` bytes of `file` are `expected`.
    private static func read(_ file: Int32, matches expected: [UInt8]) -> Bool {
        FileDescriptorIO.read(file, count: expected.count) == expected
    }

    /// Whether nothing is left to read in `file`.
    private static func isAtEnd(_ file: Int32) -> Bool {
        FileDescriptorIO.read(file, count: 1) == []
    }

    /// Flushes, syncs and renames into place; on any failure the temporary file is removed and
    /// the final path keeps what it had. Returns false when, made with `keepIfUnchanged`, it
    /// found the file at the path already the same and left it.
    ///
    /// `check`, when given, is run on the finished temporary file (its path) before the
    /// rename; a reason it returns is a failure like a failed write.
    @discardableResult
    public func commit(check: ((_ temporaryPath: String) -> String?)? = nil) throws(PipelineError) -> Bool {
        flush()
        if original >= 0, failure == nil {
            // Everything matched; the same file also ends here.
            let unchanged = Self.isAtEnd(original)
            stopComparing()
            if unchanged {
                discard()
                return false
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = AtomicFile.errnoText() }
        if close(descriptor) != 0, failure == nil { failure = AtomicFile.errnoText() }
        descriptor = -1
        if failure == nil, let check, let reason = check(temporary) { failure = reason }
        if failure == nil, rename(temporary, path) != 0 { failure = AtomicFile.errnoText() }
        done = true
        if let failure {
            unlink(temporary)
            throw .unwritableOutput(path: path, reason: failure)
        }
        return true
    }

    /// Gives up: the temporary file is removed.
    public func discard() {
        stopComparing()
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
        done = true
    }
}
