import Foundation
import SheetCore
import SheetRender

extension SheetRun {
    /// Writes `collection.pdf` from the sheets `ids`; false when it failed its structure check
    /// and was not written. A sheet the collection writer cannot read is left out of it. Both
    /// are errors in `report`, never a stop of the run.
    func writeCollection(
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
        else { throw .unreadable(reason: "the test seam could not rewrite \(path)") }
    }
}
