import Foundation
import SheetCore
import SheetLayout
import SheetRender

/// The commands' work, one readable function each: `build`, `validate` and `preview`.
public struct SheetRun: Sendable {
    public var configuration: RunConfiguration

    public init(configuration: RunConfiguration) {
        self.configuration = configuration
    }

    /// Thumbnails on the gallery page: 300 pixels wide for Letter.
    static let thumbnailScale = 300.0 / 612.0
    /// Preview pages: 110 dpi.
    static let previewScale = 110.0 / 72.0

    /// Loads, merges and checks the profiles named by `selection` (all when empty).
    func prepare(_ selection: [String], report: inout RunReport) throws(PipelineError) -> RunInputs {
        let loaded = try LoadStage.run(configuration, selection: selection)
        let merged = SurveyStage.run(loaded, configuration: configuration)
        let checked = CheckStage.run(merged)
        report.diagnostics += checked.diagnostics
        report.sources.merge(checked.sources)
        report.invalid = Set(checked.invalidFiles).count
        report.checked = checked.profiles.count + report.invalid
        return checked
    }

    /// Lays out one profile and checks its images; nil when it is invalid.
    func lay(_ profile: Profile, inputs: RunInputs, measurer: any TextMeasurer, report: inout RunReport) -> SheetDocument? {
        lay(profile, inputs: inputs, measurer: measurer, report: &report) { _ in RenderStage.checkImages(profile, isolation: configuration.imageIsolation) }
    }

    /// `lay` for a sheet about to be painted by `worker`: its images are checked by decoding
    /// them into `images`, which painting then uses (on their own when the layout failed).
    func lay(
        _ profile: Profile, inputs: RunInputs, worker: SheetWorker, images: ImageCache, report: inout RunReport
    ) -> SheetDocument? {
        lay(profile, inputs: inputs, measurer: worker.measurer, report: &report) { document in
            guard let document else { return RenderStage.checkImages(profile, isolation: configuration.imageIsolation) }
            return RenderStage.decodeImages(document, of: profile, renderer: worker.renderer, into: images, isolation: configuration.imageIsolation)
        }
    }

    /// The layout, then `checkImages` with the document (nil when the layout has errors); the
    /// diagnostics of both go into `report`.
    private func lay(
        _ profile: Profile, inputs: RunInputs, measurer: any TextMeasurer, report: inout RunReport,
        checkImages: (SheetDocument?) -> [Diagnostic]
    ) -> SheetDocument? {
        let result = LayoutStage.run(profile, inputs: inputs, configuration: configuration, measurer: measurer)
        let problems = result.diagnostics + checkImages(result.diagnostics.hasErrors ? nil : result.document)
        report.diagnostics += problems
        if problems.hasErrors {
            report.invalid += 1
            return nil
        }
        return result.document
    }

    /// `profilesheet validate`: everything up to rendering, writing nothing; profiles are laid
    /// out on `jobs` threads, each with its own measurer.
    public func validate(_ selection: [String], jobs: Int = BuildOptions.defaultJobs) -> RunReport {
        var report = RunReport()
        let started = Date()
        do {
            let inputs = try prepare(selection, report: &report)
            let laidOut = Guarded(RunReport())
            let run = self
            WorkerPool.run(
                count: inputs.profiles.count, jobs: max(1, jobs), makeState: { PangoTextMeasurer() },
                work: { measurer, index in
                    var local = RunReport()
                    _ = run.lay(inputs.profiles[index], inputs: inputs, measurer: measurer, report: &local)
                    measurer.finishSheet()  // nothing is drawn
                    laidOut.with { report in
                        report.diagnostics += local.diagnostics
                        report.invalid += local.invalid
                    }
                },
                shouldStop: { false })
            let finished = laidOut.with { $0 }
            report.diagnostics += finished.diagnostics
            report.invalid += finished.invalid
        } catch {
            report.failure = error
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// `profilesheet preview`: one profile into `output/preview/` as a PDF and a PNG a page.
    /// It loads only what that profile needs: its file, logo, the taxonomy, the template and
    /// the survey rows that match it. Files are replaced atomically, so a viewer never reads a
    /// half-written one; PNGs of pages the sheet no longer has are removed.
    public func preview(_ profile: String) -> RunReport {
        preview(profile, worker: SheetWorker())
    }

    /// `preview(_:)` through `worker`, which keeps the text of this render for the next
    /// (`SheetWorker.finishSheet`). `preview --watch` renders every save through one worker,
    /// so a save lays out only the blocks it changed, and fonts are loaded once.
    public func preview(_ profile: String, worker: SheetWorker) -> RunReport {
        defer { worker.finishSheet() }
        var report = RunReport()
        let started = Date()
        do {
            let inputs = try prepare([profile], report: &report)
            let directory = path(in: configuration.outputDirectory, "preview")
            try AtomicFile.ensureDirectory(directory)
            // One preview at a time writes here (two `preview --watch` of different profiles
            // take turns; a render is short, so the other waits); the sweep then only finds
            // temporaries of previews no longer running.
            let lock = try OutputLock.acquire(directory, waiting: true)
            defer { lock.release() }
            AtomicFile.sweepTemporaries(in: directory)
            if let first = inputs.profiles.first {
                report.logoPath = first.logo?.resolvedPath
                let images = ImageCache()
                if let document = lay(first, inputs: inputs, worker: worker, images: images, report: &report) {
                    let files = try RenderStage.sheet(
                        document, images: images, pngScale: Self.previewScale, pngPages: .all, name: first.id, renderer: worker.renderer)
                    let pdfPath = path(in: directory, first.id + ".pdf")
                    guard let pdf = RenderStage.checkedPDF(
                        files.pdf, name: first.id + ".pdf", of: first, alter: configuration.alterPDF, diagnostics: &report.diagnostics)
                    else {
                        report.invalid += 1
                        report.seconds = Date().timeIntervalSince(started)
                        return report
                    }
                    try AtomicFile.write(pdf, to: pdfPath)
                    report.written.append(pdfPath)
                    for (index, png) in files.pngs.enumerated() {
                        let pngPath = path(in: directory, "\(first.id)-\(index + 1).png")
                        try AtomicFile.write(png, to: pngPath)
                        report.written.append(pngPath)
                    }
                    var extra = document.pages.count + 1
                    while unlink(path(in: directory, "\(first.id)-\(extra).png")) == 0 { extra += 1 }
                    report.rendered = 1
                }
            }
        } catch {
            report.failure = error
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    func path(in directory: String, _ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }
}
