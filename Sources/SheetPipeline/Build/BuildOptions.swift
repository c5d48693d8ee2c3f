/// How `build` goes about its work (cli.md: `--jobs`, `--shard`, `--force`, `--wait`).
public struct BuildOptions: Sendable {
    /// Sheets rendered at once; at least 1.
    public var jobs: Int
    public var shard: Shard?
    /// Render even what is up to date.
    public var force: Bool
    /// How many profiles are loaded and rendered at a time (nil: 32 a job, at least 64). Memory
    /// depends on it, not on the number of profiles; the output does not depend on it.
    public var partSize: Int?
    /// When another build is writing into the output folder: wait for it to finish (true) or
    /// stop at once with `PipelineError.outputInUse` (false, the default).
    public var wait: Bool

    public init(jobs: Int = BuildOptions.defaultJobs, shard: Shard? = nil, force: Bool = false, partSize: Int? = nil, wait: Bool = false) {
        self.jobs = max(1, jobs)
        self.shard = shard
        self.force = force
        self.partSize = partSize.map { max(1, $0) }
        self.wait = wait
    }

    /// The part size in use.
    var profilesPerPart: Int { partSize ?? max(64, jobs * 32) }

    public static var defaultJobs: Int { max(1, ProcessInfoCores.active) }
}

import Foundation

enum ProcessInfoCores {
    static var active: Int { ProcessInfo.processInfo.activeProcessorCount }
}
