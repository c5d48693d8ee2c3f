import SheetCore

/// Makes an SVG logo data: parses it with libxml2 (`SVGSource`, no DTD, no entity substitution,
/// no network) and writes back only the elements, attributes and CSS of `SVGAllowList`, with
/// `href`s and `url()`s only to elements of the same file, numbers clamped and text bounded.
/// librsvg is then given these bytes from memory with no base, so there is no file it could
/// resolve even if something slipped through (`VectorImage`).
///
/// A logo from a stranger's pull request could otherwise draw files of the build machine onto a
/// public sheet (an escaped CSS `url()`, `<?xml-stylesheet?>`, `xi:include`, `<image href=
/// "../surveys/x.csv">`, an external entity), or take the run down (see `SVGAllowList` and
/// `SVGStyleValue` for the limits and why each exists). What is left out is reported as a
/// warning; a file with nothing left to draw is an error.
public struct SVGCleaner {
    /// The most characters of text a logo keeps: a 1.9 MB `<text>` took librsvg 6 GB, and 4 096
    /// characters still took it 9 s of processor time to draw (it measures the outline of every
    /// glyph); a logo's words are a few dozen. Counted in code points, not in characters as a
    /// reader sees them: 512 letters carrying 400 combining accents each (205 000 code points)
    /// ran past the 10 s processor limit.
    public static let maximumTextCharacters = 512
    /// The most elements a logo keeps (the samples have at most 12).
    public static let maximumElements = 10_000
    /// The most elements a logo may draw once every `<use>`, and every pattern, marker, clip
    /// path and mask it refers to, is expanded; a logo drawing more is refused. Ten levels of
    /// ten `<use>`s each draw 10¹⁰, and took librsvg 11 s of processor time before it gave up
    /// (`SVGReferenceGraph` has the measurements).
    public static let maximumDrawnElements = 20_000
    /// The most nested transforms may scale what a logo draws, as the product of their
    /// stretches along any path through children and references; a logo scaling more is
    /// refused. Each number is within ±100 000, but two nested `scale(100000)` put text at
    /// 10¹⁰ times its size, which librsvg draws until its processor limit stops it
    /// (`SVGReferenceGraph`).
    public static let maximumScale = 10_000.0

    private var leftOut: [String] = []
    private var styles = SVGStyleSheet()
    private var elements = 0
    private var textCharacters = 0
    private var drawn = 0
    private var writer = SVGWriter()
    private var graph = SVGReferenceGraph()
    /// The graph's index of each element being written, the innermost last.
    private var parents: [Int] = []
    /// The ids kept: an id is kept on its first element only, so that a reference names one
    /// element, the one `graph` counts.
    private var ids: Set<String> = []

    private init() {}

    /// `bytes` (an SVG file) cleaned; a failure when it is not well-formed XML, not SVG, or has
    /// nothing left to draw once cleaned.
    public static func clean(_ bytes: [UInt8]) -> Result<CleanedSVG, SVGCleaningFailure> {
        let document: SVGSource.Document
        switch SVGSource.parse(bytes) {
        case .success(let parsed): document = parsed
        case .failure(.malformed(let detail)): return .failure(.malformed(detail))
        case .failure(.noRootElement): return .failure(.malformed("no root element"))
        }
        let root = document.root
        guard root.name == "svg", root.namespace == nil || root.namespace == SVGSource.svgNamespace else {
            return .failure(.notSVG(root.writtenName))
        }
        var cleaner = SVGCleaner()
        // A DTD can declare entities and default attributes; processing instructions include
        // `<?xml-stylesheet?>`, which librsvg follows to a file. Neither is written back.
        for item in document.prolog { cleaner.note(item) }
        cleaner.write(root, isRoot: true, inDefinitions: false)
        let expanded = cleaner.graph.expanded(from: 0, limit: maximumDrawnElements)
        if expanded.elements > maximumDrawnElements { return .failure(.drawsTooMany(limit: maximumDrawnElements)) }
        if expanded.scale > maximumScale { return .failure(.scalesTooFar(limit: maximumScale)) }
        let leftOut = cleaner.leftOut + cleaner.styles.leftOut.filter { !cleaner.leftOut.contains($0) }
        if cleaner.drawn == 0, !leftOut.isEmpty { return .failure(.nothingLeft(leftOut: leftOut)) }
        return .success(CleanedSVG(bytes: Array(cleaner.writer.text.utf8), leftOut: leftOut))
    }

    private mutating func note(_ item: String) {
        if !leftOut.contains(item) { leftOut.append(item) }
    }

    /// The name `element` is written with when it is kept, nil when it is left out (noted
    /// unless it is an editor's note).
    private mutating func keptName(_ element: SVGSource.Element) -> String? {
        // A link is not drawn, and a sheet's links are its own: an `<a>` becomes a group, its
        // children drawn in its place, its `href` left out like any other.
        if element.name == "a", element.namespace == nil || element.namespace == SVGSource.svgNamespace { return "g" }
        guard element.namespace == nil || element.namespace == SVGSource.svgNamespace else {
            if let namespace = element.namespace, SVGAllowList.editorNamespaces.contains(namespace) { return nil }
            note("<\(element.writtenName)>")
            return nil
        }
        if SVGAllowList.silentlyLeftOut.contains(element.name) { return nil }
        guard SVGAllowList.elements.contains(element.name) else {
            note("<\(element.name)>")
            return nil
        }
        return element.name
    }

    private mutating func write(_ element: SVGSource.Element, isRoot: Bool = false, inDefinitions: Bool) {
        guard let name = keptName(element) else { return }
        guard elements < Self.maximumElements else {
            note("more than \(Self.maximumElements) elements")
            return
        }
        var attributes = keptAttributes(of: element, name: name)
        // A `use` whose reference was left out draws nothing.
        if name == "use", !attributes.contains(where: { $0.name == "xlink:href" }) { return }
        elements += 1
        let node = graph.add(parent: parents.last, name: name, id: attributes.first { $0.name == "id" }?.value, attributes: attributes)
        if isRoot {
            attributes.insert((name: "xmlns", value: SVGSource.svgNamespace), at: 0)
            attributes.insert((name: "xmlns:xlink", value: SVGSource.xlinkNamespace), at: 1)
        }
        if name == "style" {
            let css = styles.sheet(element.children.map { if case .text(let text) = $0 { text } else { "" } }.joined())
            if !css.isEmpty {
                graph.addStyleSheet(css)
                writer.open("style", attributes: [])
                writer.characters(css)
                writer.close("style")
            }
            return
        }
        let defining = inDefinitions || SVGAllowList.definitions.contains(name)
        if !defining, SVGAllowList.drawing.contains(name) { drawn += 1 }
        writer.open(name, attributes: attributes)
        parents.append(node)
        writeChildren(of: element, as: name, inDefinitions: defining)
        parents.removeLast()
        writer.close(name)
    }

    private mutating func writeChildren(of element: SVGSource.Element, as name: String, inDefinitions: Bool) {
        let holdsText = name == "text" || name == "tspan" || name == "textPath"
        for child in element.children {
            switch child {
            case .element(let child):
                write(child, inDefinitions: inDefinitions)
            case .text(let text) where holdsText:
                let room = Self.maximumTextCharacters - textCharacters
                let scalars = text.unicodeScalars.count
                if scalars > room { note("text beyond \(Self.maximumTextCharacters) characters") }
                let kept = scalars > room ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(max(0, room)))) : text
                textCharacters += kept.unicodeScalars.count
                writer.characters(kept)
            case .text:
                continue  // White space between elements.
            case .entityReference(let entity):
                // Never substituted: a logo's text does not need entities, and they are how
                // files and exponential expansions get in.
                note("&\(entity);")
            case .processingInstruction(let target):
                note("<?\(target)?>")
            case .tooDeep:
                note("elements nested deeper than \(SVGSource.maximumDepth)")
            }
        }
    }

    /// The attributes of `element` that a logo may have, their values cleaned.
    private mutating func keptAttributes(of element: SVGSource.Element, name: String) -> [(name: String, value: String)] {
        var kept: [(name: String, value: String)] = []
        for attribute in element.attributes {
            let local = attribute.name
            if attribute.hasEntityReference {
                note(SVGStyleValue.shown("\(attribute.prefix.map { "\($0):" } ?? "")\(local)=\"…&…;…\""))
                continue
            }
            switch attribute.namespace {
            case nil:
                break
            case SVGSource.xlinkNamespace? where local == "href":
                break
            case SVGSource.xmlNamespace? where local == "space":
                if attribute.value == "preserve" || attribute.value == "default" { kept.append((name: "xml:space", value: attribute.value)) }
                continue
            default:
                // Editors' attributes (inkscape:label, sodipodi:…), and other namespaces' `href`s
                // and events, which librsvg does not read.
                if local == "href" || local.lowercased().hasPrefix("on") {
                    note(SVGStyleValue.shown("\(attribute.prefix.map { "\($0):" } ?? "")\(local)=\"\(attribute.value)\""))
                }
                continue
            }
            if local == "href" {
                // Only a fragment of this file, and only where an element refers to another.
                let target = attribute.value.trimmingWhitespace()
                if SVGAllowList.referring.contains(name), SVGStyleValue.isFragment(target) {
                    kept.append((name: "xlink:href", value: target))
                } else {
                    note(SVGStyleValue.shown("href=\"\(target)\""))
                }
                continue
            }
            if local.lowercased().hasPrefix("on") {
                note(SVGStyleValue.shown("\(local)=\"\(attribute.value)\""))
                continue
            }
            switch local {
            case "style":
                let declarations = styles.declarations(attribute.value)
                if !declarations.isEmpty {
                    kept.append((name: "style", value: declarations.map { "\($0.property): \($0.value)" }.joined(separator: "; ")))
                }
            case "id":
                if SVGStyleValue.isFragment("#" + attribute.value), ids.insert(attribute.value).inserted {
                    kept.append((name: "id", value: attribute.value))
                }
            case "class":
                if attribute.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_- ".contains($0)) }) {
                    kept.append((name: "class", value: attribute.value))
                }
            case _ where SVGAllowList.attributes.contains(local) || SVGAllowList.properties.contains(local):
                switch SVGStyleValue.cleaned(attribute.value, property: local) {
                case .success(let value): kept.append((name: local, value: value))
                case .failure(.reference(let shown)), .failure(.content(let shown)): note(shown)
                }
            default:
                if SVGAllowList.reportedWhenLeftOut.contains(local) || attribute.value.lowercased().contains("url(") {
                    note(SVGStyleValue.shown("\(local)=\"\(attribute.value)\""))
                }
            }
        }
        return kept
    }
}
