import SheetLayout

/// Why rendering failed. Every case names what was being done and on which file, so the
/// message can be shown to a user as it is.
public enum RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Cairo reported an error status. `message` is `cairo_status_to_string` of it.
    case cairo(operation: String, message: String, path: String?)
    /// The output file could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// Writing the output failed (disk full, I/O error, closed descriptor…).
    case writeFailed(path: String, reason: String)
    /// An image file could not be read or decoded.
    case imageDecodeFailed(path: String, format: PositionedImage.Format, reason: String)
    /// An SVG image of which `SVGCleaner` left out everything that drew (`leftOut` as in
    /// `CleanedSVG`).
    case svgLeftEmpty(path: String, leftOut: [String])
    /// libpng could not encode a page's pixels as PNG (`reason` in its words).
    case pngEncodingFailed(reason: String)
    /// qpdf could not read or write back a PDF cairo wrote (`PDFFontProgramCompactor`).
    case pdfRewrite(operation: String, message: String, path: String?)
    /// The document has nothing to render.
    case emptyDocument
    /// A page or bitmap size that cannot be rendered (zero, negative, not finite or too large).
    case invalidSize(operation: String, width: Double, height: Double)
    /// The PDF cairo wrote could not be made accessible (`PDFAccessibilityPass`): `reason`
    /// says what in the file it could not read or match.
    case accessibilityPass(reason: String)

    public var description: String {
        switch self {
        case .cairo(let operation, let message, let path):
            let place = path.map { " (\($0))" } ?? ""
            return "cairo failed while \(operation)\(place): \(message)"
        case .cannotOpen(let path, let reason):
            return "cannot open \(path) for writing: \(reason)"
        case .writeFailed(let path, let reason):
            return "writing \(path) failed: \(reason)"
        case .imageDecodeFailed(let path, let format, let reason):
            return "cannot decode \(format.rawValue.uppercased()) image \(path): \(reason)"
        case .svgLeftEmpty(let path, let leftOut):
            return "SVG image \(path) has nothing left to draw without \(SVGCleaningFailure.list(leftOut))"
        case .pngEncodingFailed(let reason):
            return "encoding a PNG failed: \(reason)"
        case .pdfRewrite(let operation, let message, let path):
            let place = path.map { " (\($0))" } ?? ""
            return "qpdf failed while \(operation)\(place): \(message)"
        case .emptyDocument:
            return "the document has no pages"
        case .invalidSize(let operation, let width, let height):
            return "cannot \(operation) at size \(width) × \(height)"
        case .accessibilityPass(let reason):
            return "cannot tag the PDF for accessibility: \(reason)"
        }
    }
}
