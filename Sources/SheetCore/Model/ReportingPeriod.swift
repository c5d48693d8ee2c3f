/// The year, or the span of months, a profile reports on.
public enum ReportingPeriod: Sendable, Hashable {
    case year(Int)
    case months(from: YearMonth, to: YearMonth)

    /// "2025", "Jan 2025 – Dec 2025", or "2025" for a whole calendar year given as a range.
    public var label: String {
        switch self {
        case .year(let year):
            return String(year)
        case .months(let from, let to):
            if from.year == to.year, from.month == 1, to.month == 12 { return String(from.year) }
            if from == to { return from.label }
            return "\(from.label) – \(to.label)"
        }
    }

    /// Number of months covered, both ends included.
    public var monthCount: Int {
        switch self {
        case .year: 12
        case .months(let from, let to): (to.year - from.year) * 12 + to.month - from.month + 1
        }
    }
}

/// A month of a year, as in `2025-01`.
public struct YearMonth: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Mar 2025".
    public var label: String { "\(Self.monthNames[(month - 1) % 12]) \(year)" }
}
