import Foundation
import SheetCore

/// A build's manifest entries, kept on disk instead of in memory, so that a build's memory
/// does not grow with the number of sheets: entries of the manifests a build starts from are
/// indexed where they lie in those files, and entries of sheets rendered now are appended to
/// an unnamed spill file in the output folder (unlinked as soon as it is made, so that no
/// interrupted run leaves it behind). In memory there is only an index: id → where the entry's
/// line is. Entries are read back and decoded one at a time, when they are needed.
///
/// Thread-safe: workers store the sheets they finish.
final class SheetEntryStore: @unchecked Sendable {
    // @unchecked: `slots`, `files` and `spillEnd` are only touched under `lock`.
    private struct Slot {
        /// Index into `files`.
        var file: Int
        var offset: Int
        var length: Int
    }

    private let lock = NSLock()
    private var slots: [String: Slot] = [:]
    /// Descriptors entries are read from: the spill file first, then indexed manifests.
    private var files: [Int32] = []
    private var spillEnd = 0
    private let directory: String

    /// A store whose spill file lies in `directory` (the output folder).
    init(directory: String) throws(PipelineError) {
        self.directory = directory
        let path = AtomicFile.temporaryPath(for: (directory as NSString).appendingPathComponent("manifest-entries"))
        let spill = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard spill >= 0 else { throw .unwritableOutput(path: directory, reason: AtomicFile.errnoText()) }
        unlink(path)
        files = [spill]
    }

    deinit {
        for file in files { close(file) }
    }

    // MARK: - Filling

    /// Indexes the entries of the manifest `path`, replacing any of the same id. A manifest in
    /// the line layout is indexed in place; one laid out otherwise is decoded whole and its
    /// entries are spilled. Nothing is indexed from a missing or unreadable manifest.
    func index(manifest path: String) throws(PipelineError) {
        // Opened once and checked (a regular file, no link followed, within its size): the
        // entries are read back later through this same descriptor.
        guard case .success(let file) = BoundedFile.openRegular(path, limit: Manifest.maximumSize, followingLinks: false) else { return }
        if let found = Self.entryLines(of: LineReader(descriptor: file)) {
            lock.lock()
            files.append(file)
            for (id, place) in found {
                slots[id] = Slot(file: files.count - 1, offset: place.offset, length: place.length)
            }
            lock.unlock()
            return
        }
        close(file)
        guard let manifest = Manifest.read(path) else { return }
        for sheet in manifest.sheets { try put(sheet) }
    }

    /// Where each entry line of the manifest `path` lies, when it is in the line layout and
    /// complete; nil otherwise.
    private static func entryLines(of reader: LineReader) -> [String: (offset: Int, length: Int)]? {
        guard let first = reader.next(), Manifest.head(fromFirstLine: first.bytes) != nil
        else { return nil }
        var found: [String: (offset: Int, length: Int)] = [:]
        while let line = reader.next() {
            if line.bytes.elementsEqual(Manifest.closing.dropLast()) {
                return reader.next() == nil ? found : nil
            }
            let entry = line.bytes.last == UInt8(ascii: ",") ? line.bytes.dropLast() : line.bytes
            guard let id = Manifest.id(ofEntryLine: entry)
                ?? (try? JSONDecoder().decode(Manifest.Sheet.self, from: Data(entry)))?.id
            else { return nil }
            found[id] = (line.offset, entry.count)
        }
        return nil
    }

    /// Stores `sheet`'s entry, replacing any of the same id.
    func put(_ sheet: Manifest.Sheet) throws(PipelineError) {
        let line: [UInt8]
        do {
            line = try Manifest.entryLine(sheet)
        } catch {
            throw .renderFailed(id: sheet.id, reason: "encoding its manifest entry: \(error)")
        }
        lock.lock()
        defer { lock.unlock() }
        let offset = spillEnd
        guard line.withUnsafeBytes({ FileDescriptorIO.write(files[0], $0, at: offset) }) else {
            throw .unwritableOutput(path: directory, reason: "keeping the manifest's entries: \(AtomicFile.errnoText())")
        }
        spillEnd += line.count
        slots[sheet.id] = Slot(file: 0, offset: offset, length: line.count)
    }

    // MARK: - Reading

    /// Every id with an entry, in no particular order.
    var ids: [String] {
        lock.lock()
        defer { lock.unlock() }
        return Array(slots.keys)
    }

    /// The entry line of `id` as stored; nil when there is none or it cannot be read.
    func entryLine(_ id: String) -> [UInt8]? {
        lock.lock()
        guard let slot = slots[id] else {
            lock.unlock()
            return nil
        }
        let file = files[slot.file]
        lock.unlock()
        guard let bytes = FileDescriptorIO.read(file, count: slot.length, at: slot.offset), bytes.count == slot.length else { return nil }
        return bytes
    }

    /// The entry of `id`, decoded; nil when there is none or it cannot be read or decoded (a
    /// damaged line of a manifest: that sheet is then treated as never built).
    func sheet(_ id: String) -> Manifest.Sheet? {
        guard let line = entryLine(id), let sheet = try? JSONDecoder().decode(Manifest.Sheet.self, from: Data(line)),
              sheet.id == id else { return nil }
        return sheet
    }
}
