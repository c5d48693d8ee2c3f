/// A structure element the painter opened with `cairo_tag_begin`, with what cairo 1.16 cannot
/// write for it and the accessibility pass adds. The painter lists them in the order it opened
/// them, which is the order of cairo's structure tree read depth first.
package struct TaggedElement: Sendable, Hashable {
    /// Whether a table header cell names its row or its column (`/A << /O /Table /Scope … >>`).
    package enum Scope: String, Sendable, Hashable {
        case row = "Row"
        case column = "Column"
    }

    /// The structure type given to cairo: `H1`, `P`, `Figure`, `Link`, …
    package var type: String
    /// The alternative text (figures).
    package var alt: String?
    /// BCP 47 tag of the element's language, where it is not the document's.
    package var language: String?
    package var scope: Scope?
    /// What a link leads to, in words, for its annotations' `/Contents`.
    package var linkDescription: String?

    package init(type: String, alt: String? = nil, language: String? = nil, scope: Scope? = nil, linkDescription: String? = nil) {
        self.type = type
        self.alt = alt
        self.language = language
        self.scope = scope
        self.linkDescription = linkDescription
    }
}
