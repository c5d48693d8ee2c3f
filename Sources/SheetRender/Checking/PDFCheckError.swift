import CQPDF

/// Why `PDFStructureCheck` refused a PDF: libqpdf's error, or the warnings it gave while
/// recovering from damage (where `qpdf --check` exits with status 3).
public enum PDFCheckError: Error, Sendable, Hashable, CustomStringConvertible {
    /// qpdf could not read or check the file: `kind` is its error code, `detail` its message
    /// without the file name, `offset` where in the file it stopped (0 when it does not say).
    case failed(kind: Kind, detail: String, offset: UInt64)
    /// qpdf read and checked the whole file, but only by working around damage; `warnings`
    /// holds the first few of its warnings (details, as for `failed`), `count` how many there were.
    case damaged(warnings: [String], count: Int)
    /// The content stream of page `page` (from 1) is not what qpdf's content parser reads
    /// (`ContentStreamScan`): `problem` says where and why.
    case content(page: Int, problem: String)

    /// libqpdf's error codes (`enum qpdf_error_code_e`, qpdf/Constants.h).
    public enum Kind: Sendable, Hashable {
        case internalError
        case system
        case unsupported
        case password
        case damagedPDF
        case pages
        case object
        case json
        case linearization
        case other(UInt32)

        init(_ code: qpdf_error_code_e) {
            switch code {
            case qpdf_e_internal: self = .internalError
            case qpdf_e_system: self = .system
            case qpdf_e_unsupported: self = .unsupported
            case qpdf_e_password: self = .password
            case qpdf_e_damaged_pdf: self = .damagedPDF
            case qpdf_e_pages: self = .pages
            case qpdf_e_object: self = .object
            case qpdf_e_json: self = .json
            case qpdf_e_linearization: self = .linearization
            default: self = .other(code.rawValue)
            }
        }

        var label: String {
            switch self {
            case .internalError: "internal error"
            case .system: "system error"
            case .unsupported: "unsupported feature"
            case .password: "encrypted"
            case .damagedPDF: "damaged file"
            case .pages: "broken page tree"
            case .object: "broken object"
            case .json: "JSON error"
            case .linearization: "broken linearization"
            case .other(let code): "error \(code)"
            }
        }
    }

    public var description: String {
        switch self {
        case .failed(let kind, let detail, let offset):
            let place = offset > 0 ? " at byte \(offset)" : ""
            return "qpdf found a \(kind.label)\(place): \(detail)"
        case .damaged(let warnings, let count):
            let more = count > warnings.count ? " (and \(count - warnings.count) more)" : ""
            return "qpdf found damage it had to work around: " + warnings.joined(separator: "; ") + more
        case .content(let page, let problem):
            return "the content of page \(page) cannot be parsed: \(problem)"
        }
    }
}
