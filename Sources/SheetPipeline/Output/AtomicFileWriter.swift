import Foundation

/// A file written in pieces that still appears at its final path complete or not at all:
/// the pieces go to a temporary file in the same folder, every write is checked, and `commit`
/// flushes it to disk and renames it. Dropped without `commit`, it removes the temporary file.
public final class AtomicFileWriter {
    public let path: String
    private let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var failure: String?
    private var done = false
    /// Bytes written so far.
    public private(set) var count = 0

    private static let flushThreshold = 1 << 20

    public init(path: String) throws(PipelineError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = (url.deletingLastPathComponent().path as NSString).appendingPathComponent(
            ".\(url.lastPathComponent)\(AtomicFile.temporaryMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unwritableOutput(path: path, reason: AtomicFile.errnoText()) }
        buffer.reserveCapacity(Self.flushThreshold)
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

    public func write(_ text: String) { write(Array(text.utf8)) }

    private func flush() {
        guard failure == nil else { buffer.removeAll(keepingCapacity: true); return }
        buffer.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = Glibc.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = AtomicFile.errnoText()
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames into place; on any failure the temporary file is removed and
    /// the final path keeps what it had.
    public func commit() throws(PipelineError) {
        flush()
        if failure == nil, fsync(descriptor) != 0 { failure = AtomicFile.errnoText() }
        if close(descriptor) != 0, failure == nil { failure = AtomicFile.errnoText() }
        descriptor = -1
        if failure == nil, rename(temporary, path) != 0 { failure = AtomicFile.errnoText() }
        done = true
        if let failure {
            unlink(temporary)
            throw .unwritableOutput(path: path, reason: failure)
        }
    }

    /// Gives up: the temporary file is removed.
    public func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
        done = true
    }
}
