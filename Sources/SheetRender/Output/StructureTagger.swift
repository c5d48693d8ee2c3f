import CPangoCairo
import SheetCore
import SheetLayout
import SheetPDF

/// Turns the frames' roles into cairo's structure elements (`cairo_tag_begin`) while the
/// painter walks a page, and keeps, for each element in the order opened, what cairo 1.16
/// cannot write (alternative text, language, a header cell's scope, a link's description):
/// `PDFAccessibilityPass` adds those to the file cairo wrote. Layout decides the roles; this
/// only maps them (`FrameRole`'s table) and works around three things cairo does:
///
/// - Text drawn inside an element that has child elements gets no MCID. So an element is
///   opened as a leaf (its text tagged) when no frame below it makes an element of its own,
///   text that would land in an element with children gets a `P` of its own, and the link
///   areas of a leaf's text become `Link` elements after the leaf closes.
/// - "Artifact" is not a tag: what is painted outside every element, including everything
///   under an `artifact` role, carries no marking, and the pass marks it as an Artifact. For
///   the same reason a chart's bars, drawn inside a `Figure` that holds its legend's `Table`,
///   end up as Artifacts, while the figure's `/Alt` says what they show.
/// - Link annotations are tagged where they are made: a `link` role's element holds its text
///   and the annotation over the areas below it; every other link area (in running text, in
///   a footer) gets a `Link` element of its own, so that every annotation is in the tree.
final class StructureTagger {
    let cr: OpaquePointer
    /// The document's language: an element gets a `/Lang` of its own only when it differs.
    let documentLanguage: String
    private(set) var elements: [TaggedElement] = []

    private struct Open {
        /// The structure type, nil for a frame that makes no element.
        var type: String?
        /// Index into `elements`.
        var element: Int?
        /// Whether the element has no child elements, so its content is tagged.
        var isLeaf: Bool
        /// Link areas met inside a leaf, tagged when it closes.
        var deferredLinks: [(url: String, rect: Rect)] = []
        /// A leaf's texts' language (`languages(_:)` found them all read in one), nil when
        /// it has no texts; given to the element at its first text, which is the only one that
        /// can set it.
        var textLanguage: String?
        var textLanguageChosen = false
    }

    private var stack: [Open] = []
    /// How many artifact frames the painter is inside.
    private var artifactDepth = 0

    init(cr: OpaquePointer, documentLanguage: String) {
        self.cr = cr
        self.documentLanguage = documentLanguage
    }

    // MARK: The document's own elements

    /// Opens an element of standard structure type `type` that no frame stands for (the
    /// `Document`, a collection's `Part`).
    func begin(_ type: String, language: String? = nil) {
        elements.append(TaggedElement(type: type, language: language.flatMap(ownLanguage)))
        cairo_tag_begin(cr, type, "")
    }

    func end(_ type: String) {
        cairo_tag_end(cr, type)
    }

    // MARK: Frames

    /// Called before the painter paints `frame`'s items, `origin` being where they are placed.
    func enter(_ frame: Frame, at origin: Point) {
        if artifactDepth > 0 || frame.role.isArtifact {
            if frame.role.isArtifact { artifactDepth += 1 }
            return
        }
        // A link whose target `URLCheck.linkTarget` refuses is not written (see
        // `PagePainter.annotate`): its text is tagged as what is around it.
        var target: String?
        if case .link(let url) = frame.role { target = URLCheck.linkTarget(url) }
        guard let type = Self.structureType(frame.role), !(type == CAIRO_TAG_LINK && target == nil) else {
            stack.append(Open(type: nil, element: nil, isLeaf: false))
            return
        }
        // A leaf when nothing inside makes an element (so nothing is ever opened in a leaf).
        // A list body or table cell with link areas holds its text in a `P` and its links
        // beside it, since a link's element cannot go inside the leaf nor, as a list item's
        // or a row's child, beside the body or cell.
        let holdsLinks = Self.blockContainers.contains(type) && !Self.linkAreas(in: frame, at: origin).isEmpty
        // A heading or paragraph whose texts are read in different languages (the name in the
        // profile's, the template's words in English) holds each text in a `Span` with its own
        // `/Lang`, since an element has one language.
        var isLeaf = !holdsLinks && !Self.containsElements(frame)
        var textLanguage: String?
        if isLeaf {
            let texts = languages(frame)
            isLeaf = !texts.mixed
            textLanguage = texts.first
        }
        var note = TaggedElement(type: type)
        var attributes = ""
        switch frame.role {
        case .figure(let alt, let language):
            // Alternative texts are the template's words around the profile's data: read in
            // the language of those words (layout says which), even where the data's letters
            // are more (Latin place names in an Arabic sentence), and without the marks that
            // order a text's runs on screen, which a reader does not see and a braille display
            // would spell out (ICU's Arabic percentages come as 30\u{200E}%\u{200E}).
            note.alt = BidiMarks.removed(from: alt)
            note.language = ownLanguage(language ?? documentLanguage)
        case .tableHeaderCell: note.scope = .row
        case .tableColumnHeaderCell: note.scope = .column
        case .link:
            guard let target else { break }
            note.linkDescription = target
            let rects = Self.linkAreas(in: frame, at: origin)
            attributes = CairoTagText.linkAttributes(rects: rects.map { ($0.minX, $0.minY, $0.width, $0.height) }, uri: target)
        default: break
        }
        elements.append(note)
        stack.append(Open(type: type, element: elements.count - 1, isLeaf: isLeaf, textLanguage: textLanguage))
        cairo_tag_begin(cr, type, attributes)
    }

    /// Called after the painter painted `frame`'s items.
    func leave(_ frame: Frame) {
        if artifactDepth > 0 {
            if frame.role.isArtifact { artifactDepth -= 1 }
            return
        }
        guard let open = stack.popLast() else { return }
        guard let type = open.type else { return }
        cairo_tag_end(cr, type)
        for link in open.deferredLinks { annotate(link.url, link.rect) }
    }

    /// Draws a text block through `draw`, tagged: in the leaf it is in, or in a `P` of its own
    /// when it is in an element with children (or in none), in the language its letters are
    /// read in (`ReadingLanguage`). Untagged inside an artifact.
    func text(_ block: TextBlock, _ draw: () -> Void) {
        if artifactDepth > 0 {
            draw()
            return
        }
        if let leaf = innermostLeafIndex {
            // Only the first text can set the leaf's language: `enter` found every text of a
            // leaf read in the same one.
            if !stack[leaf].textLanguageChosen {
                stack[leaf].textLanguageChosen = true
                if let element = stack[leaf].element, elements[element].language == nil, stack[leaf].type != "Figure" {
                    elements[element].language = ownLanguage(
                        stack[leaf].textLanguage ?? ReadingLanguage.language(of: block, document: documentLanguage))
                }
            }
            draw()
            return
        }
        let language = ReadingLanguage.language(of: block, document: documentLanguage)
        // Inside a heading or a paragraph the text is a span of it; elsewhere a paragraph.
        let type = stack.last { $0.type != nil }.flatMap(\.type).map { Self.inlineContainers.contains($0) } == true ? "Span" : "P"
        elements.append(TaggedElement(type: type, language: ownLanguage(language)))
        cairo_tag_begin(cr, type, "")
        draw()
        cairo_tag_end(cr, type)
    }

    /// Whether the texts directly in `frame` (and in frames below it that make no element) are
    /// read in more than one language, and the language of the first.
    private func languages(_ frame: Frame) -> (mixed: Bool, first: String?) {
        var first: String?
        func mixes(_ frame: Frame) -> Bool {
            for item in frame.items {
                switch item {
                case .text(let text):
                    let language = ReadingLanguage.language(of: text.block, document: documentLanguage)
                    if let first, !Self.sameLanguage(first, language) { return true }
                    first = first ?? language
                case .group(let child) where !child.role.isArtifact:
                    if mixes(child) { return true }
                default: continue
                }
            }
            return false
        }
        return (mixes(frame), first)
    }

    /// A link area met among a frame's items: part of the `Link` element it is in, tagged
    /// after the leaf it is in, or a `Link` element of its own.
    func link(_ url: String, _ rect: Rect) {
        if stack.contains(where: { $0.type == CAIRO_TAG_LINK }) { return }
        if let leaf = innermostLeafIndex {
            stack[leaf].deferredLinks.append((url, rect))
            return
        }
        annotate(url, rect)
    }

    private func annotate(_ url: String, _ rect: Rect) {
        elements.append(TaggedElement(type: CAIRO_TAG_LINK, linkDescription: url))
        cairo_tag_begin(cr, CAIRO_TAG_LINK, CairoTagText.linkAttributes(rects: [(rect.minX, rect.minY, rect.width, rect.height)], uri: url))
        cairo_tag_end(cr, CAIRO_TAG_LINK)
    }

    private var innermostLeafIndex: Int? {
        guard let index = stack.lastIndex(where: { $0.type != nil }), stack[index].isLeaf else { return nil }
        return index
    }

    /// `language` when it differs from the one the element would inherit (its nearest
    /// enclosing element's with a `/Lang`, else the document's).
    private func ownLanguage(_ language: String) -> String? {
        let inherited = stack.reversed().lazy.compactMap { $0.element.flatMap { self.elements[$0].language } }.first ?? documentLanguage
        return Self.sameLanguage(language, inherited) ? nil : language
    }

    // MARK: Roles

    /// Types that may hold a paragraph and a link side by side.
    static let blockContainers: Set<String> = ["LBody", "TD", "TH"]
    /// Types whose texts, when they are not the element's own content, are spans of it.
    static let inlineContainers: Set<String> = ["H1", "H2", "H3", "H4", "H5", "H6", "P"]

    /// The standard structure type a role is tagged as; nil for roles that make no element.
    static func structureType(_ role: FrameRole) -> String? {
        switch role {
        case .page, .group, .artifact: nil
        case .section: "Sect"
        case .heading(let level): "H\(min(6, max(1, level)))"
        case .paragraph: "P"
        case .list: "L"
        case .listItem: "LI"
        case .listLabel: "Lbl"
        case .listBody: "LBody"
        case .table: "Table"
        case .tableRow: "TR"
        case .tableHeaderCell, .tableColumnHeaderCell: "TH"
        case .tableDataCell: "TD"
        case .figure: "Figure"
        case .link: CAIRO_TAG_LINK
        }
    }

    /// Whether a frame below `frame` (not under an artifact) makes an element.
    static func containsElements(_ frame: Frame) -> Bool {
        frame.items.contains { item in
            guard case .group(let child) = item, !child.role.isArtifact else { return false }
            return structureType(child.role) != nil || containsElements(child)
        }
    }

    /// The link areas inside `frame`, page-absolute (`origin` is where its items are placed).
    static func linkAreas(in frame: Frame, at origin: Point) -> [Rect] {
        var out: [Rect] = []
        for item in frame.items {
            switch item {
            case .link(let link): out.append(link.rect.offset(by: origin))
            case .group(let child): out += linkAreas(in: child, at: child.origin.offset(by: origin))
            default: continue
            }
        }
        return out
    }

    /// Whether two BCP 47 tags name the same language for a reader (`en` and `en-US` do): their
    /// first subtags, compared without regard to case, byte by byte (tags are ASCII; splitting
    /// and lowercasing Strings here, for every text of a sheet, cost 0.5 M instructions a sheet).
    static func sameLanguage(_ a: String, _ b: String) -> Bool {
        var x = a.utf8.drop { $0 == UInt8(ascii: "-") }.makeIterator()
        var y = b.utf8.drop { $0 == UInt8(ascii: "-") }.makeIterator()
        while true {
            let p = x.next().flatMap { $0 == UInt8(ascii: "-") ? nil : $0 }
            let q = y.next().flatMap { $0 == UInt8(ascii: "-") ? nil : $0 }
            guard let p, let q else { return p == nil && q == nil }
            guard Self.lowercased(p) == Self.lowercased(q) else { return false }
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
