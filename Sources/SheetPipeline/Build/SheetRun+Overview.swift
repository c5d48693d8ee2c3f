import Foundation
import SheetCore
import SheetLayout
import SheetRender

extension SheetRun {
    /// The overview's file in the output folder.
    public static let overviewFileName = "overview.pdf"

    /// Writes `overview.pdf`, the collection at a glance, for the sheets `ids` from what their
    /// entries keep, in the run's `--language` (else English), and returns its bytes and its
    /// bookmark for `collection.pdf` to open with; nil (with an error
    /// in `report`) when it cannot be laid out or fails its structure check, and the collection
    /// is then written without it. Laid out in the run's template and paper, painted by a
    /// worker of its own (the build's have finished).
    func writeOverview(_ ids: [String], entries: SheetEntryStore, to path: String, report: inout RunReport) throws(PipelineError) -> OverviewFile? {
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
        let options = LayoutOptions(paper: configuration.paper, date: configuration.date, creator: configuration.creator, language: configuration.language)
        // Keywords come as slugs, labelled by the taxonomy in the overview's language (one read
        // of taxonomy.yaml when the collection is written); one it cannot read shows them as the
        // slugs, and the sheets' own checks report it.
        let taxonomyFile = (configuration.profilesDirectory as NSString).appendingPathComponent(ProfileDiscovery.taxonomyFileName)
        let taxonomy = TaxonomyLoader.load(file: taxonomyFile).taxonomy
        let result = OverviewLayoutEngine(template: template, measurer: worker.measurer)
            .layout(communities, period: OverviewLayoutEngine.period(ofLabels: periods), taxonomy: taxonomy, options: options)
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
        // The collection's own title and language follow the overview's words.
        let words = template.sheetStrings(for: result.document.metadata.language, numbers: .english).strings
        return OverviewFile(pdf: checked, bookmark: result.document.metadata.bookmark, collectionTitle: words.text("many.band-label"),
                            language: result.document.metadata.language)
    }
}
