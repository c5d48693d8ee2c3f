import Foundation

/// Where a relative path in a profile really leads. Paths are compared after every symlink
/// and `..` is resolved, and against the root plus a trailing `/`, so that neither a symlink,
/// a `..` escape nor a sibling folder sharing the root's prefix (`profiles2` beside
/// `profiles`) passes as inside.
public enum PathContainment {
    public enum Problem: Error, Sendable, Hashable {
        case empty
        case containsNUL
        case absolute
        case notFound
        /// A link on the way leads round a loop (or through more than 40 links).
        case symlinkLoop
        case outsideRoot(resolved: String)
        case notAFile
    }

    /// The resolved absolute path of `relativePath`, taken relative to `directory`, if it is a
    /// regular file inside `root` (itself resolved).
    public static func resolve(_ relativePath: String, in directory: String, root: String) -> Result<String, Problem> {
        if relativePath.isEmpty { return .failure(.empty) }
        if relativePath.unicodeScalars.contains("\0") { return .failure(.containsNUL) }
        if relativePath.hasPrefix("/") || relativePath.hasPrefix("~") || relativePath.hasPrefix("\\")
            || relativePath.contains("://") || relativePath.hasPrefix("file:") || isDrivePath(relativePath) {
            return .failure(.absolute)
        }
        guard let resolvedRoot = realPath(root) else { return .failure(.notFound) }
        let joined = directory.hasSuffix("/") ? directory + relativePath : directory + "/" + relativePath
        guard let resolved = realPath(joined) else {
            let failure = errno
            // Say "outside" rather than "not found" for a path that would leave the root anyway.
            if let lexical = lexicallyNormalized(joined), !isInside(lexical, root: resolvedRoot) {
                return .failure(.outsideRoot(resolved: lexical))
            }
            return .failure(failure == ELOOP ? .symlinkLoop : .notFound)
        }
        guard isInside(resolved, root: resolvedRoot) else { return .failure(.outsideRoot(resolved: resolved)) }
        // A regular file only: a folder, a pipe or a device is no image, and reading a pipe
        // would block the run.
        var status = stat()
        guard stat(resolved, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.notAFile) }
        return .success(resolved)
    }

    /// `C:\logo.png`, `c:/logo.png`: absolute on Windows.
    static func isDrivePath(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars.prefix(3))
        guard scalars.count == 3, ("A"..."Z").contains(scalars[0]) || ("a"..."z").contains(scalars[0]) else { return false }
        return scalars[1] == ":" && (scalars[2] == "/" || scalars[2] == "\\")
    }

    public static func isInside(_ path: String, root: String) -> Bool {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix)
    }

    /// The canonical absolute path, every symlink resolved, or nil if it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `.` and `..` removed without touching the file system; nil when `..` climbs above `/`.
    static func lexicallyNormalized(_ path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
