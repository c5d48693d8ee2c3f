/// Why a run could not complete (exit status 3), as opposed to invalid profiles (status 1),
/// which are diagnostics.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableProfiles(directory: String, reason: String)
    case invalidTemplate(directory: String)
    case unwritableOutput(path: String, reason: String)
    case renderFailed(id: String, reason: String)

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
        }
    }
}
