import Foundation

/// Numbers as a sheet prints them, written the way the sheet's language writes them: its
/// digits, grouping and decimal separators, its percent sign and the space before it, its
/// word for millions. Foundation's format styles do the writing (ICU's CLDR data on Linux), so
/// the conventions are the locale library's, not tables of ours: `1,100` in English, `1.100` in
/// Brazilian Portuguese and German, `1 100` in French (a narrow no-break space, U+202F), `1100`
/// in Spanish, which groups from five digits on; `64,3 %` in French and German (a no-break
/// space, U+00A0), `64.3%` in English and Japanese.
///
/// The separators ICU gives are kept as they are: they are the ones typographers of those
/// languages use, Noto Sans has glyphs for them, and being no-break spaces they keep a number
/// on one line.
public struct NumberText: Sendable, Hashable {
    public let locale: Locale

    /// Numbers in the conventions of `language`, a BCP 47 tag (`pt-BR`, `fr`, `ja`).
    public init(language: String) {
        locale = Locale(identifier: language)
    }

    /// English, for what is not part of a sheet (diagnostics).
    public static let english = NumberText(language: "en")

    /// `1,200`; from ten million on in the language's short form: `12.5M`, `12,5 Mio.`, `1250万`.
    public func count(_ value: Int) -> String {
        if value >= 10_000_000 {
            return value.formatted(
                .number.notation(.compactName).precision(.fractionLength(0...1)).rounded(rule: .toNearestOrAwayFromZero)
                    .locale(locale))
        }
        return value.formatted(.number.locale(locale))
    }

    /// At most `places` decimals, trailing zeros dropped: `0.5`, `6.75`, `2` (`6,75` in French).
    public func decimal(_ value: Double, places: Int) -> String {
        value.formatted(
            .number.precision(.fractionLength(0...max(0, places))).rounded(rule: .toNearestOrAwayFromZero).locale(locale))
    }

    /// A share given in percent (0–100), with at most one decimal: `62%`, `52.5%`, `52,5 %`.
    public func percent(_ value: Double) -> String {
        (value / 100).formatted(
            .percent.precision(.fractionLength(0...1)).rounded(rule: .toNearestOrAwayFromZero).locale(locale))
    }
}
