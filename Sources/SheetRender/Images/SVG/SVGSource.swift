import CXML2
import SheetCore

/// An SVG document as libxml2 parsed it, copied into Swift values before anything is kept, so
/// that the cleaner never holds a libxml2 pointer.
///
/// **Why libxml2 directly, not FoundationXML's `XMLParser`.** swift-corelibs-foundation's
/// `XMLParser` always parses with `XML_PARSE_NOENT` (entities substituted) and
/// `XML_PARSE_RECOVER` (broken documents accepted), whatever `shouldResolveExternalEntities`
/// says; substitution is what makes a billion-laughs document expand and an external entity be
/// read. Here the document is parsed with only `XML_PARSE_NONET` (no network, also for a DTD)
/// and `XML_PARSE_NOCDATA` (CDATA sections become text, so `<![CDATA[…]]>` cannot hide CSS from
/// the style checks), and without `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDATTR`,
/// `XML_PARSE_XINCLUDE` and `XML_PARSE_HUGE`: no entity is substituted (a reference stays an
/// entity-reference node, which the cleaner drops), no external DTD or entity is read (libxml2
/// 2.9.14 parses an external entity's content only with NOENT or DTDVALID; measured by
/// `SVGCleanerTests.externalEntityAndDTDAreNotRead`), no default attribute comes from a DTD,
/// XInclude is never processed, and libxml2's default limits hold (256 levels of nesting, 10 MB
/// text nodes, entity amplification). Nothing process-wide is changed: librsvg and
/// FoundationXML share the library.
enum SVGSource {
    static let svgNamespace = "http://www.w3.org/2000/svg"
    static let xlinkNamespace = "http://www.w3.org/1999/xlink"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    struct Attribute {
        var namespace: String?
        var prefix: String?
        var name: String
        var value: String
        /// The value held an entity reference (left unsubstituted, so the value is incomplete).
        var hasEntityReference: Bool
    }

    struct Element {
        var namespace: String?
        var prefix: String?
        var name: String
        var attributes: [Attribute]
        var children: [Content]

        /// `prefix:name` as written, for messages.
        var writtenName: String { prefix.map { "\($0):\(name)" } ?? name }
    }

    indirect enum Content {
        case element(Element)
        case text(String)
        case entityReference(String)
        case processingInstruction(String)
        /// Elements below libxml2's own depth limit never get here; this marks those below the
        /// cleaner's, whose content is not copied.
        case tooDeep
    }

    struct Document {
        var root: Element
        /// What came before or after the root element that a logo may not have: `<!DOCTYPE>`,
        /// processing instructions.
        var prolog: [String]
    }

    enum Failure: Error, Equatable {
        case malformed(String)
        case noRootElement
    }

    /// Elements nested deeper than this are not copied (libxml2 itself stops at 256).
    static let maximumDepth = 64

    static func parse(_ bytes: [UInt8]) -> Result<Document, Failure> {
        guard !bytes.isEmpty, bytes.count <= Int(Int32.max) else { return .failure(.malformed("the file is empty")) }
        _ = initialised
        guard let context = xmlNewParserCtxt() else { return .failure(.malformed("libxml2 could not start a parser")) }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, nil, options)
                }
            }
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            return .failure(.malformed(lastError(context)))
        }
        defer { xmlFreeDoc(document) }

        var prolog: [String] = []
        var root: Element?
        var node = document.pointee.children
        while let current = node {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: root = element(current, depth: 1)
            case XML_DTD_NODE: prolog.append("<!DOCTYPE>")
            case XML_PI_NODE: prolog.append("<?\(text(current.pointee.name))?>")
            default: break
            }
            node = current.pointee.next
        }
        guard let root else { return .failure(.noRootElement) }
        return .success(Document(root: root, prolog: prolog))
    }

    /// libxml2's global state, set up once before any thread parses (its documented rule).
    private static let initialised: Void = { xmlInitParser() }()

    private static func lastError(_ context: xmlParserCtxtPtr) -> String {
        guard let error = xmlCtxtGetLastError(context), let message = error.pointee.message else {
            return "not a well-formed XML document"
        }
        let text = String(cString: message).trimmingWhitespace()
        return "line \(error.pointee.line): \(text)"
    }

    private static func text(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func element(_ node: xmlNodePtr, depth: Int) -> Element {
        var attributes: [Attribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            var value = ""
            var hasEntityReference = false
            var child = attribute.pointee.children
            while let part = child {
                if part.pointee.type == XML_ENTITY_REF_NODE { hasEntityReference = true } else { value += text(part.pointee.content) }
                child = part.pointee.next
            }
            attributes.append(Attribute(
                namespace: attribute.pointee.ns.map { text($0.pointee.href) },
                prefix: attribute.pointee.ns.flatMap { $0.pointee.prefix.map { String(cString: $0) } },
                name: text(attribute.pointee.name), value: value, hasEntityReference: hasEntityReference))
            property = attribute.pointee.next
        }
        var children: [Content] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(depth >= maximumDepth ? .tooDeep : .element(element(current, depth: depth + 1)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: children.append(.text(text(current.pointee.content)))
            case XML_ENTITY_REF_NODE: children.append(.entityReference(text(current.pointee.name)))
            case XML_PI_NODE: children.append(.processingInstruction(text(current.pointee.name)))
            default: break
            }
            child = current.pointee.next
        }
        return Element(
            namespace: node.pointee.ns.map { text($0.pointee.href) },
            prefix: node.pointee.ns.flatMap { $0.pointee.prefix.map { String(cString: $0) } },
            name: text(node.pointee.name), attributes: attributes, children: children)
    }
}
