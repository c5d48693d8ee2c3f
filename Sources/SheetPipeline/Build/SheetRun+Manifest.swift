import SheetCore

extension SheetRun {
    /// The manifest `name`: `head`, then the entries of `ids` in that order, written only when
    /// its bytes change.
    func writeManifest(
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
