import Foundation

/// The lines of a file, read a block at a time, each with the offset of its first byte, so
/// that a large file is indexed without being held in memory. Foundation reads files whole or
/// by byte count only; this is the few lines that splitting blocks at newlines takes.
final class LineReader {
    struct Line {
        /// The line's bytes, without the newline.
        var bytes: ArraySlice<UInt8>
        /// Offset of the first byte in the file.
        var offset: Int
    }

    private static let blockSize = 1 << 16
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Where `buffer` starts in the file, and where the next line starts in `buffer`.
    private var bufferOffset = 0
    private var position = 0
    private var atEnd = false
    /// Set when reading failed (not at the end of the file).
    private(set) var failed = false

    init?(path: String) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
    }

    deinit {
        close(descriptor)
    }

    /// The next line; nil at the end of the file or on a read error (`failed`). A last line
    /// without a newline is returned too.
    func next() -> Line? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                let line = Line(bytes: buffer[position..<newline], offset: bufferOffset + position)
                position = newline + 1
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = Line(bytes: buffer[position...], offset: bufferOffset + position)
                position = buffer.count
                return line
            }
            // Keep the unfinished line, then read the next block after it.
            buffer.removeSubrange(0..<position)
            bufferOffset += position
            position = 0
            guard let block = FileDescriptorIO.read(descriptor, count: Self.blockSize) else {
                failed = true
                return nil
            }
            buffer += block
            if block.count < Self.blockSize { atEnd = true }
        }
    }
}
