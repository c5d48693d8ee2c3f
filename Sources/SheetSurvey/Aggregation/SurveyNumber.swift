/// A number from a survey cell, kept exact: `units` / 10^`scale`. Sums, means and medians are
/// computed on these integers, so that `1.005` rounds the way it is written and not the way a
/// binary floating-point number happens to hold it.
public struct SurveyNumber: Sendable, Hashable, Comparable {
    public var units: Int
    /// Decimals written, 0–12.
    public var scale: Int

    public init(units: Int, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// `1200`, `1,200`, `1,234,567.5`, `0.25`, `-3`: digits, optionally grouped in threes by
    /// `,`, optionally a `.` and decimals. Anything else (`about 200`, `n/a`, `1 200`, `1,5`,
    /// `1.200,5`, `+3`, `1e3`, `.5`) is nil: never a zero.
    public static func parse(_ raw: String) -> SurveyNumber? {
        var text = Substring(raw.trimmingWhitespace())
        let negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...(groups.count == 1 ? 18 : 3)).contains(first.count) else { return nil }
        for (index, group) in groups.enumerated() {
            guard group.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            if index > 0, group.count != 3 { return nil }
        }
        let whole = groups.joined()
        guard whole.count <= 18 else { return nil }
        var fraction = ""
        if parts.count == 2 {
            fraction = String(parts[1])
            guard (1...12).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        guard whole.count + fraction.count <= 18, let units = Int(whole + fraction) else { return nil }
        return SurveyNumber(units: negative ? -units : units, scale: fraction.count)
    }

    public var doubleValue: Double { Double(units) / Self.power(scale) }

    /// The value when it is whole, else nil.
    public var wholeValue: Int? {
        let factor = Int(Self.power(scale))
        return units % factor == 0 ? units / factor : nil
    }

    /// Both numbers with the larger of their scales, or nil on overflow.
    static func aligned(_ a: SurveyNumber, _ b: SurveyNumber) -> (Int, Int, Int)? {
        let scale = Swift.max(a.scale, b.scale)
        guard let left = a.rescaled(to: scale), let right = b.rescaled(to: scale) else { return nil }
        return (left, right, scale)
    }

    func rescaled(to target: Int) -> Int? {
        var value = units
        for _ in scale..<Swift.max(scale, target) {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
        }
        return value
    }

    public static func < (lhs: SurveyNumber, rhs: SurveyNumber) -> Bool {
        guard let (left, right, _) = aligned(lhs, rhs) else { return lhs.doubleValue < rhs.doubleValue }
        return left < right
    }

    public static func == (lhs: SurveyNumber, rhs: SurveyNumber) -> Bool {
        guard let (left, right, _) = aligned(lhs, rhs) else { return false }
        return left == right
    }

    public func hash(into hasher: inout Hasher) {
        var units = self.units
        var scale = self.scale
        while scale > 0, units % 10 == 0 { units /= 10; scale -= 1 }
        hasher.combine(units)
        hasher.combine(scale)
    }

    /// The sum, or nil when it does not fit.
    public static func sum(_ numbers: [SurveyNumber]) -> SurveyNumber? {
        let scale = numbers.map(\.scale).max() ?? 0
        var total = 0
        for number in numbers {
            guard let units = number.rescaled(to: scale) else { return nil }
            let (next, overflow) = total.addingReportingOverflow(units)
            if overflow { return nil }
            total = next
        }
        return SurveyNumber(units: total, scale: scale)
    }

    /// `numerator / denominator` (a number over a positive whole count) rounded to `places`
    /// decimals, half away from zero; nil on overflow.
    static func divided(_ numerator: SurveyNumber, by denominator: Int, places: Int) -> SurveyNumber? {
        // value = units / (10^scale · denominator); wanted: round(value · 10^places).
        guard denominator > 0, let scaled = numerator.rescaledMultiplying(byPowerOfTen: places) else { return nil }
        let (bottom, overflow) = denominator.multipliedReportingOverflow(by: Int(power(numerator.scale)))
        if overflow { return nil }
        var quotient = scaled / bottom
        let remainder = scaled % bottom
        if remainder.magnitude * 2 >= bottom.magnitude { quotient += scaled < 0 ? -1 : 1 }
        return SurveyNumber(units: quotient, scale: places)
    }

    private func rescaledMultiplying(byPowerOfTen places: Int) -> Int? {
        var value = units
        for _ in 0..<places {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
        }
        return value
    }

    /// The mean, rounded to `places` decimals, half away from zero.
    public static func mean(_ numbers: [SurveyNumber], places: Int) -> SurveyNumber? {
        guard !numbers.isEmpty, let total = sum(numbers) else { return nil }
        return divided(total, by: numbers.count, places: places)
    }

    /// The median (the mean of the middle two for an even count), rounded to `places` decimals,
    /// half away from zero.
    public static func median(_ numbers: [SurveyNumber], places: Int) -> SurveyNumber? {
        guard !numbers.isEmpty else { return nil }
        let sorted = numbers.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return divided(sorted[middle], by: 1, places: places) }
        guard let pair = sum([sorted[middle - 1], sorted[middle]]) else { return nil }
        return divided(pair, by: 2, places: places)
    }

    static func power(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
