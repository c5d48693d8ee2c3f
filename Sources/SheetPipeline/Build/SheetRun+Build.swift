import Foundation
import SheetCore

extension SheetRun {
    /// `profilesheet build`: every valid profile rendered to `output/ID.pdf` and `ID.png`,
    /// in parallel, re-rendering only what changed since the manifest was written; then the
    /// manifest, the gallery `index.html` and `collection.pdf` (not for a shard: those are
    /// made when the shards' outputs are gathered and built once more).
    public func build(_ selection: [String], options: BuildOptions = BuildOptions(), progress: BuildProgressHandler? = nil) -> RunReport {
        var report = RunReport()
        let started = Date()
        do {
            try buildSheets(selection, options: options, progress: progress, report: &report)
        } catch {
            report.failure = error
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// The stages of a build, one function each, with the output folder locked throughout:
    /// what is up to date (`planBuild`), loading, merging, checking and rendering what may be
    /// stale a part at a time (`renderStaleSheets`), the sheets of gone or invalid profiles
    /// removed (`removeOutdatedSheets`), then the outputs of the whole run (`writeRunOutputs`:
    /// overview, collection, gallery, open data, manifest), or a shard's manifest alone.
    private func buildSheets(_ selection: [String], options: BuildOptions, progress: BuildProgressHandler?, report: inout RunReport) throws(PipelineError) {
        let output = configuration.outputDirectory
        try AtomicFile.ensureDirectory(output)
        // Held until every file of the run is in place: no other build writes here meanwhile,
        // so the temporaries swept now are those of builds no longer running.
        let lock = try OutputLock.acquire(output, waiting: options.wait) { holder in
            progress?(.waitingForOutput(directory: output, process: holder))
        }
        defer { lock.release() }
        AtomicFile.sweepTemporaries(in: output)

        var plan = try planBuild(selection, options: options, report: &report)
        let runWarnings = try renderStaleSheets(&plan, options: options, progress: progress, report: &report)
        progress?(.finishing)
        report.removed = removeOutdatedSheets(plan, selection: selection, shard: options.shard)
        if let shard = options.shard {
            let head = Manifest.Head(collection: nil, tool: configuration.creator, warnings: runWarnings)
            try writeManifest(head, ids: plan.current.ids.sorted(), entries: plan.entries, name: Manifest.shardFileName(shard), report: &report)
            return
        }
        // A full build keeps only this run's sheets; a build of some profiles keeps the others'
        // entries too.
        let removedIDs = Set(report.removed.map(\.id))
        let kept = selection.isEmpty ? Array(plan.current.ids) : plan.entries.ids.filter { !removedIDs.contains($0) }
        try writeRunOutputs(
            kept.filter { outputsExist($0) }.sorted(), entries: plan.entries, globals: plan.globals, runWarnings: runWarnings,
            previousCollection: plan.previousHead?.collection, force: options.force, report: &report)
        removeShardManifests()
    }
}
