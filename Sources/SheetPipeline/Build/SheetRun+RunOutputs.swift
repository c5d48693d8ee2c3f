import Crypto
import Foundation
import SheetCore

extension SheetRun {
    /// The outputs of the whole run for the sheets `ids` (in id order), each streamed from the
    /// entries a sheet at a time: `overview.pdf` and `collection.pdf` (`writeCollectionIfChanged`),
    /// `index.html` with `profiles.csv` and `profiles.json` (`writeGallery`, `writeOpenData`), and
    /// last `manifest.json`, whose head keeps the collection's digest.
    func writeRunOutputs(
        _ ids: [String], entries: SheetEntryStore, globals: GlobalInputs, runWarnings: [Diagnostic], previousCollection: String?,
        force: Bool, report: inout RunReport
    ) throws(PipelineError) {
        // Entries that cannot be read back (a damaged line of an older manifest) are left out,
        // as if never built: the next full build renders them again.
        let pdfDigests = ids.compactMap { id in entries.sheet(id).map { (id: id, sha256: $0.sha256) } }
        let listed = pdfDigests.map(\.id)
        let collection = try writeCollectionIfChanged(
            listed, key: Self.collectionDigest(pdfDigests, date: globals.date), entries: entries, previousCollection: previousCollection, force: force, report: &report)
        var table = try writeGallery(listed, entries: entries, report: &report)
        try writeOpenData(listed, entries: entries, table: &table, report: &report)
        let head = Manifest.Head(collection: collection, tool: configuration.creator, warnings: runWarnings)
        try writeManifest(head, ids: listed, entries: entries, name: Manifest.fileName, report: &report)
    }

    /// `overview.pdf` and `collection.pdf` for the sheets `ids`, written only when a sheet in
    /// them changed since `previousCollection` was the collection's digest (`collectionKey` is
    /// this run's), or with `force`, or when either file is missing. Returns the digest for the
    /// manifest: nil when there is no sheet, or when the collection was not written (the next
    /// build tries again).
    private func writeCollectionIfChanged(
        _ ids: [String], key collectionKey: String, entries: SheetEntryStore, previousCollection: String?, force: Bool,
        report: inout RunReport
    ) throws(PipelineError) -> String? {
        guard !ids.isEmpty else { return nil }
        let output = configuration.outputDirectory
        let collectionPath = path(in: output, "collection.pdf")
        let overviewPath = path(in: output, Self.overviewFileName)
        guard force || previousCollection != collectionKey || !AtomicFile.isRegularFile(collectionPath) || !AtomicFile.isRegularFile(overviewPath)
        else { return collectionKey }
        // The overview opens the collection; both follow the same sheets.
        let overview = try writeOverview(ids, entries: entries, to: overviewPath, report: &report)
        guard try writeCollection(ids, entries: entries, overview: overview, to: collectionPath, report: &report) else { return nil }
        report.written.append(collectionPath)
        return collectionKey
    }

    /// The collection's digest: each sheet's id and PDF digest, one a line, then the date
    /// printed on the sheets.
    private static func collectionDigest(_ pdfDigests: [(id: String, sha256: String)], date: String) -> String {
        var digest = SHA256()
        for (index, sheet) in pdfDigests.enumerated() {
            digest.update(data: Data((index == 0 ? "\(sheet.id) \(sheet.sha256)" : "\n\(sheet.id) \(sheet.sha256)").utf8))
        }
        digest.update(data: Data(("\n" + date).utf8))
        return Fingerprint.hex(digest.finalize())
    }
}
