import Foundation

/// Reads a whole file only when it is a regular file of at most a given size. A FIFO, a device
/// (`/dev/zero`) or a file growing while it is read would otherwise block a run or fill its
/// memory: the file is opened without blocking, checked with `fstat`, and never read past the
/// limit.
public enum BoundedFile {
    public enum Problem: Error, Sendable, Hashable {
        case notFound
        case notARegularFile
        case tooLarge(bytes: Int)
        case unreadable(String)
    }

    public static func read(_ path: String, limit: Int) -> Result<Data, Problem> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT || errno == ENOTDIR ? .notFound : .unreadable(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.notARegularFile) }
        guard Int(status.st_size) <= limit else { return .failure(.tooLarge(bytes: Int(status.st_size))) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
            // The file grew after fstat: still never more than the limit.
            if data.count > limit { return .failure(.tooLarge(bytes: data.count)) }
        }
        return .success(data)
    }
}
