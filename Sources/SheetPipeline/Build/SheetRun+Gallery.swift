import SheetCore

extension SheetRun {
    /// `index.html` for the sheets `ids`, streamed from their entries, written only when its
    /// bytes change. Returns the open-data table with every sheet's record noted in it, so
    /// that `writeOpenData` knows its columns without reading the entries twice before it
    /// writes.
    func writeGallery(_ ids: [String], entries: SheetEntryStore, report: inout RunReport) throws(PipelineError) -> OpenDataTable {
        let galleryPath = path(in: configuration.outputDirectory, Gallery.fileName)
        let gallery = try AtomicFileWriter(path: galleryPath, keepIfUnchanged: true)
        gallery.write(Gallery.opening(count: ids.count))
        var table = OpenDataTable()
        for id in ids {
            guard let sheet = entries.sheet(id) else { throw .unwritableOutput(path: galleryPath, reason: "cannot read the entry of '\(id)' again") }
            gallery.write(Gallery.card(sheet))
            if let data = sheet.openData { table.note(data) }
        }
        gallery.write(Gallery.closing)
        if try gallery.commit() { report.written.append(galleryPath) }
        return table
    }
}
