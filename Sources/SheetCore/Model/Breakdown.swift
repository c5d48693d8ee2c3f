/// Category → percentage, for a chart. Kept in the order written; shares sum to 100 ± 1.
public struct Breakdown: Sendable, Hashable {
    public struct Share: Sendable, Hashable {
        /// A slug: `north-america`, `early-career`, `grants`.
        public var category: String
        /// 0–100, at most one decimal.
        public var percent: Double

        public init(category: String, percent: Double) {
            self.category = category
            self.percent = percent
        }
    }

    public var shares: [Share]

    public init(_ shares: [Share]) {
        self.shares = shares
    }

    public var total: Double { shares.reduce(0) { $0 + $1.percent } }

    /// Largest share first; equal shares keep their written order.
    public var sortedByShare: [Share] {
        shares.enumerated().sorted { lhs, rhs in
            lhs.element.percent != rhs.element.percent
                ? lhs.element.percent > rhs.element.percent : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
