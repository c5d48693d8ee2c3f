extension BoundedFile.Problem {
    /// The diagnostic for an input `file` that `BoundedFile` would not read with `limit`:
    /// `tooLargeHint` says what such a file usually weighs.
    public func diagnostic(file: String, limit: Int, tooLargeHint: String) -> Diagnostic {
        let nowhere = SourceLocation(file: file, line: 0, column: 0)
        switch self {
        case .notFound:
            return .error(at: nowhere, "cannot read the file: it does not exist")
        case .notARegularFile:
            return .error(at: nowhere, "cannot read the file: it is not a regular file",
                          hint: "profilesheet reads plain files only; this is a folder, a pipe or a device")
        case .tooLarge(let bytes):
            return .error(at: SourceLocation(file: file, line: 1, column: 1), "the file is \(bytes) bytes; at most \(limit) are read",
                          hint: tooLargeHint)
        case .unreadable(let reason):
            return .error(at: nowhere, "cannot read the file: \(reason.lowercasedFirst)")
        }
    }
}
