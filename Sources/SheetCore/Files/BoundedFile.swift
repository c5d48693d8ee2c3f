import Foundation

/// Reads a file only when it is a regular file of at most a given size. A FIFO, a device
/// (`/dev/zero`) or a file growing while it is read would otherwise block a run or fill its
/// memory: the file is opened without blocking, checked with `fstat` on the opened descriptor
/// (so that what is checked is what is read), and never read past the limit. Every input of a
/// run — profiles, logos, the taxonomy, templates, survey mappings and exports, and what a
/// build reads back from its output folder — is read or hashed through here.
public enum BoundedFile {
    public enum Problem: Error, Sendable, Hashable {
        case notFound
        /// A folder, FIFO, socket or device; with `followingLinks: false`, a symbolic link too.
        case notARegularFile
        case tooLarge(bytes: Int)
        case unreadable(String)
    }

    /// The size of the pieces a file is read in.
    public static let chunkSize = 64 << 10

    /// The whole file, when it is a regular file of at most `limit` bytes. With
    /// `followingLinks: false` a symbolic link at `path` is refused, not followed (for files
    /// of a folder the build writes to, where a link could point anywhere).
    public static func read(_ path: String, limit: Int, followingLinks: Bool = true) -> Result<Data, Problem> {
        var data = Data()
        return chunks(of: path, limit: limit, followingLinks: followingLinks, reserving: { data.reserveCapacity($0) }) {
            data.append(contentsOf: $0)
        }.map { _ in data }
    }

    /// Hands the file's bytes to `body` a piece of at most `chunkSize` bytes at a time, when it
    /// is a regular file of at most `limit` bytes (checked before a byte is read); returns the
    /// number of bytes read. Memory stays at one piece, whatever the file's size.
    public static func chunks(
        of path: String, limit: Int, followingLinks: Bool = true, _ body: (UnsafeRawBufferPointer) -> Void
    ) -> Result<Int, Problem> {
        chunks(of: path, limit: limit, followingLinks: followingLinks, reserving: { _ in }, body)
    }

    /// The size of the file at `path`, when it is a regular file, as `fstat` sees it through a
    /// descriptor opened without blocking.
    public static func regularFileSize(_ path: String, followingLinks: Bool = true) -> Result<Int, Problem> {
        switch openChecked(path, followingLinks: followingLinks) {
        case .failure(let problem): return .failure(problem)
        case .success(let (file, size)):
            close(file)
            return .success(size)
        }
    }

    /// A descriptor open for reading on `path`, when it is a regular file of at most `limit`
    /// bytes, for a reader that goes on its own way (by lines, at offsets); the caller closes it.
    public static func openRegular(_ path: String, limit: Int, followingLinks: Bool = true) -> Result<Int32, Problem> {
        switch openChecked(path, followingLinks: followingLinks) {
        case .failure(let problem): return .failure(problem)
        case .success(let (file, size)):
            guard size <= limit else {
                close(file)
                return .failure(.tooLarge(bytes: size))
            }
            return .success(file)
        }
    }

    private static func chunks(
        of path: String, limit: Int, followingLinks: Bool, reserving: (Int) -> Void, _ body: (UnsafeRawBufferPointer) -> Void
    ) -> Result<Int, Problem> {
        let descriptor: Int32
        switch openChecked(path, followingLinks: followingLinks) {
        case .failure(let problem): return .failure(problem)
        case .success(let (file, size)):
            descriptor = file
            guard size <= limit else {
                close(file)
                return .failure(.tooLarge(bytes: size))
            }
            reserving(size)
        }
        defer { close(descriptor) }
        var total = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = Foundation.read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            total += count
            // The file grew after fstat: still never more than the limit.
            if total > limit { return .failure(.tooLarge(bytes: total)) }
            body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        return .success(total)
    }

    /// A descriptor for `path` and its size, when it is a regular file. `O_NONBLOCK` makes
    /// opening a FIFO return at once instead of waiting for a writer; `fstat` then refuses it.
    private static func openChecked(_ path: String, followingLinks: Bool) -> Result<(Int32, Int), Problem> {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW)
        let descriptor = open(path, flags)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: return .failure(.notFound)
            case ELOOP where !followingLinks: return .failure(.notARegularFile)
            default: return .failure(.unreadable(String(cString: strerror(errno))))
            }
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            return .failure(.unreadable(reason))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            return .failure(.notARegularFile)
        }
        return .success((descriptor, Int(status.st_size)))
    }
}
