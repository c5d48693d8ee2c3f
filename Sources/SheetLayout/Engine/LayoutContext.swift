import Foundation
import SheetCore

/// Everything a component needs to lay itself out: the profile, the design, the measurer and
/// the current text scale. Components only read it.
public struct LayoutContext: Sendable {
    public var profile: Profile
    public var taxonomy: Taxonomy
    public var template: Template
    public var measurer: any TextMeasurer
    /// Text shrink factor for the page being laid out, 1 at full size.
    public var scale: Double
    public var paper: PaperSize
    public var pageSize: Size
    public var pageNumber: Int
    public var pageCount: Int
    /// "2026-11-20", printed in the footer.
    public var generatedOn: String
    /// Numbers as the sheet's language writes them (English unless the engine says otherwise).
    public var numbers: NumberText

    /// The template's words in the sheet's language.
    public var strings: SheetStrings
    /// The sheet's language (BCP 47): the run's `--language`, else the profile's.
    public var language: String

    /// Whether the sheet's language writes right to left (ar, fa, he, ur, …, as CLDR says
    /// through Foundation): then every text runs right to left and the page is mirrored.
    public var rightToLeft: Bool { Self.writesRightToLeft(language) }

    /// Whether `language` (BCP 47) writes right to left, from CLDR's character order.
    public static func writesRightToLeft(_ language: String) -> Bool {
        Locale.Language(identifier: language).characterDirection == .rightToLeft
    }

    /// Whether `language` (BCP 47) writes in a script with letter case, and with it the italics
    /// and tracked capitals the templates' styles use: not Arabic, Persian, Urdu, Hebrew,
    /// Chinese, Japanese, Korean, Amharic, Tigrinya, Thai, Hindi and the like, whose scripts
    /// have no italic (Noto's faces for them have none; Pango would slant the upright one) and
    /// whose letters tracking pulls apart (Arabic's joins). Their text is set upright and
    /// untracked, emphasis in bold.
    public static func hasLetterCase(_ language: String) -> Bool {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return !["ar", "fa", "ur", "ps", "ckb", "sd", "ug", "he", "yi", "ja", "zh", "yue", "ko", "am", "ti", "th", "hi", "mr", "ne", "bn"]
            .contains(primary)
    }

    /// A breakdown category's label: the sheet language's, else the template's own.
    public func label(forCategory slug: String, field: String) -> String {
        strings.label(slug) ?? template.label(forCategory: slug, field: field)
    }

    /// The locale the sheet's own words, numbers and dates are written in.
    public var locale: Locale { numbers.locale }

    /// The reporting period as the sheet's language writes it.
    public var periodLabel: String { profile.period.label(locale: locale) }

    /// `items` as a list in the language of the template's strings, through Foundation's ICU
    /// list patterns (narrow: "A, B, C" in English, "A、B、C" in Japanese, "A وB وC" in Arabic,
    /// "A, B und C" in German).
    public func listed(_ items: [String]) -> String {
        items.formatted(.list(type: .and, width: .narrow).locale(Locale(identifier: strings.language)))
    }

    /// A template style at the current scale.
    public func style(_ name: String) -> TextStyle {
        template.style(name).scaled(scale)
    }

    /// A template colour by name.
    public func color(_ name: String) -> Color { template.color(name) }

    /// A spacing value at the current scale.
    public func space(_ points: Double) -> Double { points * scale }

    public var sectionGap: Double { space(template.spacing.section) }
    public var headingGap: Double { space(template.spacing.heading) }
    public var itemGap: Double { space(template.spacing.item) }

    /// The width of the content area between the margins.
    public var contentWidth: Double { pageSize.width - template.margins.left - template.margins.right }

    /// Measures plain or rich text in a named style, in the profile's language unless told
    /// otherwise, and returns it positioned at `origin`. Its lines break as `LineBreakRules` says
    /// for text of `kind` (a title is also balanced: `balancedTitle`).
    public func text(
        _ paragraphs: [[RichSpan]], style name: String, width: Double?, at origin: Point = .zero,
        alignment: TextBlock.Alignment = .start, field: String? = nil, profileLanguage: Bool = true,
        override: TextStyle? = nil, paragraphSpacing: Double? = nil, kind: LineBreakRules.Kind = .text
    ) -> PositionedText {
        var style = override ?? self.style(name)
        let language = profileLanguage ? profile.language : strings.language
        var shown = paragraphs
        if !Self.hasLetterCase(language) {
            // A slanted Arabic or Japanese text is an italic synthesised by the renderer, and
            // tracking pulls Arabic's joined letters apart: upright, untracked, in the letters
            // as written (Latin names in them too), emphasis in bold.
            style.italic = false
            style.letterSpacing = 0
            style.uppercase = false
            shown = shown.map { $0.map { span in
                var copy = span
                if copy.emphasis { (copy.emphasis, copy.strong) = (false, true) }
                return copy
            } }
        }
        if style.uppercase {
            shown = shown.map { $0.map { span in var copy = span; copy.text = copy.text.uppercased(); return copy } }
        }
        // On a right-to-left sheet, text in a language written left to right (the template's
        // words where they are not translated, an English profile built with `--language ar`)
        // runs left to right, so that its full stops and brackets end where they belong (set
        // right to left, "… how events are run." printed ".… how events are run"), and sits
        // at the right, where the mirrored page's text starts.
        let runsRightToLeft = rightToLeft && Self.writesRightToLeft(language)
        var block = TextBlock(
            paragraphs: shown, style: style, width: width,
            alignment: rightToLeft && !runsRightToLeft ? alignment.mirrored : alignment, language: language,
            paragraphSpacing: paragraphSpacing ?? space(template.spacing.item + 2), linkColor: color("link"),
            direction: runsRightToLeft ? .rightToLeft : .automatic)
        let breaks = shown.map { LineBreakRules.breaks($0.map(\.text).joined(), language: language, kind: kind) }
        if breaks.contains(where: { $0 != nil }) { block.breaks = breaks }
        var metrics = measurer.measure(block)
        if !block.breaks.isEmpty, let width, metrics.lines.contains(where: { $0.width > width + 0.01 }) {
            // The rules left a line no place to break (a Korean word wider than the column):
            // the measurer's own breaks, which can break between any two characters.
            block.breaks = []
            metrics = measurer.measure(block)
        }
        let text = PositionedText(origin: origin, block: block, metrics: metrics, field: field)
        return kind == .title ? balancedTitle(text) : text
    }

    /// Plain text: one paragraph, or one per line break.
    public func text(
        _ string: String, style name: String, width: Double?, at origin: Point = .zero,
        alignment: TextBlock.Alignment = .start, field: String? = nil, profileLanguage: Bool = true,
        link: String? = nil, override: TextStyle? = nil, kind: LineBreakRules.Kind = .text
    ) -> PositionedText {
        text([[RichSpan(string, link: link)]], style: name, width: width, at: origin, alignment: alignment,
             field: field, profileLanguage: profileLanguage, override: override, kind: kind)
    }

    public func rich(_ text: RichText, style name: String, width: Double?, at origin: Point = .zero, field: String?) -> PositionedText {
        self.text(text.paragraphs, style: name, width: width, at: origin, field: field)
    }
}
