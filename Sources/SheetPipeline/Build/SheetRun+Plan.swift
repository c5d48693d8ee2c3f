import SheetCore

extension SheetRun {
    /// What is there, and what is up to date by its file digests alone: the profile files
    /// `selection` names (all when empty) and the shard's part of them, the entries of the
    /// manifests in the output folder (they stay on disk, `SheetEntryStore`), and the sheets
    /// kept because neither their files nor the run's shared inputs changed.
    func planBuild(_ selection: [String], options: BuildOptions, report: inout RunReport) throws(PipelineError) -> BuildPlan {
        let output = configuration.outputDirectory
        let (files, selectionDiagnostics) = try ProfileDiscovery.select(selection, in: configuration.profilesDirectory)
        report.diagnostics += selectionDiagnostics
        let ids = files.map(ProfileSchema.id(ofFile:))
        let inShard = options.shard.map { shard in ids.map { shard.contains(id: $0) } } ?? ids.map { _ in true }
        let shardFiles = zip(files, inShard).filter(\.1).map(\.0)
        // Even a forced build reads them: a forced build of some profiles keeps the others'.
        let entries = try SheetEntryStore(directory: output)
        for manifest in Manifest.files(in: output) { try entries.index(manifest: manifest) }
        let globals = GlobalInputs(configuration: configuration, paper: configuration.paper?.rawValue ?? "template-default")
        var current = CurrentSheets()
        var maybeStale: [String] = []
        for file in shardFiles {
            let id = ProfileSchema.id(ofFile: file)
            if !options.force, let sheet = entries.sheet(id), isUpToDate(sheet, file: file, globals: globals, includingSurveys: true) {
                current.keep(sheet)
            } else {
                maybeStale.append(file)
            }
        }
        return BuildPlan(
            files: files, ids: ids, shardFiles: shardFiles, entries: entries, globals: globals, current: current,
            maybeStale: maybeStale, previousHead: Manifest.head(in: path(in: output, Manifest.fileName)))
    }
}
