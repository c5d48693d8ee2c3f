import SheetCore
import SheetPDF

extension PDFSourceFile {
    /// Entries that run a script or open, launch, submit or play something. Cairo writes none of
    /// them for a sheet (its links are `/S /URI` actions), so a sheet read back from the output
    /// folder that has one was not written by profilesheet, and it is not copied.
    static let actionEntries: [StaticString] = [
        "/JS", "/JavaScript", "/Launch", "/AA", "/OpenAction", "/GoToR", "/GoToE", "/SubmitForm", "/ImportData", "/ResetForm",
        "/Named", "/Rendition", "/RichMedia", "/Movie", "/Sound", "/Hide", "/SetOCGState", "/EmbeddedFile", "/EmbeddedFiles",
    ]

    /// Throws when `tokens` (one object's) hold an entry of `actionEntries`, or a link target
    /// (`/URI (…)`) that is not one `URLCheck.linkTarget` accepts as it is, so that the
    /// collection carries only the links the sheets' painter writes. Names are compared as
    /// bytes: a sheet's several hundred structure objects are checked one by one, and a
    /// `String` made of each name cost 2.0 M instructions a sheet (callgrind).
    func checkActions(in tokens: [PDFToken]) throws(PDFSyntaxError) {
        for (index, token) in tokens.enumerated() where token.kind == .name {
            if let entry = Self.actionEntries.first(where: { isWord(token.range, $0) }) { throw .unsafe("the entry \(entry)") }
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
