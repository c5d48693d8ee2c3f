/// The words a template puts on a sheet, one table per language, from the `strings/` folder
/// beside `template.yaml` (`strings/en.yaml`, `strings/ja.yaml`, …): the components' own words
/// (`strings:`, by key, with plural forms where a count chooses them), the template's headings
/// and page titles (`template:`, by their English text as `template.yaml` writes them) and its
/// breakdown categories (`labels:`, by slug). English is the reference: every other table has
/// every key English has, checked when the template is read (`TemplateStringsLoader`).
public struct TemplateStrings: Sendable, Hashable {
    /// A string: one text, or one per plural category.
    public enum Entry: Sendable, Hashable {
        case text(String)
        case plural([PluralCategory: String])
    }

    /// One language's words.
    public struct Table: Sendable, Hashable {
        /// The language, as the file is named (`pt` serves `pt-BR` and `pt-PT`).
        public var language: String
        /// The file it was read from.
        public var file: String
        public var strings: [String: Entry]
        /// Headings and page titles by their English text.
        public var template: [String: String]
        /// Breakdown categories by slug.
        public var labels: [String: String]

        public init(language: String, file: String, strings: [String: Entry], template: [String: String] = [:], labels: [String: String] = [:]) {
            self.language = language
            self.file = file
            self.strings = strings
            self.template = template
            self.labels = labels
        }
    }

    /// The reference language, whose table every template must have.
    public static let reference = "en"

    /// Tables by language tag, lowercased.
    public var tables: [String: Table]

    public init(tables: [String: Table]) {
        self.tables = tables
    }

    /// The table for a BCP 47 tag: the tag itself (`pt-br`), else its language (`pt`); nil when
    /// the template does not translate it.
    public func table(for language: String) -> Table? {
        let tag = language.lowercased()
        if let table = tables[tag] { return table }
        guard let primary = tag.split(separator: "-").first.map(String.init) else { return nil }
        return tables[primary]
    }

    /// The English table (present in every loaded template).
    public var english: Table? { tables[Self.reference] }
}
