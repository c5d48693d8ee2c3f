import Foundation

/// What a preview depends on, as a snapshot of modification times and sizes that changes
/// whenever any of it is saved, replaced, added or removed. Polling this every few tens of
/// milliseconds costs a few dozen `stat` calls, and it works the same for editors that write
/// in place and those that replace files by renaming.
struct WatchedFiles: Equatable {
    private var stamps: [String: Stamp]

    struct Stamp: Equatable {
        var modified: timespec
        var size: Int64
        var inode: UInt64

        static func == (lhs: Stamp, rhs: Stamp) -> Bool {
            lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
                && lhs.size == rhs.size && lhs.inode == rhs.inode
        }
    }

    /// Stamps of `files`, and of every file below `directories` (so new files count too).
    init(files: [String], directories: [String]) {
        var stamps: [String: Stamp] = [:]
        var paths = files
        for directory in directories {
            let names = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? []
            paths += names.map { (directory as NSString).appendingPathComponent($0) }
        }
        for path in paths {
            var status = stat()
            if stat(path, &status) == 0 {
                stamps[path] = Stamp(modified: status.st_mtim, size: Int64(status.st_size), inode: UInt64(status.st_ino))
            } else {
                stamps[path] = Stamp(modified: timespec(), size: -1, inode: 0)
            }
        }
        self.stamps = stamps
    }

    var count: Int { stamps.count }
}
