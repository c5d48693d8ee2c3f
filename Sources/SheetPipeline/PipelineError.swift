import SheetCore
import SheetLayout

/// Why a run could not complete (exit status 3), as opposed to invalid profiles (status 1),
/// which are diagnostics.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A place `--template` was looked up in, and why it holds no template.
    public struct TemplateCandidate: Sendable, Equatable {
        public var path: String
        public var problem: String
    }

    case unreadableProfiles(directory: String, reason: String)
    /// No folder holding a `template.yaml` where `--template` points (`TemplateCatalog`).
    case templateNotFound(reference: String, looked: [TemplateCandidate])
    /// The template's `template.yaml` has errors; they are the run's diagnostics.
    case invalidTemplate(directory: String, diagnostics: [Diagnostic])
    case unwritableOutput(path: String, reason: String)
    case renderFailed(id: String, reason: String)
    /// Another build holds the output folder's lock (`OutputLock`); its process id if known.
    case outputInUse(directory: String, process: Int32?)

    public var description: String {
        switch self {
        case .unreadableProfiles(let directory, let reason):
            "cannot read the profiles folder '\(directory)': \(reason)"
        case .templateNotFound(let reference, let looked):
            "the template '\(reference)' cannot be used: "
                + looked.map { "'\($0.path)' (\($0.problem))" }.joined(separator: ", ")
        case .invalidTemplate(let directory, let diagnostics):
            "the template '\(directory)' cannot be used: its \(TemplateLoader.fileName) has \(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s")"
        case .unwritableOutput(let path, let reason):
            "cannot write '\(path)': \(reason)"
        case .renderFailed(let id, let reason):
            "rendering '\(id)' failed: \(reason)"
        case .outputInUse(let directory, let process):
            "the output folder '\(directory)' is in use by another build\(process.map { " (process \($0))" } ?? ""); "
                + "run again when it has finished, or with --wait to wait for it"
        }
    }

    /// How to get past it, where that helps.
    public var hint: String? {
        switch self {
        case .templateNotFound:
            "'profilesheet templates' lists the templates it finds; --template takes a name or the path of a folder holding \(TemplateLoader.fileName)"
        case .unreadableProfiles:
            "run profilesheet where profiles/ is, give --profiles DIR, or start a repository with 'profilesheet init'"
        default: nil
        }
    }

    /// The diagnostics that explain the failure, reported with the run's own.
    public var diagnostics: [Diagnostic] {
        if case .invalidTemplate(_, let diagnostics) = self { return diagnostics }
        return []
    }
}
