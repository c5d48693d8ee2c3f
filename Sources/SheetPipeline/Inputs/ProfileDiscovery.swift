import Foundation
import SheetCore

/// Finds the profile files a run works on: every `*.yaml` and `*.yml` in the profiles folder
/// but the taxonomy, or the ones named on the command line by path or id.
public enum ProfileDiscovery {
    public static let taxonomyFileName = "taxonomy.yaml"
    /// The extensions of profile files: both are YAML's, and both are read alike.
    public static let profileExtensions = ["yaml", "yml"]

    /// Whether a file name is a profile's (not hidden, not the taxonomy).
    public static func isProfileFileName(_ name: String) -> Bool {
        profileExtensions.contains((name as NSString).pathExtension) && !name.hasPrefix(".")
            && name != taxonomyFileName && name != "taxonomy.yml"
    }

    /// The file of the profile with id `id` in `directory`, when there is one: also a link that
    /// leads nowhere (to itself, say), which the loader then reports as what it is, not as no
    /// profile of that id.
    public static func file(ofID id: String, in directory: String) -> String? {
        profileExtensions.lazy.map { (directory as NSString).appendingPathComponent(id + "." + $0) }
            .first { path in
                var status = stat()
                return lstat(path, &status) == 0
            }
    }

    /// Profile files of the folder, sorted by name (not those whose name is not UTF-8).
    public static func allProfiles(in directory: String) throws(PipelineError) -> [String] {
        try profiles(in: directory).files
    }

    /// Profile files of the folder, sorted by name, and an error for each file named like a
    /// profile whose name is not UTF-8 (Foundation would give it a name no file has).
    static func profiles(in directory: String) throws(PipelineError) -> (files: [String], diagnostics: [Diagnostic]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .unreadableProfiles(directory: directory, reason: error.localizedDescription)
        }
        let undecodable = NonUTF8FileNames.find(in: directory, listed: names).filter { isProfileFileName($0.shown) }
        let diagnostics = undecodable.map { name in
            Diagnostic.error(
                at: SourceLocation(file: (directory as NSString).appendingPathComponent(name.shown), line: 0, column: 0),
                "the file name is not valid UTF-8: invalid byte 0x\(String(name.invalidByte, radix: 16, uppercase: true)) at byte \(name.offset)",
                hint: "rename it in UTF-8, as its id and '.yaml' (\\xFF stands for the byte 0xFF)")
        }
        // The names Foundation gave those files (U+FFFD for each invalid byte) are no file's.
        func isUndecodable(_ name: String) -> Bool {
            !undecodable.isEmpty && name.unicodeScalars.contains("\u{FFFD}")
                && !FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name))
        }
        let files = names.filter { isProfileFileName($0) && !isUndecodable($0) }
            .sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
        return (files, diagnostics)
    }

    /// The files named by `arguments`: existing paths as given, other words as ids in the
    /// profiles folder. Unknown names are diagnostics, with the closest id as a hint.
    public static func select(_ arguments: [String], in directory: String) throws(PipelineError) -> (files: [String], diagnostics: [Diagnostic]) {
        if arguments.isEmpty { return try profiles(in: directory) }
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        var knownIDs: [String]?
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(argument)
                continue
            }
            if !argument.contains("/"), let byID = file(ofID: argument, in: directory) {
                files.append(byID)
                continue
            }
            if knownIDs == nil {
                knownIDs = (try? allProfiles(in: directory))?.map(ProfileSchema.id(ofFile:)) ?? []
            }
            let hint = Suggestion.didYouMean(argument, in: knownIDs ?? [])
                ?? "give the path of a profile file or the id of one in '\(directory)'"
            diagnostics.append(.error(at: nil, "no profile '\(argument)'", hint: hint))
        }
        var seen: Set<String> = []
        files = files.filter { seen.insert(PathContainment.realPath($0) ?? $0).inserted }
        return (files, diagnostics)
    }
}
