import Foundation
import SheetCore
import SheetLayout
import SheetRender

extension SheetRun {
    /// Stages 4 and 5 for a part's profiles to render, on `jobs` workers: each laid out,
    /// painted, its PDF checked and handed to `committer` to write (`renderSheet`), its manifest
    /// entry put into `entries`. Returns the ids of the sheets rendered; the first failure to
    /// write or store is thrown once the workers have stopped.
    func renderInParallel(
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
}
