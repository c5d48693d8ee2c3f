import SheetCore

/// The sheets a build keeps, by id: those up to date and those rendered now. Their manifest
/// entries stay in the `SheetEntryStore`; this holds only what the build consults as it goes.
struct CurrentSheets {
    /// Every sheet kept.
    private(set) var ids: Set<String> = []
    /// Of those, the ones rendered by this run.
    private(set) var rendered: Set<String> = []
    /// Profile files of the sheets kept because their files' digests had not changed.
    private(set) var upToDateFiles: Set<String> = []
    /// Stored warnings of the sheets kept as they were, to report again.
    private var storedWarnings: [String: [Diagnostic]] = [:]

    /// Keeps `sheet` as it was.
    mutating func keep(_ sheet: Manifest.Sheet) {
        ids.insert(sheet.id)
        files[sheet.id] = sheet.profile
        rendered.remove(sheet.id)
        upToDateFiles.insert(sheet.profile)
        storedWarnings[sheet.id] = sheet.warnings.isEmpty ? nil : sheet.warnings
    }

    /// Keeps the sheet of `id`, rendered now.
    mutating func add(rendered id: String, file: String?) {
        ids.insert(id)
        files[id] = file
        rendered.insert(id)
        storedWarnings[id] = nil
    }

    /// Ids whose profile file was invalid in this run, with that file.
    private var invalid: [String: String] = [:]

    /// The profile file of each sheet kept.
    private var files: [String: String] = [:]

    /// Drops the sheet of the profile `file` (it is invalid now), unless the sheet of its id is
    /// another file's (a second file with the same id is the invalid one).
    mutating func remove(invalid file: String) {
        let id = ProfileSchema.id(ofFile: file)
        if let owner = files[id], owner != file, (PathContainment.realPath(owner) ?? owner) != (PathContainment.realPath(file) ?? file) { return }
        files[id] = nil
        ids.remove(id)
        rendered.remove(id)
        storedWarnings[id] = nil
        if invalid[id] == nil { invalid[id] = file }
    }

    /// Ids whose profile was invalid in this run and that have no sheet kept.
    var invalidIDs: Set<String> { Set(invalid.keys).subtracting(ids) }

    func invalidFile(of id: String) -> String? { invalid[id] }

    /// The stored warnings of the sheets kept as they were, in id order.
    var keptWarnings: [Diagnostic] {
        storedWarnings.keys.sorted().flatMap { storedWarnings[$0] ?? [] }
    }
}
