import Foundation
import SheetCore
import SheetLayout
import SheetRender

extension SheetRun {
    /// The file a comparison of `ids` is written to, inside `output/compare/`: the ids in the
    /// order given, joined by `_` (ids are slugs, so the name is unambiguous).
    public static func comparisonFileName(_ ids: [String]) -> String {
        ids.joined(separator: "_") + ".pdf"
    }

    /// `profilesheet compare ID ID [ID …]`: one sheet setting 2 to 6 communities side by side,
    /// written to `output/compare/` with a PNG of its first page. Each profile is loaded, merged
    /// with its survey rows and checked as for its own sheet; if any of them is invalid,
    /// nothing is written. The PDF gets the same accessibility pass and structure check as a
    /// sheet, and is replaced atomically.
    public func compare(_ selection: [String], worker: SheetWorker = SheetWorker()) -> RunReport {
        defer { worker.finishSheet() }
        let started = Date()
        var report = compareWithoutTiming(selection, worker: worker)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    private func compareWithoutTiming(_ selection: [String], worker: SheetWorker) -> RunReport {
        var report = RunReport()
        do {
            let inputs = try prepare(selection, report: &report)
            // Every named profile, valid, in the order named.
            guard !report.diagnostics.hasErrors, inputs.profiles.count == selection.count else { return report }
            let profiles = inputs.profiles
            let engine = ComparisonLayoutEngine(template: inputs.template, measurer: worker.measurer)
            let options = LayoutOptions(paper: configuration.paper, date: configuration.date, creator: configuration.creator, language: configuration.language)
            let result = engine.layout(profiles, taxonomy: inputs.taxonomy, options: options)
            report.diagnostics += result.diagnostics
            guard !result.diagnostics.hasErrors else { return report }

            let ids = profiles.map(\.id)
            let name = Self.comparisonFileName(ids)
            let files = try RenderStage.sheet(result.document, images: ImageCache(), pngScale: Self.thumbnailScale, pngPages: .first,
                                              name: name, renderer: worker.renderer)
            let directory = path(in: configuration.outputDirectory, "compare")
            try AtomicFile.ensureDirectory(directory)
            let lock = try OutputLock.acquire(directory, waiting: true)
            defer { lock.release() }
            AtomicFile.sweepTemporaries(in: directory)
            guard let pdf = RenderStage.checkedPDF(files.pdf, name: name, at: nil, alter: configuration.alterPDF, diagnostics: &report.diagnostics) else {
                return report
            }
            let pdfPath = path(in: directory, name)
            try AtomicFile.write(pdf, to: pdfPath)
            report.written.append(pdfPath)
            if let png = files.pngs.first {
                let pngPath = path(in: directory, (name as NSString).deletingPathExtension + ".png")
                try AtomicFile.write(png, to: pngPath)
                report.written.append(pngPath)
            }
            report.rendered = 1
        } catch {
            report.failure = error
        }
        return report
    }
}
