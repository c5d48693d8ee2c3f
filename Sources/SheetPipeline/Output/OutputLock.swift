import Foundation

/// One run at a time writes into a folder: an exclusive `flock` on `.profilesheet.lock` in it,
/// held from before the sweep of stale temporaries until the run's last file is in place, and
/// released by the kernel when the process ends however it ends (a killed build leaves no lock
/// behind, so no stale-lock clean-up is needed). While it is held, no other build sweeps the
/// folder's temporaries, so a second build never deletes the first one's files: every
/// temporary file the sweep finds is one of a build that is no longer running.
///
/// The lock file is opened without following a link and must be a regular file; it holds the
/// process id of the holder, for the message a second build gives. The holder removes it
/// before unlocking, so that a finished build leaves nothing in the folder (the shards' folders
/// are gathered into one); so a run that gets the lock checks that the file it locked is still
/// the one at the path, and tries again if it was removed meanwhile, lest two runs hold locks
/// on two different files. A killed run leaves the file, unlocked: the next run locks it.
final class OutputLock {
    static let fileName = ".profilesheet.lock"
    /// How often a waiting run tries again.
    static let retryInterval: TimeInterval = 0.1

    private var descriptor: Int32
    private let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
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
        var told = false
        while true {
            let descriptor = try lockedFile(path, directory: directory, waiting: waiting) { holder in
                if !told { onWait(holder) }
                told = true
            }
            // Still the file at the path? (The run before may have removed it as it finished.)
            var locked = stat()
            var named = stat()
            if fstat(descriptor, &locked) == 0, lstat(path, &named) == 0, locked.st_dev == named.st_dev, locked.st_ino == named.st_ino {
                let pid = Array("\(getpid())\n".utf8)
                if ftruncate(descriptor, 0) == 0 {
                    _ = pid.withUnsafeBytes { FileDescriptorIO.write(descriptor, $0, at: 0) }
                }
                return OutputLock(descriptor: descriptor, path: path)
            }
            close(descriptor)
        }
    }

    /// A descriptor of the lock file at `path`, locked.
    private static func lockedFile(
        _ path: String, directory: String, waiting: Bool, onWait: (Int32?) -> Void
    ) throws(PipelineError) -> Int32 {
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .unwritableOutput(path: path, reason: errno == ELOOP ? "it is a symbolic link" : AtomicFile.errnoText())
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .unwritableOutput(path: path, reason: "it is not a regular file")
        }
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
            onWait(holder)
            Thread.sleep(forTimeInterval: retryInterval)
        }
        return descriptor
    }

    /// Removes the lock file and unlocks, now (otherwise when the lock is dropped).
    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    /// The process id the holder wrote, if it is there yet.
    private static func holder(_ descriptor: Int32) -> Int32? {
        guard let bytes = FileDescriptorIO.read(descriptor, count: 16, at: 0) else { return nil }
        return Int32(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
