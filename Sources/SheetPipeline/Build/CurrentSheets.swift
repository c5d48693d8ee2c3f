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
        rendered.remove(sheet.id)
        upToDateFiles.insert(sheet.profile)
        storedWarnings[sheet.id] = sheet.warnings.isEmpty ? nil : sheet.warnings
    }

    /// Keeps the sheet of `id`, rendered now.
    mutating func add(rendered id: String) {
        ids.insert(id)
        rendered.insert(id)
        storedWarnings[id] = nil
    }

    /// Drops the sheet of `id` (its profile is invalid now).
    mutating func remove(_ id: String) {
        ids.remove(id)
        rendered.remove(id)
        storedWarnings[id] = nil
    }

    /// The stored warnings of the sheets kept as they were, in id order.
    var keptWarnings: [Diagnostic] {
        storedWarnings.keys.sorted().flatMap { storedWarnings[$0] ?? [] }
    }
}
