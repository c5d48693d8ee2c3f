/// The working group's keyword vocabulary (`taxonomy.yaml`): slug → label.
public struct Taxonomy: Sendable, Hashable {
    /// Keywords in the order the file lists them.
    public var keywords: [(slug: String, label: String)] {
        order.map { ($0, labels[$0] ?? $0) }
    }

    private var order: [String]
    private var labels: [String: String]
    /// The file it was read from, if any.
    public var file: String?

    public init(keywords: [(slug: String, label: String)], file: String? = nil) {
        self.order = keywords.map(\.slug)
        self.labels = Dictionary(keywords.map { ($0.slug, $0.label) }, uniquingKeysWith: { first, _ in first })
        self.file = file
    }

    /// A run with no `taxonomy.yaml` accepts no keywords.
    public static let empty = Taxonomy(keywords: [])

    public func label(for slug: String) -> String? { labels[slug] }
    public func contains(_ slug: String) -> Bool { labels[slug] != nil }
    public var slugs: [String] { order }

    public static func == (lhs: Taxonomy, rhs: Taxonomy) -> Bool {
        lhs.order == rhs.order && lhs.labels == rhs.labels && lhs.file == rhs.file
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(order)
        hasher.combine(labels)
    }
}
