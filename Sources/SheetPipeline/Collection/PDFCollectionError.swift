/// Why a sheet PDF could not be added to the collection.
enum PDFCollectionError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case unsupported(String)
    /// Something a sheet never carries (a script, an automatic action, a link profilesheet
    /// would not write).
    case unsafe(String)

    var description: String {
        switch self {
        case .malformed(let what): "the PDF has \(what)"
        case .unsupported(let what): "the PDF uses \(what), which the collection writer does not read"
        case .unsafe(let what): "the PDF has \(what), which a sheet never carries"
        }
    }
}
