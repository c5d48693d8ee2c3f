/// A sheet a build took out of its output folder: its PDF, its thumbnail, its manifest entry
/// and its places in the gallery and the collection, because its profile is gone or invalid.
///
/// A working group's build is what it publishes (the workflow uploads the output folder as
/// it is), so a sheet its profiles no longer make is removed rather than kept: kept, it would
/// go on publishing what a coordinator took out of a profile (a community that left, an
/// address it asked to have removed). An invalid profile is an error of the run, so its
/// missing sheet is never a surprise.
public struct RemovedSheet: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// No profile file has the id any more.
        case profileGone
        /// Its profile file did not load or failed a check in this run.
        case profileInvalid(file: String)
    }

    public var id: String
    public var reason: Reason
    /// The files deleted, as paths in the output folder (those that were there).
    public var files: [String]

    /// The line a build prints for it.
    public var note: String {
        let what = files.isEmpty ? "the sheet of '\(id)'" : files.map { "'\($0)'" }.joined(separator: " and ")
        switch reason {
        case .profileGone:
            return "removed \(what): no profile has the id '\(id)' any more"
        case .profileInvalid(let file):
            return "removed \(what): its profile \(file) is invalid; it comes back when the profile's errors are fixed"
        }
    }
}
