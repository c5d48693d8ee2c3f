import Foundation
import SheetCore

/// Finds the profile files a run works on: every `*.yaml` in the profiles folder but the
/// taxonomy, or the ones named on the command line by path or id.
public enum ProfileDiscovery {
    public static let taxonomyFileName = "taxonomy.yaml"

    /// Profile files of the folder, sorted by name.
    public static func allProfiles(in directory: String) throws(PipelineError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .unreadableProfiles(directory: directory, reason: error.localizedDescription)
        }
        return names.filter { $0.hasSuffix(".yaml") && $0 != taxonomyFileName && !$0.hasPrefix(".") }
            .sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    /// The files named by `arguments`: existing paths as given, other words as ids in the
    /// profiles folder. Unknown names are diagnostics, with the closest id as a hint.
    public static func select(_ arguments: [String], in directory: String) throws(PipelineError) -> (files: [String], diagnostics: [Diagnostic]) {
        if arguments.isEmpty { return (try allProfiles(in: directory), []) }
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        var knownIDs: [String]?
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(argument)
                continue
            }
            let byID = (directory as NSString).appendingPathComponent(argument + ".yaml")
            if !argument.contains("/"), FileManager.default.fileExists(atPath: byID) {
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
