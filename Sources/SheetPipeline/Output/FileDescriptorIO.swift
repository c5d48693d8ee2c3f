import Foundation

/// Whole reads and writes on a file descriptor, at its position or at an offset: the loops
/// that partial transfers and interrupted calls (EINTR) need, written once.
enum FileDescriptorIO {
    /// Writes all of `bytes`; false on an error, with `errno` set.
    static func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int? = nil) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var done = 0
        while done < bytes.count {
            let count = offset.map { pwrite(descriptor, base + done, bytes.count - done, off_t($0 + done)) }
                ?? Glibc.write(descriptor, base + done, bytes.count - done)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    /// Up to `count` bytes, fewer only at the end of the file; nil on an error.
    static func read(_ descriptor: Int32, count: Int, at offset: Int? = nil) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        let failed = bytes.withUnsafeMutableBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return false }
            while done < count {
                let got = offset.map { pread(descriptor, base + done, count - done, off_t($0 + done)) }
                    ?? Glibc.read(descriptor, base + done, count - done)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { return true }
                if got == 0 { break }
                done += got
            }
            return false
        }
        guard !failed else { return nil }
        bytes.removeSubrange(done...)
        return bytes
    }
}
