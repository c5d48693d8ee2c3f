/// Where lines may break in text that Unicode's line-breaking algorithm (UAX #14) alone breaks
/// badly, decided by the layout and handed to the measurer with the block (`TextBlock.breaks`),
/// so that Pango and the fixed-metric measurer break at the same places.
///
/// On top of UAX #14 with ICU's strict rules for Chinese and Japanese (no line starts with a
/// closing bracket, 。、, a small kana such as ッ or ュ, or ー: `TextBoundaries.lineBreaks`):
///
/// 1. **Korean breaks between words.** Korean is written with spaces between words and broken
///    at them (CSS's `word-break: keep-all`); UAX #14 would break between any two syllables
///    ("돕습니 / 다."). A break next to a Hangul letter is kept only after a space.
/// 2. **A title in Chinese or Japanese breaks between words**, as ICU's dictionary finds them
///    ("研究データ基盤 / ユーザーコミュニティ", never "…コミュニ / ティ"); body text breaks
///    between any two characters, as these languages do.
/// 3. **No lone character ends a Chinese or Japanese paragraph**: the last line holds two
///    characters at least ("…残していく一年になりま / した。", not "…なりまし / た。").
///
/// Text with no Chinese, Japanese or Korean character gets no breaks of its own (nil): the
/// measurer's rules are the same as these there, and the sheet pays nothing. When the rules
/// leave a line no place to break (a Korean word wider than its column), the layout measures
/// the block again without them (`LayoutContext.text`). Titles are also balanced
/// (`LayoutContext.balancedTitle`), so that no title ends with a lone character or short word
/// when its lines can be evened out.
public enum LineBreakRules {
    /// What a text is, for its breaks.
    public enum Kind: Sendable, Hashable {
        case text
        case title
    }

    /// The breaks of `text` (one paragraph) in `language`, or nil when the measurer's own rules
    /// are the layout's.
    public static func breaks(_ text: String, language: String, kind: Kind) -> ParagraphBreaks? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { Script.of($0) != .other }) else { return nil }
        let opportunities = TextBoundaries.lineBreaks(text, language: language).filter { $0 > 0 && $0 < scalars.count }
        var inWord = Set<Int>()
        if kind == .title, scalars.contains(where: { Script.of($0) == .hanOrKana }) {
            // A boundary inside a word is one the word iterator does not report.
            let words = Set(TextBoundaries.wordBoundaries(text, language: language).map(\.offset))
            inWord = Set(opportunities.filter { !words.contains($0) })
        }
        var allowed: [Int] = []
        var suppressed: [Int] = []
        for offset in opportunities {
            let before = scalars[offset - 1], after = scalars[offset]
            let koreanWord = !before.properties.isWhitespace && (Script.of(before) == .hangul || Script.of(after) == .hangul)
            let titleWord = inWord.contains(offset) && Script.of(before) == .hanOrKana && Script.of(after) == .hanOrKana
            if koreanWord || titleWord { suppressed.append(offset) } else { allowed.append(offset) }
        }
        // The last line no shorter than two letters (its punctuation aside).
        if kind == .text, let last = allowed.last {
            let after = scalars[last...].filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            if after.count < 2, after.allSatisfy({ Script.of($0) == .hanOrKana }) {
                allowed.removeLast()
                suppressed.append(last)
                suppressed.sort()
            }
        }
        return ParagraphBreaks(allowed: allowed, suppressed: suppressed)
    }

    /// The scripts the rules are about.
    enum Script {
        case hangul
        /// Han ideographs, hiragana and katakana (with ー and 々).
        case hanOrKana
        /// CJK punctuation and full-width forms, which UAX #14's strict rules place.
        case cjkPunctuation
        case other

        static func of(_ scalar: Unicode.Scalar) -> Script {
            switch scalar.value {
            case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7FF: .hangul
            case 0x3005...0x3007, 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
                 0xFF66...0xFF9F, 0x20000...0x3FFFF: .hanOrKana
            case 0x3000...0x303F, 0xFF00...0xFF65, 0xFFA0...0xFFEF: .cjkPunctuation
            default: .other
            }
        }
    }
}
