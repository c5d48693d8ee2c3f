import Crypto
import Foundation
import SheetCore
import SheetLayout
import SheetRender
import SheetSurvey

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
        // Held until every file of the run is in place: no other build writes here meanwhile,
        // so the temporaries swept now are those of builds no longer running.
        let lock = try OutputLock.acquire(output, waiting: options.wait) { holder in
            progress?(.waitingForOutput(directory: output, process: holder))
        }
        defer { lock.release() }
        AtomicFile.sweepTemporaries(in: output)

        // What is there, and what is up to date by its file digests alone. Manifest entries stay
        // on disk (`SheetEntryStore`); `current` names the sheets this run keeps.
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

        // Anything possibly stale is loaded, merged with survey data, checked and rendered a part
        // at a time, so that memory does not grow with the number of profiles; survey rows are
        // matched against the directory of every profile file.
        let previousHead = Manifest.head(in: path(in: output, Manifest.fileName))
        var runWarnings = previousHead?.warnings ?? []
        if maybeStale.isEmpty {
            report.diagnostics += runWarnings
            report.diagnostics += current.keptWarnings
            report.upToDate = current.ids.count
            progress?(.started(total: 0, upToDate: report.upToDate))
        } else {
            runWarnings = try buildInParts(
                maybeStale, shardFiles: shardFiles, entries: entries, globals: globals, options: options, progress: progress,
                current: &current, report: &report)
        }

        progress?(.finishing)
        // The sheets of profiles gone (a full build, or the shard's slice of them) or invalid
        // now (any build) are removed: files, manifest entry, gallery card, collection pages.
        let known = Set(ids)
        let outdated = entries.ids.filter { id in
            guard !current.ids.contains(id) else { return false }
            if known.contains(id) { return current.invalidIDs.contains(id) }
            return selection.isEmpty && (options.shard?.contains(id: id) ?? true)
        }
        report.removed = removeSheets(outdated.sorted(), entries: entries, current: current)
        let removedIDs = Set(report.removed.map(\.id))
        if let shard = options.shard {
            let head = Manifest.Head(collection: nil, tool: configuration.creator, warnings: runWarnings)
            try writeManifest(head, ids: current.ids.sorted(), entries: entries, name: Manifest.shardFileName(shard), report: &report)
            return
        }
        // A full build keeps only this run's sheets; a build of some profiles keeps the others'
        // entries too.
        let kept = selection.isEmpty ? Array(current.ids) : entries.ids.filter { !removedIDs.contains($0) }
        try writeRunOutputs(
            kept.filter { outputsExist($0) }.sorted(), entries: entries, globals: globals, runWarnings: runWarnings,
            previousCollection: previousHead?.collection, force: options.force, report: &report)
        // The shards' manifests are merged into this one now.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? [] where name.hasPrefix("manifest.shard-") {
            unlink(path(in: output, name))
        }
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

    // MARK: - Up to date

    func isUpToDate(_ sheet: Manifest.Sheet, file: String, globals: GlobalInputs, includingSurveys: Bool) -> Bool {
        guard sheet.openData != nil, globals.matches(sheet.inputs, includingSurveys: includingSurveys),
              Fingerprint.file(file, limit: YAMLDocument.maximumFileSize) == sheet.inputs.profile, outputsExist(sheet.id)
        else { return false }
        if let logoPath = sheet.inputs.logoPath {
            guard let logo = Fingerprint.file(logoPath, limit: ImageProbe.maximumFileSize) else { return false }
            return logo == sheet.inputs.logo
        }
        return true
    }

    /// Whether the sheet's PDF and PNG are in the output folder as regular files (not links,
    /// pipes or folders in their way: then the sheet is rendered again, and its files replace
    /// them).
    func outputsExist(_ id: String) -> Bool {
        let output = configuration.outputDirectory
        return AtomicFile.isRegularFile(path(in: output, id + ".pdf")) && AtomicFile.isRegularFile(path(in: output, id + ".png"))
    }

    func sheetInputs(for profile: Profile, globals: GlobalInputs, surveyRows: String) -> Manifest.SheetInputs {
        Manifest.SheetInputs(
            profile: Fingerprint.file(profile.file, limit: YAMLDocument.maximumFileSize) ?? "",
            logo: profile.logo.flatMap { Fingerprint.file($0.resolvedPath, limit: ImageProbe.maximumFileSize) },
            logoPath: profile.logo?.resolvedPath, taxonomy: globals.taxonomy, template: globals.template, surveys: globals.surveys,
            surveyRows: surveyRows, tool: globals.tool, paper: globals.paper, language: globals.language, date: globals.date)
    }

    // MARK: - Rendering

    /// Loads, merges, checks and renders the files `maybeStale` names (and any file sharing an
    /// id with one, so that the duplicate check sees both) in parts; fills `current` with the
    /// sheets up to date or rendered. Returns the run's warnings that belong to no profile.
    private func buildInParts(
        _ maybeStale: [String], shardFiles: [String], entries: SheetEntryStore, globals: GlobalInputs,
        options: BuildOptions, progress: BuildProgressHandler?, current: inout CurrentSheets, report: inout RunReport
    ) throws(PipelineError) -> [Diagnostic] {
        let shared = try LoadStage.shared(configuration)
        let loader = LoadStage.profileLoader(configuration, taxonomy: shared.taxonomy)
        let directory = SurveyStage.hasMappings(configuration) ? SurveyStage.directory(configuration, jobs: options.jobs) : nil
        let parts = Self.parts(of: maybeStale, in: shardFiles, size: options.profilesPerPart)
        let profileFiles = Set(shardFiles)
        let digestUpToDate = current.upToDateFiles
        // Diagnostics of no profile (template, taxonomy, survey files) come from every part alike.
        var runLevel = shared.diagnostics
        var seenRunLevel = Set(runLevel)
        report.sources.merge(shared.sources)

        let total = parts.reduce(0) { $0 + $1.count }
        progress?(.started(total: total, upToDate: current.ids.count))
        let states = StatePool { SheetWorker() }
        let done = Guarded(0)
        var firstFiles: [String: String] = [:]
        let committer = OutputCommitter()
        do {
            for part in parts {
                let inputs = preparePart(
                    part, shared: shared, loader: loader, directory: directory, jobs: options.jobs, firstFiles: &firstFiles)
                report.sources.merge(inputs.sources)
                report.invalid += Set(inputs.invalidFiles).count

                var toRender: [Profile] = []
                var cachedNow: Set<String> = []
                for profile in inputs.profiles {
                    let key = sheetInputs(for: profile, globals: globals, surveyRows: inputs.surveyFingerprints[profile.id] ?? "")
                    if !options.force, let sheet = entries.sheet(profile.id), sheet.inputs == key, sheet.openData != nil, outputsExist(profile.id) {
                        current.keep(sheet)
                        cachedNow.insert(profile.file)
                    } else if !digestUpToDate.contains(profile.file) {
                        toRender.append(profile)
                    }
                }
                for file in inputs.invalidFiles {
                    current.remove(invalid: file)
                }
                // Up-to-date sheets report their stored warnings below; their fresh copies are
                // dropped. A profile's warnings (those in its file, and those a survey gave it)
                // are kept with its sheet.
                var owners: [Diagnostic: String] = [:]
                for (file, warnings) in inputs.profileWarnings {
                    for warning in warnings { owners[warning] = file }
                }
                var sheetWarnings: [String: [Diagnostic]] = [:]
                for diagnostic in inputs.diagnostics {
                    let file = owners[diagnostic] ?? diagnostic.location?.file ?? ""
                    if profileFiles.contains(file) {
                        if !cachedNow.contains(file) && !digestUpToDate.contains(file) { report.diagnostics.append(diagnostic) }
                        if diagnostic.severity != .error { sheetWarnings[file, default: []].append(diagnostic) }
                    } else if seenRunLevel.insert(diagnostic).inserted {
                        runLevel.append(diagnostic)
                    }
                }
                let skipped = part.count - toRender.count
                if skipped > 0 {
                    let count = done.with { value -> Int in
                        value += skipped
                        return value
                    }
                    progress?(.sheetDone(id: "", rendered: false, done: count, total: total))
                }
                let rendered = try renderInParallel(
                    toRender, inputs: inputs, sheetWarnings: sheetWarnings, globals: globals, jobs: options.jobs, states: states, entries: entries,
                    committer: committer, done: done, total: total, progress: progress, report: &report)
                let renderedFiles = Dictionary(toRender.map { ($0.id, $0.file) }, uniquingKeysWith: { first, _ in first })
                for id in rendered { current.add(rendered: id, file: renderedFiles[id]) }
            }
        } catch {
            // What was painted before the failure is still written, or the next run sweeps it.
            try? committer.finish()
            throw error
        }
        try committer.finish()
        report.diagnostics += runLevel
        report.diagnostics += current.keptWarnings
        report.upToDate = current.ids.count - current.rendered.count
        return runLevel.filter { $0.severity != .error && !profileFiles.contains($0.location?.file ?? "") }
    }

    /// Stages 1–3 for one part: its files loaded on `jobs` threads, merged with survey data
    /// (rows matched against `directory`, every profile file's entry) and checked, ids against
    /// the earlier parts' too. `shared` holds the template and taxonomy, loaded once.
    private func preparePart(
        _ part: [String], shared: RunInputs, loader: ProfileLoader, directory: [CommunityDirectory.Entry]?, jobs: Int,
        firstFiles: inout [String: String]
    ) -> RunInputs {
        var inputs = shared
        inputs.diagnostics = []
        inputs.sources = SourceTextStore()
        let results = WorkerPool.map(count: part.count, jobs: jobs) { loader.load(file: part[$0]) }
        LoadStage.add(results, of: part, to: &inputs)
        inputs = SurveyStage.merge(inputs, configuration: configuration, directory: directory).inputs
        return CheckStage.run(inputs, firstFiles: &firstFiles)
    }

    /// The files to load, in parts of about `size` in shard order: those of `maybeStale` and
    /// every shard file sharing an id with one, files of one id always in the same part.
    static func parts(of maybeStale: [String], in shardFiles: [String], size: Int) -> [[String]] {
        let id = ProfileSchema.id(ofFile:)
        let staleIDs = Set(maybeStale.map(id))
        var groups: [String: [String]] = [:]
        var order: [String] = []
        for file in shardFiles where staleIDs.contains(id(file)) {
            if groups[id(file)] == nil { order.append(id(file)) }
            groups[id(file), default: []].append(file)
        }
        var parts: [[String]] = []
        var part: [String] = []
        for key in order {
            part += groups[key] ?? []
            if part.count >= size {
                parts.append(part)
                part = []
            }
        }
        if !part.isEmpty { parts.append(part) }
        return parts
    }

    private func renderInParallel(
        _ profiles: [Profile], inputs: RunInputs, sheetWarnings: [String: [Diagnostic]], globals: GlobalInputs, jobs: Int, states: StatePool<SheetWorker>,
        entries: SheetEntryStore, committer: OutputCommitter, done: Guarded<Int>, total: Int, progress: BuildProgressHandler?,
        report: inout RunReport
    ) throws(PipelineError) -> [String] {
        struct Outcome {
            /// Ids of the sheets rendered; their entries go to `entries`.
            var rendered: [String] = []
            var diagnostics: [Diagnostic] = []
            var invalid = 0
            var failure: PipelineError?
        }
        let outcome = Guarded(Outcome())
        let run = self
        WorkerPool.run(
            count: profiles.count, jobs: jobs,
            makeState: { states.take() },
            work: { state, index in
                let profile = profiles[index]
                var result = run.renderSheet(
                    profile, inputs: inputs, warnings: sheetWarnings[profile.file] ?? [], globals: globals, state: state, committer: committer)
                if case .success(let sheet?) = result.sheet {
                    do throws(PipelineError) {
                        try entries.put(sheet)
                    } catch {
                        result.sheet = .failure(error)
                    }
                }
                outcome.with { outcome in
                    outcome.diagnostics += result.diagnostics
                    switch result.sheet {
                    case .success(let sheet?):
                        outcome.rendered.append(sheet.id)
                    case .success(nil):
                        outcome.invalid += 1
                    case .failure(let error):
                        if outcome.failure == nil { outcome.failure = error }
                    }
                }
                let count = done.with { value -> Int in
                    value += 1
                    return value
                }
                progress?(.sheetDone(id: profile.id, rendered: (try? result.sheet.get()) != nil, done: count, total: total))
            },
            shouldStop: { outcome.with { $0.failure != nil } || committer.failed },
            finish: { states.give($0) })
        let finished = outcome.with { $0 }
        report.diagnostics += finished.diagnostics
        report.invalid += finished.invalid
        report.rendered += finished.rendered.count
        if let failure = finished.failure { throw failure }
        return finished.rendered
    }

    /// One profile laid out, painted and handed to `committer` to write; nil sheet when it is
    /// invalid. Its manifest entry keeps `warnings` (the profile's from loading and merging) and
    /// those of its layout.
    private func renderSheet(
        _ profile: Profile, inputs: RunInputs, warnings: [Diagnostic], globals: GlobalInputs, state: SheetWorker, committer: OutputCommitter
    ) -> (sheet: Result<Manifest.Sheet?, PipelineError>, diagnostics: [Diagnostic]) {
        var local = RunReport()
        defer {
            state.finishSheet()
            AllocatorTuning.releaseFreeMemory()
        }
        let images = ImageCache()
        guard let document = lay(profile, inputs: inputs, worker: state, images: images, report: &local) else {
            return (.success(nil), local.diagnostics)
        }
        do {
            let files = try RenderStage.sheet(
                document, images: images, pngScale: Self.thumbnailScale, pngPages: .first, name: profile.id, renderer: state.renderer)
            guard let pdf = RenderStage.checkedPDF(
                files.pdf, name: profile.id + ".pdf", of: profile, alter: configuration.alterPDF, diagnostics: &local.diagnostics)
            else { return (.success(nil), local.diagnostics) }
            let output = configuration.outputDirectory
            committer.submit(pdf, to: path(in: output, profile.id + ".pdf"))
            if let png = files.pngs.first {
                committer.submit(png, to: path(in: output, profile.id + ".png"))
            }
            let sheet = Manifest.Sheet(
                id: profile.id, profile: profile.file, name: profile.name, language: profile.language, type: profile.type.label,
                keywords: profile.keywords.map { inputs.taxonomy.label(for: $0) ?? $0 }, pages: document.pages.count,
                sha256: Fingerprint.sha256(pdf),
                inputs: sheetInputs(for: profile, globals: globals, surveyRows: inputs.surveyFingerprints[profile.id] ?? ""),
                warnings: (warnings + local.diagnostics.filter { $0.severity != .error }).sorted(),
                openData: OpenDataRecord(profile: profile, contributions: inputs.provenance[profile.file] ?? [:]))
            return (.success(sheet), local.diagnostics)
        } catch {
            return (.failure(error), local.diagnostics)
        }
    }

    // MARK: - Outputs of the whole run

    /// `index.html`, `overview.pdf`, `collection.pdf` and `manifest.json` for the sheets `ids` (in id order),
    /// each streamed from the entries a sheet at a time. The collection is written only when a
    /// sheet in it changed since `previousCollection` was its digest (or with `force`); the
    /// others only when their bytes change.
    private func writeRunOutputs(
        _ ids: [String], entries: SheetEntryStore, globals: GlobalInputs, runWarnings: [Diagnostic], previousCollection: String?,
        force: Bool, report: inout RunReport
    ) throws(PipelineError) {
        let output = configuration.outputDirectory
        // Entries that cannot be read back (a damaged line of an older manifest) are left out,
        // as if never built: the next full build renders them again.
        var listed: [String] = []
        var collectionDigest = SHA256()
        for id in ids {
            guard let sheet = entries.sheet(id) else { continue }
            collectionDigest.update(data: Data((listed.isEmpty ? "\(id) \(sheet.sha256)" : "\n\(id) \(sheet.sha256)").utf8))
            listed.append(id)
        }
        collectionDigest.update(data: Data(("\n" + globals.date).utf8))
        let collectionKey = Fingerprint.hex(collectionDigest.finalize())

        let collectionPath = path(in: output, "collection.pdf")
        let overviewPath = path(in: output, Self.overviewFileName)
        var collection: String? = listed.isEmpty ? nil : collectionKey
        if !listed.isEmpty,
           force || previousCollection != collectionKey || !AtomicFile.isRegularFile(collectionPath) || !AtomicFile.isRegularFile(overviewPath) {
            // The overview opens the collection; both follow the same sheets.
            let overview = try writeOverview(listed, entries: entries, to: overviewPath, report: &report)
            if try writeCollection(listed, entries: entries, overview: overview, to: collectionPath, report: &report) {
                report.written.append(collectionPath)
            } else {
                // Not written: the next build tries again.
                collection = nil
            }
        }

        let galleryPath = path(in: output, Gallery.fileName)
        let gallery = try AtomicFileWriter(path: galleryPath, keepIfUnchanged: true)
        gallery.write(Gallery.opening(count: listed.count))
        var table = OpenDataTable()
        for id in listed {
            guard let sheet = entries.sheet(id) else { throw .unwritableOutput(path: galleryPath, reason: "cannot read the entry of '\(id)' again") }
            gallery.write(Gallery.card(sheet))
            if let data = sheet.openData { table.note(data) }
        }
        gallery.write(Gallery.closing)
        if try gallery.commit() { report.written.append(galleryPath) }
        try writeOpenData(listed, entries: entries, table: &table, report: &report)

        let head = Manifest.Head(collection: collection, tool: configuration.creator, warnings: runWarnings)
        try writeManifest(head, ids: listed, entries: entries, name: Manifest.fileName, report: &report)
    }

    /// `profiles.csv` and `profiles.json` for the sheets `ids` (docs/open-data.md), streamed
    /// from their entries; each written only when its bytes change.
    private func writeOpenData(_ ids: [String], entries: SheetEntryStore, table: inout OpenDataTable, report: inout RunReport) throws(PipelineError) {
        let output = configuration.outputDirectory
        let csvPath = path(in: output, OpenDataTable.csvFileName)
        let jsonPath = path(in: output, OpenDataTable.jsonFileName)
        let csv = try AtomicFileWriter(path: csvPath, keepIfUnchanged: true)
        let json = try AtomicFileWriter(path: jsonPath, keepIfUnchanged: true)
        csv.write(OpenDataTable.line(table.columns()))
        json.write("{\"format\":1,\"communities\":[\n")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var first = true
        for id in ids {
            guard let data = entries.sheet(id)?.openData else { throw .unwritableOutput(path: csvPath, reason: "cannot read the entry of '\(id)' again") }
            csv.write(OpenDataTable.line(table.cells(data)))
            do {
                json.write((first ? "" : ",\n") + String(decoding: try encoder.encode(data), as: UTF8.self))
            } catch {
                throw .unwritableOutput(path: jsonPath, reason: "encoding the entry of '\(id)': \(error)")
            }
            first = false
        }
        json.write((first ? "" : "\n") + "]}\n")
        if try csv.commit() { report.written.append(csvPath) }
        if try json.commit() { report.written.append(jsonPath) }
    }

    /// Writes `collection.pdf` from the sheets `ids`; false when it failed its structure check
    /// and was not written. A sheet the collection writer cannot read is left out of it. Both
    /// are errors in `report`, never a stop of the run.
    private func writeCollection(
        _ ids: [String], entries: SheetEntryStore, overview: OverviewFile?, to collectionPath: String, report: inout RunReport
    ) throws(PipelineError) -> Bool {
        let writer = PDFCollectionWriter(output: try AtomicFileWriter(path: collectionPath))
        if let overview {
            do {
                try writer.add([UInt8](overview.pdf), title: overview.bookmark)
            } catch {
                report.diagnostics.append(.error(at: nil, "'\(Self.overviewFileName)' was left out of 'collection.pdf': \(error)",
                                                 hint: "this is a fault of profilesheet; please report it"))
            }
        }
        for id in ids {
            let pdfPath = path(in: configuration.outputDirectory, id + ".pdf")
            let data: Data
            switch BoundedFile.read(pdfPath, limit: Manifest.maximumSheetSize, followingLinks: false) {
            case .success(let bytes): data = bytes
            case .failure(let problem):
                throw .unwritableOutput(path: collectionPath, reason: "cannot read '\(pdfPath)': \(AtomicFile.describe(problem, limit: Manifest.maximumSheetSize))")
            }
            guard let sheet = entries.sheet(id) else {
                throw .unwritableOutput(path: collectionPath, reason: "cannot read the entry of '\(id)' again")
            }
            do {
                try writer.add([UInt8](data), title: sheet.name, file: id + ".pdf")
            } catch {
                report.diagnostics.append(.error(
                    at: SourceLocation(file: sheet.profile, line: 1, column: 1),
                    "'\(id).pdf' was left out of 'collection.pdf': \(error)",
                    hint: "build it again with --force; if that does not help, please report it with the profile"))
            }
        }
        let name = "collection.pdf"
        var refused: PDFCheckError?
        let alter = configuration.alterPDF
        do {
            // The collection's own words (its title, the overview's bookmark) are the template's,
            // in the overview's language.
            try writer.finish(title: overview?.collectionTitle ?? "Community profiles", language: overview?.language ?? "en", creator: configuration.creator, date: configuration.date) { temporary in
                do throws(PDFCheckError) {
                    if let alter { try Self.alter(fileAt: temporary, name: name, with: alter) }
                    try PDFStructureCheck.check(fileAt: temporary)
                    return nil
                } catch {
                    refused = error
                    return "it failed the PDF structure check"
                }
            }
        } catch {
            guard let refused else { throw error }
            report.diagnostics.append(RenderStage.structureDiagnostic(name, refused, at: nil))
            return false
        }
        return true
    }

    /// The test seam `RunConfiguration.alterPDF` applied to a file written in place.
    private static func alter(fileAt path: String, name: String, with alter: (String, Data) -> Data) throws(PDFCheckError) {
        guard let bytes = FileManager.default.contents(atPath: path),
              (try? alter(name, bytes).write(to: URL(fileURLWithPath: path))) != nil
        else { throw .failed(kind: .system, detail: "the test seam could not rewrite \(path)", offset: 0) }
    }

    /// The manifest `name`: `head`, then the entries of `ids` in that order, written only when
    /// its bytes change.
    private func writeManifest(
        _ head: Manifest.Head, ids: [String], entries: SheetEntryStore, name: String, report: inout RunReport
    ) throws(PipelineError) {
        let target = path(in: configuration.outputDirectory, name)
        let writer = try AtomicFileWriter(path: target, keepIfUnchanged: true)
        do {
            writer.write(try Manifest.headLine(head))
        } catch {
            throw .unwritableOutput(path: target, reason: "encoding the manifest: \(error)")
        }
        for (index, id) in ids.enumerated() {
            guard let line = entries.entryLine(id) else { throw .unwritableOutput(path: target, reason: "cannot read the entry of '\(id)' again") }
            writer.write(line)
            writer.write(index + 1 < ids.count ? [UInt8(ascii: ","), 0x0A] : [0x0A])
        }
        writer.write(Manifest.closing)
        if try writer.commit() { report.written.append(target) }
    }
}
