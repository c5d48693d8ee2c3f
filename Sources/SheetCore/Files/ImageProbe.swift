import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads what an image file says about itself without decoding it: its format (by its first
/// bytes), its size, and for SVG whether it refers to anything outside itself. Decoding is the
/// renderer's job; this is what lets a 20 000 × 20 000 PNG be refused before a byte is inflated.
public enum ImageProbe {
    /// The largest logo file read.
    public static let maximumFileSize = 16 << 20
    /// The largest SVG logo read: its XML is parsed twice (here and by librsvg), and a logo
    /// needs far less.
    public static let maximumSVGSize = 2 << 20
    /// The largest raster logo, per side, in pixels.
    public static let maximumPixels = 4096

    public struct Info: Sendable, Hashable {
        public var format: ImageFormat
        public var width: Double
        public var height: Double
    }

    public enum Problem: Error, Sendable, Hashable {
        case unreadable
        case tooLarge(bytes: Int)
        case unknownFormat
        case truncated(ImageFormat)
        case tooManyPixels(width: Int, height: Int)
        case malformedSVG(String)
        case svgWithoutSize
        case externalReference(String)
    }

    public static func probe(file path: String) -> Result<Info, Problem> {
        switch BoundedFile.read(path, limit: maximumFileSize) {
        case .success(let data): return probe(data)
        case .failure(.tooLarge(let bytes)): return .failure(.tooLarge(bytes: bytes))
        case .failure: return .failure(.unreadable)
        }
    }

    public static func probe(_ data: Data) -> Result<Info, Problem> {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(bytes) }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return jpeg(bytes) }
        if looksLikeSVG(bytes) {
            guard data.count <= maximumSVGSize else { return .failure(.tooLarge(bytes: data.count)) }
            return svg(data)
        }
        return .failure(.unknownFormat)
    }

    static func checkedRaster(_ format: ImageFormat, width: Int, height: Int) -> Result<Info, Problem> {
        guard width > 0, height > 0 else { return .failure(.truncated(format)) }
        guard width <= maximumPixels, height <= maximumPixels else {
            return .failure(.tooManyPixels(width: width, height: height))
        }
        return .success(Info(format: format, width: Double(width), height: Double(height)))
    }

    static func png(_ bytes: [UInt8]) -> Result<Info, Problem> {
        // Signature, then the IHDR chunk: length, "IHDR", width, height (big-endian).
        guard bytes.count >= 33, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return .failure(.truncated(.png)) }
        return checkedRaster(.png, width: bigEndian(bytes, 16, 4), height: bigEndian(bytes, 20, 4))
    }

    static func jpeg(_ bytes: [UInt8]) -> Result<Info, Problem> {
        var index = 2
        while index + 4 <= bytes.count {
            guard bytes[index] == 0xFF else { return .failure(.truncated(.jpeg)) }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }
            if marker == 0xD9 || marker == 0xDA { break }
            let length = bigEndian(bytes, index + 2, 2)
            guard length >= 2 else { return .failure(.truncated(.jpeg)) }
            let isStartOfFrame = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isStartOfFrame {
                guard index + 9 <= bytes.count else { return .failure(.truncated(.jpeg)) }
                return checkedRaster(.jpeg, width: bigEndian(bytes, index + 7, 2), height: bigEndian(bytes, index + 5, 2))
            }
            index += 2 + length
        }
        return .failure(.truncated(.jpeg))
    }

    static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<(offset + count)].reduce(0) { $0 << 8 | Int($1) }
    }

    static func looksLikeSVG(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        return head.contains("<svg")
    }

    static func svg(_ data: Data) -> Result<Info, Problem> {
        let text = String(decoding: data, as: UTF8.self)
        let lowered = text.lowercased()
        // Entities and DTDs can pull in files, and FoundationXML's parser always substitutes
        // entities (a billion laughs expands): they are refused before it sees them.
        if lowered.contains("<!entity") { return .failure(.externalReference("<!ENTITY …>")) }
        if let doctype = lowered.range(of: "<!doctype"),
           lowered[doctype.upperBound...].prefix(400).contains("system") || lowered[doctype.upperBound...].prefix(400).contains("public") {
            return .failure(.externalReference("<!DOCTYPE … SYSTEM …>"))
        }
        let scanner = SVGScanner()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = scanner
        let parsed = parser.parse()
        // FoundationXML on Linux can report success for a document cut off inside an element.
        if parsed, scanner.sawRoot, !scanner.closedRoot {
            return .failure(.malformedSVG("the file ends before </svg>"))
        }
        guard parsed, scanner.sawRoot else {
            let message = parser.parserError != nil
                ? "XML error at line \(parser.lineNumber), column \(parser.columnNumber)" : "not a well-formed SVG document"
            return .failure(.malformedSVG(scanner.sawRoot ? message : "the root element is not <svg>"))
        }
        guard let size = scanner.size else { return .failure(.svgWithoutSize) }
        return .success(Info(format: .svg, width: size.width, height: size.height))
    }
}

/// Collects, while an SVG is parsed, its root size and whether its root element was closed.
/// What the file may hold is decided later, by the renderer's `SVGCleaner`, which parses it
/// with libxml2 and keeps only an allow-list; this parse only reads the size for the layout.
final class SVGScanner: NSObject, XMLParserDelegate {
    var sawRoot = false
    /// Whether the root element's end tag was read.
    var closedRoot = false
    var size: (width: Double, height: Double)?
    private var depth = 0

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        depth += 1
        guard depth == 1 else { return }
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        sawRoot = local == "svg"
        size = Self.rootSize(attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        if depth == 0 { closedRoot = true }
    }

    /// Width and height in user units: from `width`/`height` in absolute units, else `viewBox`.
    static func rootSize(_ attributes: [String: String]) -> (width: Double, height: Double)? {
        let viewBox = attributes["viewBox"].map {
            $0.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        }
        let box: (Double, Double)? = viewBox.flatMap { $0.count == 4 && $0[2] > 0 && $0[3] > 0 ? ($0[2], $0[3]) : nil }
        let width = attributes["width"].flatMap(length)
        let height = attributes["height"].flatMap(length)
        switch (width, height, box) {
        case let (w?, h?, _) where w > 0 && h > 0: return (w, h)
        case let (w?, nil, (bw, bh)?) where w > 0: return (w, w * bh / bw)
        case let (nil, h?, (bw, bh)?) where h > 0: return (h * bw / bh, h)
        case let (_, _, (bw, bh)?): return (bw, bh)
        default: return nil
        }
    }

    /// A CSS length in px; nil for percentages and relative units.
    static func length(_ text: String) -> Double? {
        let value = text.trimmingWhitespace().lowercased()
        let units: [(String, Double)] = [("px", 1), ("pt", 4.0 / 3.0), ("pc", 16), ("mm", 96 / 25.4), ("cm", 96 / 2.54), ("in", 96)]
        for (unit, factor) in units where value.hasSuffix(unit) {
            return Double(value.dropLast(unit.count)).map { $0 * factor }
        }
        return Double(value)
    }
}
