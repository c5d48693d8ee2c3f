/// Why `PDFStructureCheck` refused a PDF.
public enum PDFCheckError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's structure is broken: `problem` says what (naming the object), `offset` the
    /// byte where the check found it (nil when it is no one place).
    case structure(problem: String, offset: Int?)
    /// The content stream of page `page` (from 1) is not what qpdf's content parser reads
    /// (`ContentStreamScan`): `problem` says why.
    case content(page: Int, problem: String)
    /// The file could not be opened or mapped: `reason` is the system's.
    case unreadable(reason: String)

    public var description: String {
        switch self {
        case .structure(let problem, let offset?): "\(problem) (at byte \(offset))"
        case .structure(let problem, nil): problem
        case .content(let page, let problem): "the content of page \(page) cannot be parsed: \(problem)"
        case .unreadable(let reason): "the file cannot be read: \(reason)"
        }
    }
}
