import Foundation

/// One run at a time writes into a folder: an exclusive `flock` on `.profilesheet.lock` in it,
/// held from before the sweep of stale temporaries until the run's last file is in place, and
/// released by the kernel when the process ends however it ends (a killed build leaves no lock
/// behind, so no stale-lock clean-up is needed). While it is held, no other build sweeps the
/// folder's temporaries, so a second build never deletes the first one's files: every
/// temporary file the sweep finds is one of a build that is no longer running.
///
/// The lock file is opened without following a link and must be a regular file; it holds the
/// process id of the holder, for the message a second build gives. It is left in place after
/// the run (removing it would let a third build lock a new file while a second waits on the
/// old one).
final class OutputLock {
    static let fileName = ".profilesheet.lock"
    /// How often a waiting run tries again.
    static let retryInterval: TimeInterval = 0.1

    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        release()
    }

    /// Locks `directory`. When another process holds it: with `waiting`, tries again every
    /// `retryInterval` (after calling `onWait` once with the holder's process id); without,
    /// throws `outputInUse` at once.
    static func acquire(
        _ directory: String, waiting: Bool, onWait: (Int32?) -> Void = { _ in }
    ) throws(PipelineError) -> OutputLock {
        let path = (directory as NSString).appendingPathComponent(fileName)
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .unwritableOutput(path: path, reason: errno == ELOOP ? "it is a symbolic link" : AtomicFile.errnoText())
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .unwritableOutput(path: path, reason: "it is not a regular file")
        }
        var told = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = AtomicFile.errnoText()
                close(descriptor)
                throw .unwritableOutput(path: path, reason: "cannot lock it: \(reason)")
            }
            if errno == EINTR { continue }
            let holder = Self.holder(descriptor)
            guard waiting else {
                close(descriptor)
                throw .outputInUse(directory: directory, process: holder)
            }
            if !told {
                onWait(holder)
                told = true
            }
            Thread.sleep(forTimeInterval: retryInterval)
        }
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = pid.withUnsafeBytes { FileDescriptorIO.write(descriptor, $0, at: 0) }
        }
        return OutputLock(descriptor: descriptor)
    }

    /// Unlocks now (otherwise when the lock is dropped).
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    /// The process id the holder wrote, if it is there yet.
    private static func holder(_ descriptor: Int32) -> Int32? {
        guard let bytes = FileDescriptorIO.read(descriptor, count: 16, at: 0) else { return nil }
        return Int32(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
