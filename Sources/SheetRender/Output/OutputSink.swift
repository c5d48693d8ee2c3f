import CPangoCairo
import Foundation

/// Where cairo's output goes: into memory, or buffered into a file. Records the first failure
/// itself, because cairo 1.16 can finish a surface with `CAIRO_STATUS_SUCCESS` after a write
/// callback reported an error.
///
/// Not thread-safe; one sink serves one surface.
final class OutputSink {
    /// The file written to, nil for a memory sink.
    let path: String?
    private var descriptor: Int32?
    /// Whether the file is a regular file, the only kind `abandon` removes (never `/dev/full`).
    private var isRegularFile = false
    /// What is not written out yet: for a file sink, up to `flushThreshold` bytes; for a memory
    /// sink, everything (`bytes`).
    ///
    /// An array rather than `Data` for the memory sink too: cairo hands over a sheet in some
    /// thousands of small writes, and with `Data.append(contentsOf:)` the write callback cost
    /// 5.5 M instructions a sheet of the bench's profiles, with an array 1.6 M; and the
    /// accessibility pass reads an array, which `Data` had to be copied into (callgrind,
    /// docs/performance.md).
    private var buffer: [UInt8] = []
    /// The first failure, if any. Once set, later writes are refused.
    private(set) var failure: RenderError?
    /// Set when the output is to be thrown away: later writes succeed and do nothing.
    private var discarding = false

    private static let flushThreshold = 256 * 1024

    /// A sink that collects the output in `bytes`.
    init() {
        path = nil
        buffer.reserveCapacity(Self.flushThreshold)
    }

    /// Everything written so far, for a memory sink.
    var bytes: [UInt8] { path == nil ? buffer : [] }

    /// A sink writing to `path`, created or truncated (mode 0644 before the umask).
    init(path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw RenderError.cannotOpen(path: path, reason: Self.lastError()) }
        self.path = path
        self.descriptor = descriptor
        var status = stat()
        isRegularFile = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
        buffer.reserveCapacity(Self.flushThreshold)
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// Takes `count` bytes; false once writing has failed.
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if discarding { return true }
        guard failure == nil else { return false }
        buffer.append(contentsOf: bytes)
        if descriptor != nil, buffer.count >= Self.flushThreshold { flush() }
        return failure == nil
    }

    /// Writes out what is buffered and closes the file, then throws the first failure seen.
    func finish() throws {
        flush()
        if let descriptor, let path {
            self.descriptor = nil
            // close(2) releases the descriptor even when it reports an error (NFS, quotas…).
            if close(descriptor) != 0, failure == nil { failure = .writeFailed(path: path, reason: Self.lastError()) }
        }
        if let failure { throw failure }
    }

    /// Gives up: later writes are dropped, and a file sink's file is closed and, if it is a
    /// regular file, removed, since what it holds is no document.
    func abandon() {
        discarding = true
        buffer.removeAll()
        if let descriptor, let path {
            close(descriptor)
            self.descriptor = nil
            if isRegularFile { unlink(path) }
        }
    }

    private func flush() {
        guard let descriptor, let path, failure == nil, !buffer.isEmpty else { return }
        let reason: String? = buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return Self.lastError()
                }
                if written == 0 { return "the device accepted no data" }
                offset += written
            }
            return nil
        }
        buffer.removeAll(keepingCapacity: true)
        if let reason { failure = .writeFailed(path: path, reason: reason) }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    /// The `cairo_write_func_t` for sinks; its closure argument must be `cairoClosure`.
    ///
    /// A C function pointer cannot capture context, so the sink travels through cairo's
    /// `closure` pointer, unretained: whoever creates the surface keeps the sink alive until
    /// the surface is destroyed.
    static let cairoWrite: cairo_write_func_t = { closure, bytes, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<OutputSink>.fromOpaque(closure).takeUnretainedValue()
        guard length > 0 else { return CAIRO_STATUS_SUCCESS }
        guard let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        let accepted = sink.write(UnsafeRawBufferPointer(start: bytes, count: Int(length)))
        return accepted ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
    }

    /// The closure pointer to pass with `cairoWrite`.
    var cairoClosure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
