/// Why a PDF could not be read or changed: the accessibility pass and the collection writer
/// read only the subset of PDF that cairo writes.
package enum PDFSyntaxError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    /// A token `PDFLexer` could not read, and why, in words ("a string does not end").
    case unreadable(String)
    case unsupported(String)
    /// Something a sheet never carries (a script, an automatic action, a link profilesheet
    /// would not write).
    case unsafe(String)

    package var description: String {
        switch self {
        case .malformed(let what): "the PDF has \(what)"
        case .unreadable(let what): "the PDF cannot be read: \(what)"
        case .unsupported(let what): "the PDF uses \(what), which profilesheet's PDF reader does not read"
        case .unsafe(let what): "the PDF has \(what), which a sheet never carries"
        }
    }

    /// What is wrong, in words, without the case's framing.
    package var reason: String {
        switch self {
        case .malformed(let what), .unreadable(let what), .unsupported(let what), .unsafe(let what): what
        }
    }
}
