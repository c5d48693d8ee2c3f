import Foundation
import SheetCore
import SheetLayout
import Testing

/// Exact strings, separators included: U+202F is the narrow no-break space ICU puts between
/// French digit groups, U+00A0 the no-break space before a French or German percent sign.
@Suite("Numbers and dates as each language writes them")
struct NumberTextTests {
    @Test func englishCounts() {
        let en = NumberText(language: "en")
        #expect(en.count(0) == "0")
        #expect(en.count(1200) == "1,200")
        #expect(en.count(9_999_999) == "9,999,999")
        #expect(en.count(12_500_000) == "12.5M")
        #expect(en.count(100_000_000) == "100M")
        #expect(en.count(-1200) == "-1,200")
    }

    @Test func englishDecimalsAndPercentages() {
        let en = NumberText(language: "en")
        #expect(en.decimal(0.5, places: 2) == "0.5")
        #expect(en.decimal(6.75, places: 2) == "6.75")
        #expect(en.decimal(2, places: 2) == "2")
        #expect(en.decimal(2.125, places: 2) == "2.13")
        #expect(en.decimal(1234.5, places: 1) == "1,234.5")
        #expect(en.percent(52.5) == "52.5%")
        #expect(en.percent(62) == "62%")
        #expect(en.percent(64.25) == "64.3%")
        #expect(en.percent(100) == "100%")
    }

    @Test(arguments: [
        // language, 1 100, 1 234 567, 2.25, 64.3 %, 12.5 million
        ("pt-BR", "1.100", "1.234.567", "2,25", "64,3%", "12,5\u{A0}mi"),
        ("pt", "1.100", "1.234.567", "2,25", "64,3%", "12,5\u{A0}mi"),
        ("pt-PT", "1100", "1\u{A0}234\u{A0}567", "2,25", "64,3%", "12,5\u{A0}M"),
        ("de", "1.100", "1.234.567", "2,25", "64,3\u{A0}%", "12,5\u{A0}Mio."),
        ("fr", "1\u{202F}100", "1\u{202F}234\u{202F}567", "2,25", "64,3\u{A0}%", "12,5\u{A0}M"),
        ("es", "1100", "1.234.567", "2,25", "64,3\u{A0}%", "12,5\u{A0}M"),
        ("ja", "1,100", "1,234,567", "2.25", "64.3%", "1250万"),
        ("ar", "1,100", "1,234,567", "2.25", "64.3\u{200E}%\u{200E}", "12.5\u{A0}مليون"),
    ])
    func perLanguage(language: String, thousand: String, million: String, decimal: String, percent: String, compact: String) {
        let numbers = NumberText(language: language)
        #expect(numbers.count(1100) == thousand)
        #expect(numbers.count(1_234_567) == million)
        #expect(numbers.decimal(2.25, places: 2) == decimal)
        #expect(numbers.percent(64.3) == percent)
        #expect(numbers.count(12_500_000) == compact)
    }

    /// ICU sets an en dash between thin spaces (U+2009) when the two ends are more than one
    /// word; French and German close it up between two months.
    @Test(arguments: [
        ("en", "2025", "Mar 2025", "Mar\u{2009}–\u{2009}Dec 2025", "Sep 2024\u{2009}–\u{2009}Aug 2025"),
        ("fr", "2025", "mars 2025", "mars–déc. 2025", "sept. 2024\u{2009}–\u{2009}août 2025"),
        ("de", "2025", "März 2025", "März–Dez. 2025", "Sept. 2024\u{2009}–\u{2009}Aug. 2025"),
        ("es", "2025", "mar 2025", "mar\u{2009}–\u{2009}dic 2025", "sept 2024\u{2009}–\u{2009}ago 2025"),
        ("pt-BR", "2025", "mar. de 2025", "mar.\u{2009}–\u{2009}dez. de 2025", "set. de 2024\u{2009}–\u{2009}ago. de 2025"),
        ("ja", "2025年", "2025年3月", "2025年3月～12月", "2024年9月～2025年8月"),
        ("ar", "2025", "مارس 2025", "مارس\u{2009}–\u{2009}ديسمبر 2025", "سبتمبر 2024\u{2009}–\u{2009}أغسطس 2025"),
    ])
    func periods(language: String, year: String, month: String, span: String, acrossYears: String) {
        let locale = Locale(identifier: language)
        #expect(ReportingPeriod.year(2025).label(locale: locale) == year)
        let march = YearMonth(year: 2025, month: 3)
        #expect(ReportingPeriod.months(from: march, to: march).label(locale: locale) == month)
        #expect(ReportingPeriod.months(from: march, to: YearMonth(year: 2025, month: 12)).label(locale: locale) == span)
        #expect(
            ReportingPeriod.months(from: YearMonth(year: 2024, month: 9), to: YearMonth(year: 2025, month: 8)).label(locale: locale)
                == acrossYears)
        // A whole calendar year given as months is the year.
        #expect(
            ReportingPeriod.months(from: YearMonth(year: 2025, month: 1), to: YearMonth(year: 2025, month: 12)).label(locale: locale)
                == year)
    }
}
