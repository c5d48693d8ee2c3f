/// Why a run could not complete (exit status 3), as opposed to invalid profiles (status 1),
/// which are diagnostics.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableProfiles(directory: String, reason: String)
    case invalidTemplate(directory: String)
    case unwritableOutput(path: String, reason: String)
    case renderFailed(id: String, reason: String)
    /// Another build holds the output folder's lock (`OutputLock`); its process id if known.
    case outputInUse(directory: String, process: Int32?)

    public var description: String {
        switch self {
        case .unreadableProfiles(let directory, let reason):
            "cannot read the profiles folder '\(directory)': \(reason)"
        case .invalidTemplate(let directory):
            "the template '\(directory)' cannot be used"
        case .unwritableOutput(let path, let reason):
            "cannot write '\(path)': \(reason)"
        case .renderFailed(let id, let reason):
            "rendering '\(id)' failed: \(reason)"
        case .outputInUse(let directory, let process):
            "the output folder '\(directory)' is in use by another build\(process.map { " (process \($0))" } ?? ""); "
                + "run again when it has finished, or with --wait to wait for it"
        }
    }
}
