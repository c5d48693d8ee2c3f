/// Percentages that sum to exactly 100, by the largest-remainder method.
///
/// Each category's exact share of the total is computed in tenths of a percent (breakdowns
/// allow one decimal) and cut down to a whole number of tenths; the tenths still missing to
/// make 1000 go, one each, to the categories with the largest parts that were cut off. Equal
/// remainders go to the larger category first, then to the one listed first. So 1, 1, 1 out
/// of 3 gives 33.4, 33.3, 33.3, and every result is within 0.1 of the exact share.
public enum ShareRounding {
    /// Percentages for `counts`, in the same order, with `decimals` (0 or 1) decimals.
    public static func percentages(_ counts: [Int], decimals: Int = 1) -> [Double] {
        let total = counts.reduce(0, +)
        guard total > 0 else { return counts.map { _ in 0 } }
        let scale = decimals >= 1 ? 10 : 1
        let whole = 100 * scale
        var units = counts.map { $0 * whole / total }
        let remainders = counts.map { $0 * whole % total }
        var missing = whole - units.reduce(0, +)
        let order = counts.indices.sorted { lhs, rhs in
            if remainders[lhs] != remainders[rhs] { return remainders[lhs] > remainders[rhs] }
            if counts[lhs] != counts[rhs] { return counts[lhs] > counts[rhs] }
            return lhs < rhs
        }
        for index in order where missing > 0 {
            units[index] += 1
            missing -= 1
        }
        return units.map { Double($0) / Double(scale) }
    }
}
