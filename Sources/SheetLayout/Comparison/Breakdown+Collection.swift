import SheetCore

extension Breakdown {
    /// The categories of several communities' breakdowns, those with the largest summed share
    /// first, ties in the order first met: the rows (or columns) of a table that sets the
    /// breakdowns side by side.
    static func categoriesBySummedShare(_ breakdowns: [[Share]]) -> [String] {
        var order: [String] = []
        var sums: [String: Double] = [:]
        for shares in breakdowns {
            for share in shares {
                if sums[share.category] == nil { order.append(share.category) }
                sums[share.category, default: 0] += share.percent
            }
        }
        return order.enumerated().sorted { lhs, rhs in
            let (a, b) = (sums[lhs.element] ?? 0, sums[rhs.element] ?? 0)
            return a != b ? a > b : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
