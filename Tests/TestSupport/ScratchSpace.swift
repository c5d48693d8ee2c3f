import Foundation

/// The folder the tests of one test process write their files in, removed when the process
/// exits, with everything the tests left in it; folders of earlier test processes that did not
/// get to exit (killed, or crashed) are removed the next time tests run.
///
/// Tests make many folders and some hand them on to helpers, so rather than every test
/// removing its own, they all live under one root per process (`profilesheet-scratch-PID-…` in
/// the temporary folder).
enum ScratchSpace {
    private static let prefix = "profilesheet-scratch-"
    private static let lock = NSLock()
    nonisolated(unsafe) private static var root: String?

    /// A new, empty folder under this process's root.
    static func makeFolder() throws -> String {
        let path = try processRoot() + "/" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static func processRoot() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let root { return root }
        sweepAbandonedRoots()
        let path = NSTemporaryDirectory() + prefix + "\(getpid())-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        root = path
        atexit {
            // Runs once, as the process exits; nothing creates folders after that.
            if let root = ScratchSpace.root { try? FileManager.default.removeItem(atPath: root) }
        }
        return path
    }

    /// Removes the roots of test processes that are no longer running.
    private static func sweepAbandonedRoots() {
        let temporary = NSTemporaryDirectory()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: temporary + name)
            }
        }
    }
}
