import Foundation
import SheetCore
import SheetLayout
import SheetRender

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

    private func buildSheets(_ selection: [String], options: BuildOptions, progress: BuildProgressHandler?, report: inout RunReport) throws(PipelineError) {
        let output = configuration.outputDirectory
        try AtomicFile.ensureDirectory(output)
        AtomicFile.sweepTemporaries(in: output)

        // What is there, and what is up to date by its file digests alone.
        let (files, selectionDiagnostics) = try ProfileDiscovery.select(selection, in: configuration.profilesDirectory)
        report.diagnostics += selectionDiagnostics
        let ids = files.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        let inShard = options.shard.map { shard in ids.map { shard.contains(id: $0) } } ?? ids.map { _ in true }
        let shardFiles = zip(files, inShard).filter(\.1).map(\.0)
        let previous = options.force ? [:] : Manifest.readAll(in: output)
        let globals = GlobalInputs(configuration: configuration, paper: configuration.paper?.rawValue ?? "template-default")
        var current: [String: Manifest.Sheet] = [:]
        var maybeStale: [String] = []
        for file in shardFiles {
            let id = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            if let sheet = previous[id], isUpToDate(sheet, file: file, globals: globals, includingSurveys: true) {
                current[id] = sheet
            } else {
                maybeStale.append(file)
            }
        }

        // Anything possibly stale: load every profile of the shard (surveys match rows against
        // all of them), then decide exactly, with each profile's survey rows.
        var toRender: [Profile] = []
        var inputs: RunInputs?
        var runWarnings = previousRunWarnings(in: output)
        if !maybeStale.isEmpty {
            var loading = RunReport()
            let prepared = try prepare(shardFiles, report: &loading)
            inputs = prepared
            report.sources.merge(loading.sources)
            report.invalid += loading.invalid
            let stale = Set(maybeStale)
            for profile in prepared.profiles where stale.contains(profile.file) {
                let key = sheetInputs(for: profile, globals: globals, surveyRows: prepared.surveyFingerprints[profile.id] ?? "")
                if let sheet = previous[profile.id], sheet.inputs == key, outputsExist(profile.id) {
                    current[profile.id] = sheet
                } else {
                    toRender.append(profile)
                }
            }
            for file in prepared.invalidFiles {
                current[((file as NSString).lastPathComponent as NSString).deletingPathExtension] = nil
            }
            // Up-to-date sheets report their stored warnings below; their fresh copies are
            // dropped. What belongs to no profile (survey files, taxonomy) is kept for the next
            // run that loads nothing.
            let cachedFiles = Set(current.values.map(\.profile))
            let profileFiles = Set(shardFiles)
            report.diagnostics += loading.diagnostics.filter { !cachedFiles.contains($0.location?.file ?? "") }
            runWarnings = loading.diagnostics.filter {
                $0.severity != .error && !profileFiles.contains($0.location?.file ?? "")
            }
        } else {
            report.diagnostics += runWarnings
        }
        for sheet in current.values { report.diagnostics += sheet.warnings }
        report.upToDate = current.count
        progress?(.started(total: toRender.count, upToDate: report.upToDate))
        // Render in parallel, one measurer and renderer per worker.
        if let inputs, !toRender.isEmpty {
            let rendered = try renderInParallel(toRender, inputs: inputs, globals: globals, jobs: options.jobs, progress: progress, report: &report)
            for sheet in rendered { current[sheet.id] = sheet }
        }

        progress?(.finishing)
        let sheets = current.values.sorted { $0.id < $1.id }
        if let shard = options.shard {
            var manifest = Manifest(tool: configuration.creator, sheets: sheets)
            manifest.warnings = runWarnings
            try writeManifest(manifest, name: Manifest.shardFileName(shard), report: &report)
            return
        }
        // A full build drops sheets whose profiles are gone; a build of some profiles keeps the
        // others' entries.
        var all = selection.isEmpty ? [:] : previous
        for sheet in sheets { all[sheet.id] = sheet }
        if selection.isEmpty {
            for id in Set(previous.keys).subtracting(ids) { all[id] = nil }
        }
        let everything = all.values.filter { outputsExist($0.id) }.sorted { $0.id < $1.id }
        let collectionKey = Fingerprint.sha256(everything.map { "\($0.id) \($0.sha256)" }.joined(separator: "\n") + "\n" + globals.date)
        let collectionPath = path(in: output, "collection.pdf")
        let oldManifest = Manifest.read(path(in: output, Manifest.fileName))
        if !everything.isEmpty, options.force || oldManifest?.collection != collectionKey || !FileManager.default.fileExists(atPath: collectionPath) {
            try writeCollection(everything, to: collectionPath)
            report.written.append(collectionPath)
        }
        try writeIfChanged(Data(Gallery.html(everything).utf8), to: path(in: output, Gallery.fileName), report: &report)
        var manifest = Manifest(tool: configuration.creator, sheets: everything, collection: everything.isEmpty ? nil : collectionKey)
        manifest.warnings = runWarnings
        try writeManifest(manifest, name: Manifest.fileName, report: &report)
        // The shards' manifests are merged into this one now.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? [] where name.hasPrefix("manifest.shard-") {
            unlink(path(in: output, name))
        }
    }

    // MARK: - Up to date

    /// Warnings of the last run that belong to no sheet (survey files, taxonomy).
    func previousRunWarnings(in output: String) -> [Diagnostic] {
        Manifest.read(path(in: output, Manifest.fileName))?.warnings ?? []
    }

    func isUpToDate(_ sheet: Manifest.Sheet, file: String, globals: GlobalInputs, includingSurveys: Bool) -> Bool {
        guard globals.matches(sheet.inputs, includingSurveys: includingSurveys),
              Fingerprint.file(file) == sheet.inputs.profile, outputsExist(sheet.id) else { return false }
        if let logoPath = sheet.inputs.logoPath {
            return Fingerprint.file(logoPath) == sheet.inputs.logo
        }
        return true
    }

    func outputsExist(_ id: String) -> Bool {
        let output = configuration.outputDirectory
        return FileManager.default.fileExists(atPath: path(in: output, id + ".pdf"))
            && FileManager.default.fileExists(atPath: path(in: output, id + ".png"))
    }

    func sheetInputs(for profile: Profile, globals: GlobalInputs, surveyRows: String) -> Manifest.SheetInputs {
        Manifest.SheetInputs(
            profile: Fingerprint.file(profile.file) ?? "", logo: profile.logo.flatMap { Fingerprint.file($0.resolvedPath) },
            logoPath: profile.logo?.resolvedPath, taxonomy: globals.taxonomy, template: globals.template, surveys: globals.surveys,
            surveyRows: surveyRows, tool: globals.tool, paper: globals.paper, date: globals.date)
    }

    // MARK: - Rendering

    private struct WorkerState {
        var measurer: PangoTextMeasurer
        var renderer: SheetRenderer
    }

    private func renderInParallel(
        _ profiles: [Profile], inputs: RunInputs, globals: GlobalInputs, jobs: Int, progress: BuildProgressHandler?,
        report: inout RunReport
    ) throws(PipelineError) -> [Manifest.Sheet] {
        struct Outcome {
            var sheets: [Manifest.Sheet] = []
            var diagnostics: [Diagnostic] = []
            var invalid = 0
            var written: [String] = []
            var failure: PipelineError?
            var done = 0
        }
        let outcome = Guarded(Outcome())
        let run = self
        WorkerPool.run(
            count: profiles.count, jobs: jobs,
            makeState: {
                let measurer = PangoTextMeasurer()
                return WorkerState(measurer: measurer, renderer: SheetRenderer(measurer: measurer))
            },
            work: { state, index in
                let profile = profiles[index]
                let result = run.renderSheet(profile, inputs: inputs, globals: globals, state: state)
                let done = outcome.with { outcome -> Int in
                    outcome.diagnostics += result.diagnostics
                    switch result.sheet {
                    case .success(let sheet?):
                        outcome.sheets.append(sheet)
                        outcome.written += [run.path(in: run.configuration.outputDirectory, profile.id + ".pdf"),
                                            run.path(in: run.configuration.outputDirectory, profile.id + ".png")]
                    case .success(nil):
                        outcome.invalid += 1
                    case .failure(let error):
                        if outcome.failure == nil { outcome.failure = error }
                    }
                    outcome.done += 1
                    return outcome.done
                }
                progress?(.sheetDone(id: profile.id, rendered: (try? result.sheet.get()) != nil, done: done, total: profiles.count))
            },
            shouldStop: { outcome.with { $0.failure != nil } })
        let finished = outcome.with { $0 }
        report.diagnostics += finished.diagnostics
        report.invalid += finished.invalid
        report.rendered += finished.sheets.count
        report.written += finished.written.sorted()
        if let failure = finished.failure { throw failure }
        return finished.sheets
    }

    /// One profile laid out, painted and written; nil sheet when it is invalid.
    private func renderSheet(
        _ profile: Profile, inputs: RunInputs, globals: GlobalInputs, state: WorkerState
    ) -> (sheet: Result<Manifest.Sheet?, PipelineError>, diagnostics: [Diagnostic]) {
        var local = RunReport()
        defer { state.measurer.discardCachedLayouts() }
        let images = ImageCache()
        guard let document = lay(profile, inputs: inputs, renderer: state.renderer, images: images, report: &local) else {
            return (.success(nil), local.diagnostics)
        }
        do {
            let files = try RenderStage.sheet(
                document, images: images, pngScale: Self.thumbnailScale, pngPages: .first, name: profile.id, renderer: state.renderer)
            let pdf = files.pdf
            let output = configuration.outputDirectory
            try AtomicFile.write(pdf, to: path(in: output, profile.id + ".pdf"))
            if let png = files.pngs.first {
                try AtomicFile.write(png, to: path(in: output, profile.id + ".png"))
            }
            let sheet = Manifest.Sheet(
                id: profile.id, profile: profile.file, name: profile.name, language: profile.language, type: profile.type.label,
                keywords: profile.keywords.map { inputs.taxonomy.label(for: $0) ?? $0 }, pages: document.pages.count,
                sha256: Fingerprint.sha256(pdf),
                inputs: sheetInputs(for: profile, globals: globals, surveyRows: inputs.surveyFingerprints[profile.id] ?? ""),
                warnings: local.diagnostics.filter { $0.severity != .error })
            return (.success(sheet), local.diagnostics)
        } catch {
            return (.failure(error), local.diagnostics)
        }
    }

    // MARK: - Outputs of the whole run

    private func writeCollection(_ sheets: [Manifest.Sheet], to collectionPath: String) throws(PipelineError) {
        let writer = PDFCollectionWriter(output: try AtomicFileWriter(path: collectionPath))
        for sheet in sheets {
            let pdfPath = path(in: configuration.outputDirectory, sheet.id + ".pdf")
            guard let data = FileManager.default.contents(atPath: pdfPath) else {
                throw .unwritableOutput(path: collectionPath, reason: "cannot read '\(pdfPath)'")
            }
            do {
                try writer.add([UInt8](data), title: sheet.name)
            } catch {
                throw .renderFailed(id: sheet.id, reason: "adding it to the collection: \(error)")
            }
        }
        try writer.finish(title: "Community profiles", creator: configuration.creator, date: configuration.date)
    }

    private func writeManifest(_ manifest: Manifest, name: String, report: inout RunReport) throws(PipelineError) {
        let data: Data
        do {
            data = try manifest.encoded()
        } catch {
            throw .unwritableOutput(path: name, reason: "encoding the manifest: \(error)")
        }
        try writeIfChanged(data, to: path(in: configuration.outputDirectory, name), report: &report)
    }

    /// Writes `data` unless the file already holds exactly it (a no-change build writes nothing).
    private func writeIfChanged(_ data: Data, to target: String, report: inout RunReport) throws(PipelineError) {
        if FileManager.default.contents(atPath: target) == data { return }
        try AtomicFile.write(data, to: target)
        report.written.append(target)
    }
}
