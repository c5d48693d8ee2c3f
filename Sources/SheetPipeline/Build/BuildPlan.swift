import SheetCore

/// What a build knows before it renders anything (`SheetRun.planBuild`): the profile files
/// selected, the manifest entries of earlier builds, the digests every sheet shares, and which
/// sheets are up to date by their files' digests alone.
struct BuildPlan {
    /// Every profile file selected, in discovery order.
    var files: [String]
    /// The id of each file of `files`, in the same order.
    var ids: [String]
    /// Of `files`, those in the build's shard (all of them without `--shard`).
    var shardFiles: [String]
    /// The entries of the manifests in the output folder; entries of sheets rendered now are
    /// added as they are painted.
    var entries: SheetEntryStore
    var globals: GlobalInputs
    /// The sheets this run keeps: up to date by digest now, rendered ones added later.
    var current: CurrentSheets
    /// Shard files whose sheet is not up to date by its files' digests.
    var maybeStale: [String]
    /// The head of the previous `manifest.json`: its collection digest and run warnings.
    var previousHead: Manifest.Head?
}
