import SheetCore

extension SheetRun {
    /// Stages 1–5 for the files `plan.maybeStale` names: loaded, merged with survey data,
    /// checked and rendered a part at a time (`buildInParts`), so that memory does not grow with
    /// the number of profiles. With nothing possibly stale, the previous run's warnings and the
    /// kept sheets' warnings are reported again. Returns the run's warnings that belong to no
    /// profile.
    func renderStaleSheets(
        _ plan: inout BuildPlan, options: BuildOptions, progress: BuildProgressHandler?, report: inout RunReport
    ) throws(PipelineError) -> [Diagnostic] {
        guard !plan.maybeStale.isEmpty else {
            let runWarnings = plan.previousHead?.warnings ?? []
            report.diagnostics += runWarnings
            report.diagnostics += plan.current.keptWarnings
            report.upToDate = plan.current.ids.count
            progress?(.started(total: 0, upToDate: report.upToDate))
            return runWarnings
        }
        return try buildInParts(
            plan.maybeStale, shardFiles: plan.shardFiles, entries: plan.entries, globals: plan.globals, options: options,
            progress: progress, current: &plan.current, report: &report)
    }

    /// Loads, merges, checks and renders the files `maybeStale` names (and any file sharing an
    /// id with one, so that the duplicate check sees both) in parts; fills `current` with the
    /// sheets up to date or rendered. Survey rows are matched against the directory of every
    /// profile file. Returns the run's warnings that belong to no profile.
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
                let (toRender, cachedNow) = sheetsToRender(
                    inputs, entries: entries, globals: globals, force: options.force, digestUpToDate: digestUpToDate, current: &current)
                let sheetWarnings = sortDiagnostics(
                    of: inputs, profileFiles: profileFiles, keptNow: cachedNow, keptByDigest: digestUpToDate,
                    runLevel: &runLevel, seenRunLevel: &seenRunLevel, report: &report)
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

    /// Of a part's valid profiles, those to render: not up to date by their inputs' digests
    /// (survey rows included, now that they are merged) and not kept already by their files'
    /// digests (`digestUpToDate`). The ones up to date now go into `current`, and their files
    /// are returned as `cachedNow`; the sheets of the part's invalid files leave `current`.
    private func sheetsToRender(
        _ inputs: RunInputs, entries: SheetEntryStore, globals: GlobalInputs, force: Bool, digestUpToDate: Set<String>,
        current: inout CurrentSheets
    ) -> (toRender: [Profile], cachedNow: Set<String>) {
        var toRender: [Profile] = []
        var cachedNow: Set<String> = []
        for profile in inputs.profiles {
            let key = sheetInputs(for: profile, globals: globals, surveyRows: inputs.surveyFingerprints[profile.id] ?? "")
            if !force, let sheet = entries.sheet(profile.id), sheet.inputs == key, sheet.openData != nil, outputsExist(profile.id) {
                current.keep(sheet)
                cachedNow.insert(profile.file)
            } else if !digestUpToDate.contains(profile.file) {
                toRender.append(profile)
            }
        }
        for file in inputs.invalidFiles {
            current.remove(invalid: file)
        }
        return (toRender, cachedNow)
    }

    /// A part's diagnostics, each to its place: one of a profile file goes into `report`
    /// (unless its sheet is up to date, kept in this part or by its files' digests: its stored
    /// warnings are reported instead and the fresh copies dropped), and if it is no error into the returned warnings
    /// of that file, kept with its sheet (those in the file, and those a survey gave it). One
    /// of no profile file joins `runLevel` once.
    private func sortDiagnostics(
        of inputs: RunInputs, profileFiles: Set<String>, keptNow: Set<String>, keptByDigest: Set<String>,
        runLevel: inout [Diagnostic], seenRunLevel: inout Set<Diagnostic>, report: inout RunReport
    ) -> [String: [Diagnostic]] {
        var owners: [Diagnostic: String] = [:]
        for (file, warnings) in inputs.profileWarnings {
            for warning in warnings { owners[warning] = file }
        }
        var sheetWarnings: [String: [Diagnostic]] = [:]
        for diagnostic in inputs.diagnostics {
            let file = owners[diagnostic] ?? diagnostic.location?.file ?? ""
            if profileFiles.contains(file) {
                if !keptNow.contains(file) && !keptByDigest.contains(file) { report.diagnostics.append(diagnostic) }
                if diagnostic.severity != .error { sheetWarnings[file, default: []].append(diagnostic) }
            } else if seenRunLevel.insert(diagnostic).inserted {
                runLevel.append(diagnostic)
            }
        }
        return sheetWarnings
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
}
