import Foundation
import SheetCore

extension SheetRun {
    /// `profiles.csv` and `profiles.json` for the sheets `ids` (docs/open-data.md), streamed
    /// from their entries; each written only when its bytes change.
    func writeOpenData(_ ids: [String], entries: SheetEntryStore, table: inout OpenDataTable, report: inout RunReport) throws(PipelineError) {
        let output = configuration.outputDirectory
        let csvPath = path(in: output, OpenDataTable.csvFileName)
        let jsonPath = path(in: output, OpenDataTable.jsonFileName)
        let csv = try AtomicFileWriter(path: csvPath, keepIfUnchanged: true)
        let json = try AtomicFileWriter(path: jsonPath, keepIfUnchanged: true)
        csv.write(OpenDataTable.line(table.columns()))
        json.write("{\"format\":1,\"communities\":[\n")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var first = true
        for id in ids {
            guard let data = entries.sheet(id)?.openData else { throw .unwritableOutput(path: csvPath, reason: "cannot read the entry of '\(id)' again") }
            csv.write(OpenDataTable.line(table.cells(data)))
            do {
                json.write((first ? "" : ",\n") + String(decoding: try encoder.encode(data), as: UTF8.self))
            } catch {
                throw .unwritableOutput(path: jsonPath, reason: "encoding the entry of '\(id)': \(error)")
            }
            first = false
        }
        json.write((first ? "" : "\n") + "]}\n")
        if try csv.commit() { report.written.append(csvPath) }
        if try json.commit() { report.written.append(jsonPath) }
    }
}
