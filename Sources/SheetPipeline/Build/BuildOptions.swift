/// How `build` goes about its work (cli.md: `--jobs`, `--shard`, `--force`).
public struct BuildOptions: Sendable {
    /// Sheets rendered at once; at least 1.
    public var jobs: Int
    public var shard: Shard?
    /// Render even what is up to date.
    public var force: Bool

    public init(jobs: Int = BuildOptions.defaultJobs, shard: Shard? = nil, force: Bool = false) {
        self.jobs = max(1, jobs)
        self.shard = shard
        self.force = force
    }

    public static var defaultJobs: Int { max(1, ProcessInfoCores.active) }
}

import Foundation

enum ProcessInfoCores {
    static var active: Int { ProcessInfo.processInfo.activeProcessorCount }
}
