import Foundation
import SheetCore
import SheetLayout
import SheetRender

extension SheetRun {
    /// The overview's file in the output folder.
    public static let overviewFileName = "overview.pdf"

    /// Writes `overview.pdf`, the collection at a glance, for the sheets `ids` from what their
    /// entries keep, and returns its bytes for `collection.pdf` to open with; nil (with an error
    /// in `report`) when it cannot be laid out or fails its structure check, and the collection
    /// is then written without it. Laid out in the run's template and paper, painted by a
    /// worker of its own (the build's have finished).
    func writeOverview(_ ids: [String], entries: SheetEntryStore, to path: String, report: inout RunReport) throws(PipelineError) -> Data? {
        var communities: [OverviewCommunity] = []
        var periods: [String] = []
        for id in ids {
            guard let sheet = entries.sheet(id) else { throw .unwritableOutput(path: path, reason: "cannot read the entry of '\(id)' again") }
            guard let community = OverviewCommunity(sheet) else { continue }
            communities.append(community)
            if let period = sheet.openData?.text("period") { periods.append(period) }
        }
        guard !communities.isEmpty else { return nil }
        let loaded = TemplateLoader.load(directory: configuration.templateDirectory)
        guard let template = loaded.template else {
            report.diagnostics += loaded.diagnostics
            return nil
        }
        let worker = SheetWorker()
        defer { worker.finishSheet() }
        let options = LayoutOptions(paper: configuration.paper, date: configuration.date, creator: configuration.creator)
        // Keywords come as the taxonomy's labels already (the entries keep them for the gallery).
        let result = OverviewLayoutEngine(template: template, measurer: worker.measurer)
            .layout(communities, period: OverviewLayoutEngine.period(ofLabels: periods), taxonomy: Taxonomy(keywords: []), options: options)
        let name = Self.overviewFileName
        let pdf: Data
        do {
            pdf = try worker.renderer.pdfData(result.document)
        } catch {
            report.diagnostics.append(.error(at: nil, "'\(name)' could not be rendered: \(error)",
                                             hint: "this is a fault of profilesheet or a library it uses; please report it"))
            return nil
        }
        guard let checked = RenderStage.checkedPDF(pdf, name: name, at: nil, alter: configuration.alterPDF, diagnostics: &report.diagnostics) else {
            return nil
        }
        let writer = try AtomicFileWriter(path: path, keepIfUnchanged: true)
        writer.write(checked)
        if try writer.commit() { report.written.append(path) }
        return checked
    }
}
