/// What a frame is on the page: the structure a reader (or a screen reader, through PDF tags)
/// sees, set by layout and read by painters, tests and diagnostics.
///
/// Every piece of content sits in a frame whose role says what it is; frames nest, and the
/// innermost role that is not `group` names a piece of content. The cases follow the
/// structure types of PDF (ISO 32000-1, 14.8.4) so that tagging is a mapping, not a guess:
///
/// | role | PDF structure type |
/// |---|---|
/// | `page` | (the page itself) |
/// | `section` | `Sect` |
/// | `group` | none (a layout grouping: rows, columns, the content area) |
/// | `heading(level:)` | `H1` … `H6` |
/// | `paragraph` | `P` |
/// | `list`, `listItem`, `listLabel`, `listBody` | `L`, `LI`, `Lbl`, `LBody` |
/// | `table`, `tableRow`, `tableHeaderCell`, `tableColumnHeaderCell`, `tableDataCell` | `Table`, `TR`, `TH` (row or column scope), `TD` |
/// | `figure(alt:)` | `Figure` with `/Alt` |
/// | `link(url:)` | `Link` (with the link annotation over its text) |
/// | `artifact(_:)` | an artifact: not content, left out of the structure and of reading |
///
/// A figure stands for everything inside it: a reader hears its alternative text instead of
/// its parts (the bars, legends and labels of a chart are in the figure for sighted readers).
public enum FrameRole: Sendable, Hashable {
    /// A whole page.
    case page
    /// The whole area of one template component (a section of the sheet): the unit that
    /// flows from page to page, and what diagnostics name.
    case section(Section)
    /// A layout grouping with no meaning of its own: a row of columns, a column, the content area.
    case group
    /// A heading: level 1 is the community's name, 2 a section's heading, 3 a heading inside a
    /// section (the parts of the structure, a mode of the participation model).
    case heading(level: Int)
    /// Running text: a paragraph or a block of paragraphs in one style.
    case paragraph
    /// A list; its children are `listItem`s.
    case list
    /// One item of a list, holding an optional `listLabel` (the bullet) and a `listBody`.
    case listItem
    /// The bullet or number of a list item.
    case listLabel
    /// The content of a list item.
    case listBody
    /// A table of label–value pairs (key figures, a breakdown's categories, contact details).
    case table
    /// A row of a table; its children are cells.
    case tableRow
    /// A cell naming what its row shows ("members", "Europe", "E-mail").
    case tableHeaderCell
    /// A cell naming what its column shows (a community, in a comparison).
    case tableColumnHeaderCell
    /// A cell holding a value ("1,200", "64.3%", "ada@example.org").
    case tableDataCell
    /// An image or drawing, with the words a reader hears instead of seeing it, and the
    /// language those words are in: that of the template's strings they are made from (the
    /// sheet's, or English where the template has no strings in it), whatever script the
    /// data inside them is in; nil for the document's.
    case figure(alt: String, language: String? = nil)
    /// Text that is a link to `url` (the clickable area itself is a `FrameItem.link`).
    case link(url: String)
    /// Something that is not content.
    case artifact(Artifact)

    /// The kinds of things that are not content.
    public enum Artifact: String, Sendable, Hashable {
        /// Backgrounds, rules, bands, tracks, tints: graphics that carry no information.
        case decoration
        /// The running header of a page (repeated on every page after the first).
        case header
        /// The running footer of a page ("Page n of m").
        case footer
    }

    /// Which component a section is and which profile field it shows.
    public struct Section: Sendable, Hashable {
        public var kind: ComponentKind
        /// The field the template gave the component, where it shows one.
        public var field: String?
        /// Whether this part of the section continues it from an earlier page.
        public var continued: Bool

        public init(kind: ComponentKind, field: String? = nil, continued: Bool = false) {
            self.kind = kind
            self.field = field
            self.continued = continued
        }

        /// The profile field a diagnostic about this section names: its own field, or the one
        /// that stands for a component showing several.
        public var diagnosticField: String? {
            if let field { return field }
            switch kind {
            case .titleBand: return "name"
            case .keyFigures: return "members"
            case .structure: return "structure"
            case .contact: return "contact"
            default: return nil
            }
        }
    }

    /// The section, when the role is one.
    public var section: Section? {
        if case .section(let section) = self { return section }
        return nil
    }

    /// Whether the role is an artifact.
    public var isArtifact: Bool {
        if case .artifact = self { return true }
        return false
    }
}
