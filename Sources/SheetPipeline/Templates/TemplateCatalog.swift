import Foundation
import SheetCore
import SheetLayout

/// Where templates are found. `--template` takes a name or a folder: a name (`standard`,
/// `compact`: no slash) is looked up in the working directory's `templates/`, then in the
/// installed templates (`../share/profilesheet/templates` from the executable's real path, so
/// that `make install` under any prefix, or a copy of that tree, finds its own), then taken
/// as a path; anything with a slash is a path only.
public struct TemplateCatalog: Sendable {
    /// A folder of template folders.
    public struct Place: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case workingDirectory = "working directory"
            case installed
        }

        public var kind: Kind
        public var path: String
    }

    /// A template folder the catalog found.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var path: String
        public var place: Place
        /// The entry of an earlier place with the same name, which `--template NAME` picks.
        public var shadowedBy: String?
    }

    /// The name used when `--template` is not given.
    public static let defaultName = "standard"
    /// Where the installed templates are, relative to the folder of the executable.
    public static let installedRelativePath = "../share/profilesheet/templates"

    public var places: [Place]

    public init(places: [Place]) {
        self.places = places
    }

    /// The working directory's `templates/`, then the installed templates of `executable`
    /// (this process's, by default) when it can be found.
    public static func standard(executable: String? = currentExecutable()) -> TemplateCatalog {
        var places = [Place(kind: .workingDirectory, path: "templates")]
        if let executable {
            let folder = ((executable as NSString).deletingLastPathComponent as NSString).appendingPathComponent(installedRelativePath)
            places.append(Place(kind: .installed, path: (folder as NSString).standardizingPath))
        }
        return TemplateCatalog(places: places)
    }

    /// The real path of the running executable (symlinks resolved, so that a link in
    /// `~/bin` to an installed binary still finds the installed templates).
    public static func currentExecutable() -> String? {
        if let path = PathContainment.realPath("/proc/self/exe") { return path }
        return CommandLine.arguments.first.flatMap { PathContainment.realPath($0) }
    }

    /// Whether `reference` is a name to look up rather than a path.
    public static func isName(_ reference: String) -> Bool {
        !reference.isEmpty && !reference.contains("/") && reference != "." && reference != ".." && !reference.hasPrefix("~")
    }

    /// The template folder `reference` names, or why there is none and everywhere it looked.
    public func resolve(_ reference: String) -> Result<String, PipelineError> {
        var looked: [PipelineError.TemplateCandidate] = []
        var candidates: [String] = []
        if Self.isName(reference) {
            candidates = places.map { ($0.path as NSString).appendingPathComponent(reference) }
        }
        candidates.append(reference)
        for candidate in candidates {
            let problem = Self.problem(ofFolder: candidate)
            guard let problem else { return .success(candidate) }
            looked.append(PipelineError.TemplateCandidate(path: candidate, problem: problem))
        }
        return .failure(.templateNotFound(reference: reference, looked: looked))
    }

    /// Every template folder in the places, in lookup order; a name found again later is
    /// marked as shadowed by the first.
    public func entries() -> [Entry] {
        var entries: [Entry] = []
        var first: [String: String] = [:]
        for place in places {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: place.path) else { continue }
            for name in names.sorted() where Self.isName(name) && !name.hasPrefix(".") {
                let path = (place.path as NSString).appendingPathComponent(name)
                guard Self.problem(ofFolder: path) == nil else { continue }
                entries.append(Entry(name: name, path: path, place: place, shadowedBy: first[name]))
                if first[name] == nil { first[name] = path }
            }
        }
        return entries
    }

    /// Why `path` is not a template folder, or nil when it is one.
    static func problem(ofFolder path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such folder" }
        guard isDirectory.boolValue else { return "not a folder" }
        let file = (path as NSString).appendingPathComponent(TemplateLoader.fileName)
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return "no \(TemplateLoader.fileName) in it"
        }
        return nil
    }
}
