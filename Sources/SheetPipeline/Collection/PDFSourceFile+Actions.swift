import SheetCore
import SheetPDF

extension PDFSourceFile {
    /// Entries that run a script or open, launch, submit or play something. Cairo writes none of
    /// them for a sheet (its links are `/S /URI` actions), so a sheet read back from the output
    /// folder that has one was not written by profilesheet, and it is not copied.
    static let actionEntries: [String] = [
        "/JS", "/JavaScript", "/Launch", "/AA", "/OpenAction", "/GoToR", "/GoToE", "/SubmitForm", "/ImportData", "/ResetForm",
        "/Named", "/Rendition", "/RichMedia", "/Movie", "/Sound", "/Hide", "/SetOCGState", "/EmbeddedFile", "/EmbeddedFiles",
    ]

    /// `actionEntries` by their length in bytes, so that a name is compared only with the
    /// entries as long as it: a sheet's several hundred structure objects are checked one by
    /// one, and comparing each name with all nineteen cost 2.1 M instructions a sheet, as a
    /// String made of each name did, against 0.8 M this way (callgrind, docs/performance.md).
    private static let actionEntriesByLength: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: (actionEntries.map(\.utf8.count).max() ?? 0) + 1)
        for entry in actionEntries { table[entry.utf8.count].append(Array(entry.utf8)) }
        return table
    }()

    /// Throws when `tokens` (one object's) hold an entry of `actionEntries`, or a link target
    /// (`/URI (…)`) that is not one `URLCheck.linkTarget` accepts as it is, so that the
    /// collection carries only the links the sheets' painter writes.
    func checkActions(in tokens: [PDFToken]) throws(PDFSyntaxError) {
        let entries = Self.actionEntriesByLength
        for (index, token) in tokens.enumerated() where token.kind == .name {
            let length = token.range.count
            if length < entries.count, let entry = entries[length].first(where: { bytes[token.range].elementsEqual($0) }) {
                throw .unsafe("the entry \(String(decoding: entry, as: UTF8.self))")
            }
            guard isWord(token.range, "/URI"), index + 1 < tokens.count else { continue }
            let value = tokens[index + 1]
            switch value.kind {
            case .name:
                continue  // `/S /URI`: the action's type
            case .string:
                let target = Self.text(bytes, (value.range.lowerBound + 1)..<(value.range.upperBound - 1))
                guard URLCheck.linkTarget(target) == target else {
                    throw .unsafe("a link to '\(ScalarRules.shown(target, limit: 80))'")
                }
            default:
                throw .unsafe("a link target that is not a plain string")
            }
        }
    }
}
