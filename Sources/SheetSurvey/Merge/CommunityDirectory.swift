import Foundation
import SheetCore
import Yams

/// Every community a survey row may be about: the profiles of the run, and the other profile
/// files of the folder, so that a run of one profile does not call the other communities' rows
/// unmatched.
public struct CommunityDirectory: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var name: String?
        public var shortName: String?
        public var file: String
        /// Index in the run's profiles; nil for a profile file the run does not merge into.
        public var profile: Int?
        /// False for a profile file that is not YAML of a mapping (it failed to parse): its
        /// name and short name are not known, so rows about it cannot be told from rows that
        /// name no community.
        public var readable: Bool

        public init(id: String, name: String?, shortName: String?, file: String, profile: Int? = nil, readable: Bool = true) {
            self.id = id
            self.name = name
            self.shortName = shortName
            self.file = file
            self.profile = profile
            self.readable = readable
        }

        /// How messages name the profile: `Sustain Open Source (sustain-oss)`.
        public var label: String {
            if let name, name != id { return "'\(name)' (\(id))" }
            return "'\(id)'"
        }
    }

    public private(set) var entries: [Entry]

    public init(profiles: [Profile], otherFiles: [Entry] = []) {
        entries = profiles.enumerated().map {
            Entry(id: $0.element.id, name: $0.element.name, shortName: $0.element.shortName, file: $0.element.file, profile: $0.offset)
        }
        let known = Set(entries.map { PathContainment.realPath($0.file) ?? $0.file })
        entries += otherFiles.filter { !known.contains(PathContainment.realPath($0.file) ?? $0.file) }
        // In file order whichever profiles a run loaded (a build loads a part at a time), so
        // that the closest name suggested for a row, and the order of several, never change.
        entries.sort { ($0.file, $0.id) < ($1.file, $1.id) }
    }

    /// What a row's key finds.
    public enum Match: Sendable, Hashable {
        case profile(Entry)
        case none(closest: Entry?)
        case several([Entry])
        case empty
    }

    /// The profile a key names: ids, names or short names as `match` says, ignoring case,
    /// surrounding white space and repeated inner white space.
    public func match(_ key: String, by match: SurveyMapping.KeyMatch) -> Match {
        let wanted = SurveyText.folded(key)
        if wanted.isEmpty { return .empty }
        var found: [Entry] = []
        for entry in entries where Self.names(of: entry, by: match).contains(where: { SurveyText.folded($0) == wanted }) {
            if !found.contains(where: { $0.id == entry.id && $0.file == entry.file }) { found.append(entry) }
        }
        if found.count == 1 { return .profile(found[0]) }
        if found.count > 1 { return .several(found) }
        var candidates: [(String, Entry)] = []
        for entry in entries {
            for name in Self.names(of: entry, by: match) { candidates.append((name, entry)) }
        }
        let closest = Suggestion.nearest(to: wanted, in: candidates.map { SurveyText.folded($0.0) })
        return .none(closest: closest.flatMap { name in candidates.first { SurveyText.folded($0.0) == name }?.1 })
    }

    static func names(of entry: Entry, by match: SurveyMapping.KeyMatch) -> [String] {
        let names = [entry.name, entry.shortName].compactMap { $0 }
        switch match {
        case .id: return [entry.id]
        case .name: return names
        case .any: return [entry.id] + names
        }
    }

    /// A profile file outside the run, read just far enough for its name and short name. Its
    /// id is its file name, as the format requires.
    public static func entry(forProfileFile file: String) -> Entry {
        let id = ProfileSchema.id(ofFile: file)
        var name: String?
        var shortName: String?
        var readable = false
        if case .success(let data) = BoundedFile.read(file, limit: YAMLDocument.maximumFileSize),
           let document = YAMLDocument.parse(data, file: file).document,
           case .mapping(let mapping)? = document.root {
            readable = true
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key, case .scalar(let valueScalar) = value else { continue }
                if keyScalar.string == "name" { name = valueScalar.string.trimmingWhitespace() }
                if keyScalar.string == "short_name" { shortName = valueScalar.string.trimmingWhitespace() }
            }
        }
        return Entry(id: id, name: name, shortName: shortName, file: file, readable: readable)
    }

    /// The profile files whose names are not known because they failed to parse.
    public var unreadableFiles: [String] { entries.filter { !$0.readable }.map(\.file) }
}
