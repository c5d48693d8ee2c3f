import Foundation

import SheetCore

/// The lines of a file, read a block at a time, each with the offset of its first byte, so
/// that a large file is indexed without being held in memory. Foundation reads files whole or
/// by byte count only; this is the few lines that splitting blocks at newlines takes.
///
/// It reads files of the output folder (manifests), which a build does not trust: the file
/// must be a regular file (no link followed) of at most `Manifest.maximumSize` bytes, and a
/// line longer than `Manifest.maximumLineLength` ends the reading as a failure.
final class LineReader {
    struct Line {
        /// The line's bytes, without the newline.
        var bytes: ArraySlice<UInt8>
        /// Offset of the first byte in the file.
        var offset: Int
    }

    private static let blockSize = 1 << 16
    private let descriptor: Int32
    private let closesDescriptor: Bool
    private var buffer: [UInt8] = []
    /// Where `buffer` starts in the file, and where the next line starts in `buffer`.
    private var bufferOffset = 0
    private var position = 0
    private var atEnd = false
    /// Set when reading failed (not at the end of the file).
    private(set) var failed = false

    init?(path: String) {
        guard case .success(let file) = BoundedFile.openRegular(path, limit: Manifest.maximumSize, followingLinks: false) else { return nil }
        descriptor = file
        closesDescriptor = true
    }

    /// Reads `descriptor` from where it is; the caller keeps it and closes it.
    init(descriptor: Int32) {
        self.descriptor = descriptor
        closesDescriptor = false
    }

    deinit {
        if closesDescriptor { close(descriptor) }
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
            guard buffer.count <= Manifest.maximumLineLength else {
                failed = true
                return nil
            }
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
