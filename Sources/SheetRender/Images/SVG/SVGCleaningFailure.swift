/// Why an SVG logo is refused: not well-formed, not SVG, nothing left to draw once cleaned, or
/// drawing too much.
public enum SVGCleaningFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// libxml2 refused the XML (`detail` has its line and words).
    case malformed(String)
    /// The root element is not an SVG `<svg>`.
    case notSVG(String)
    /// Everything that drew was left out (`leftOut` as in `CleanedSVG`).
    case nothingLeft(leftOut: [String])
    /// It draws more than `limit` elements once its references are expanded
    /// (`SVGCleaner.maximumDrawnElements`).
    case drawsTooMany(limit: Int)
    /// Its nested transforms scale what it draws more than `limit` times
    /// (`SVGCleaner.maximumScale`).
    case scalesTooFar(limit: Double)

    public var description: String {
        switch self {
        case .malformed(let detail): "malformed SVG: \(detail)"
        case .notSVG(let root): "the root element is <\(root)>, not <svg>"
        case .nothingLeft(let leftOut): "nothing is left to draw without \(SVGCleaningFailure.list(leftOut))"
        case .drawsTooMany(let limit): "it draws more than \(limit) elements once its <use> elements and references are expanded"
        case .scalesTooFar(let limit): "its nested transforms scale what it draws more than \(Int(limit)) times"
        }
    }

    /// The first three items of `leftOut`, quoted, and how many more.
    public static func list(_ leftOut: [String]) -> String {
        let shown = leftOut.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
        return leftOut.count > 3 ? "\(shown) and \(leftOut.count - 3) more" : shown
    }
}
