import Foundation
import SheetCore

/// The source lines a report quotes: those kept in memory during the run (only files that had
/// diagnostics while loading, so that a large batch does not hold every profile's text), then
/// YAML files read again from disk for diagnostics found later (layout, cached warnings).
/// Survey CSVs are never read here: their lines hold other people's answers.
public struct ReportSources: SourceTextProvider {
    public var kept: SourceTextStore

    public init(kept: SourceTextStore) {
        self.kept = kept
    }

    public func line(_ line: Int, of file: String) -> String? {
        if let text = kept.line(line, of: file) { return text }
        // Read again only a regular file within the size limit: a profile refused for being
        // 400 MB, or a pipe, must not be read in full (or waited on) to quote its first line.
        guard file.hasSuffix(".yaml") || file.hasSuffix(".yml"), case .success(let data) = BoundedFile.read(file, limit: YAMLDocument.maximumFileSize),
              let text = try? TextDecoding.decodeUTF8(data).get() else { return nil }
        var store = SourceTextStore()
        store.add(file: file, text: text)
        return store.line(line, of: file)
    }
}
