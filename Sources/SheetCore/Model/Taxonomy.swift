/// The working group's keyword vocabulary (`taxonomy.yaml`): slug → label.
///
/// An entry that breaks a rule (a label too long, a control character) is left out and
/// remembered in `invalidEntries`, so that only the profiles using that keyword fail, each
/// told that its keyword's entry is invalid; the other keywords stay usable. A file that
/// cannot be read as a taxonomy at all (YAML errors, no `format: 1`, no `keywords:`) gives an
/// `unusable` taxonomy, which accepts no keyword and says why.
public struct Taxonomy: Sendable, Hashable {
    /// Keywords in the order the file lists them.
    public var keywords: [(slug: String, label: String)] {
        order.map { ($0, labels[$0] ?? $0) }
    }

    private var order: [String]
    private var labels: [String: String]
    /// Labels per language tag (lowercased), for keywords the file labels per language.
    private var translations: [String: [String: String]]
    /// The file it was read from, if any.
    public var file: String?
    /// Slugs whose entries break a rule, with where each entry is.
    public private(set) var invalidEntries: [String: SourceLocation] = [:]
    /// True when `file` exists but could not be read as a taxonomy (its errors are reported
    /// at the file): no keyword is accepted.
    public private(set) var isUnusable = false

    public init(
        keywords: [(slug: String, label: String)], translations: [String: [String: String]] = [:], file: String? = nil,
        invalidEntries: [String: SourceLocation] = [:]
    ) {
        self.translations = translations
        self.order = keywords.map(\.slug)
        self.labels = Dictionary(keywords.map { ($0.slug, $0.label) }, uniquingKeysWith: { first, _ in first })
        self.file = file
        self.invalidEntries = invalidEntries
    }

    /// A run with no `taxonomy.yaml` accepts no keywords.
    public static let empty = Taxonomy(keywords: [])

    /// The taxonomy of a `file` that has errors as a whole.
    public static func unusable(file: String) -> Taxonomy {
        var taxonomy = Taxonomy(keywords: [], file: file)
        taxonomy.isUnusable = true
        return taxonomy
    }

    public func label(for slug: String) -> String? { labels[slug] }

    /// The keyword's label in `language` (a BCP 47 tag): the tag's own, else its language's
    /// (`pt` for `pt-BR`), else the English label, else the first one given.
    public func label(for slug: String, language: String) -> String? {
        let tag = language.lowercased()
        if let perLanguage = translations[slug] {
            if let label = perLanguage[tag] { return label }
            if let primary = tag.split(separator: "-").first, let label = perLanguage[String(primary)] { return label }
        }
        return labels[slug]
    }
    public func contains(_ slug: String) -> Bool { labels[slug] != nil }
    public var slugs: [String] { order }

    /// Why `keyword` is not accepted, as a message and a hint; nil when it is.
    public func refusal(of keyword: String, shown: String) -> (message: String, hint: String)? {
        if contains(keyword) { return nil }
        if let entry = invalidEntries[keyword] {
            return ("keyword '\(shown)' has an invalid entry in the taxonomy",
                    "its entry at \(entry) breaks a rule (reported there); once it is fixed the keyword is accepted")
        }
        let hint: String
        if isUnusable {
            hint = "taxonomy.yaml has errors (reported there), so no keywords are accepted until they are fixed"
        } else if slugs.isEmpty && file == nil {
            hint = "there is no taxonomy.yaml in the profiles folder, so no keywords are accepted"
        } else {
            hint = Suggestion.didYouMean(keyword, in: slugs) ?? "keywords must be keys of taxonomy.yaml"
        }
        return ("keyword '\(shown)' is not in the taxonomy", hint)
    }

    public static func == (lhs: Taxonomy, rhs: Taxonomy) -> Bool {
        lhs.order == rhs.order && lhs.labels == rhs.labels && lhs.translations == rhs.translations && lhs.file == rhs.file
            && lhs.invalidEntries == rhs.invalidEntries && lhs.isUnusable == rhs.isUnusable
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(order)
        hasher.combine(labels)
        hasher.combine(translations)
    }
}
