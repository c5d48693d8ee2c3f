import Foundation
import SheetCore

extension SheetRun {
    /// The sheets of profiles gone (a full build, or the shard's slice of them) or invalid now
    /// (any build) taken out of the output folder: their PDFs and PNGs deleted here, their
    /// manifest entries, gallery cards and collection pages left out of what the run writes.
    func removeOutdatedSheets(_ plan: BuildPlan, selection: [String], shard: Shard?) -> [RemovedSheet] {
        let known = Set(plan.ids)
        let current = plan.current
        let outdated = plan.entries.ids.filter { id in
            guard !current.ids.contains(id) else { return false }
            if known.contains(id) { return current.invalidIDs.contains(id) }
            return selection.isEmpty && (shard?.contains(id: id) ?? true)
        }
        return removeSheets(outdated.sorted(), entries: plan.entries, current: current)
    }

    /// Deletes the PDF and PNG of each sheet of `ids` (those a manifest recorded, so only files
    /// a build wrote) and says why.
    private func removeSheets(_ ids: [String], entries: SheetEntryStore, current: CurrentSheets) -> [RemovedSheet] {
        let output = configuration.outputDirectory
        return ids.map { id in
            var files: [String] = []
            for name in [id + ".pdf", id + ".png"] {
                let file = path(in: output, name)
                if unlink(file) == 0 { files.append(file) }
            }
            let reason: RemovedSheet.Reason = current.invalidIDs.contains(id)
                ? .profileInvalid(file: current.invalidFile(of: id) ?? entries.sheet(id)?.profile ?? id)
                : .profileGone
            return RemovedSheet(id: id, reason: reason, files: files)
        }
    }

    /// Deletes the shards' manifests (`manifest.shard-*`): a full build has merged them into
    /// `manifest.json`.
    func removeShardManifests() {
        let output = configuration.outputDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? [] where name.hasPrefix("manifest.shard-") {
            unlink(path(in: output, name))
        }
    }
}
