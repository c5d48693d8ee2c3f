import Foundation
import SheetCore

extension ReportingPeriod {
    /// The period as the language of `locale` writes it, through Foundation's date format
    /// styles (ICU's CLDR patterns on Linux): a year as `2025` (`2025年` in Japanese), one
    /// month as `Mar 2025` (`mars 2025`, `2025年3月`), a span as ICU's interval pattern writes
    /// it, the year once when both ends share it: `Mar – Dec 2025`, `mars–déc. 2025`,
    /// `2025年3月～12月`, `Sep 2024 – Aug 2025`. A span of a whole calendar year is the year.
    public func label(locale: Locale) -> String {
        let calendar = Self.gregorian
        switch self {
        case .year(let year):
            return Self.date(year: year, month: 1, calendar: calendar)
                .formatted(Date.FormatStyle(locale: locale, calendar: calendar, timeZone: calendar.timeZone).year())
        case .months(let from, let to):
            if from.year == to.year, from.month == 1, to.month == 12 { return ReportingPeriod.year(from.year).label(locale: locale) }
            let start = Self.date(year: from.year, month: from.month, calendar: calendar)
            if from == to {
                return start.formatted(
                    Date.FormatStyle(locale: locale, calendar: calendar, timeZone: calendar.timeZone).month(.abbreviated).year())
            }
            let end = Self.date(year: to.year, month: to.month, calendar: calendar)
            guard start < end else { return "\(from.label) – \(to.label)" }
            return (start..<end).formatted(
                Date.IntervalFormatStyle(locale: locale, calendar: calendar, timeZone: calendar.timeZone).month(.abbreviated).year())
        }
    }

    private static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// The first day of a month, at noon so no time zone moves it to another day.
    private static func date(year: Int, month: Int, calendar: Calendar) -> Date {
        calendar.date(from: DateComponents(year: year, month: month, day: 1, hour: 12)) ?? Date(timeIntervalSince1970: 0)
    }
}
