import CICU

/// ICU's break iterators (Debian's libicu, through `CICU`): where Unicode's line-breaking
/// algorithm (UAX #14) lets a line break, and where words begin and end (from ICU's
/// dictionaries for Chinese and Japanese, which write no spaces). ICU rather than rules of our
/// own: it has CLDR's tailorings per language and the word dictionaries, and Foundation on Linux
/// offers neither (`enumerateSubstrings(.byWords)` is not dictionary-based there).
///
/// Offsets are in Unicode scalars from the text's start, the unit Pango's logical attributes
/// count in; the text's start is never one, its end always is.
enum TextBoundaries {
    /// The line-break opportunities of `text` in `language` (BCP 47): a line may start at each
    /// offset. ICU's strict rules, as Japanese typesetting wants (JIS X 4051): no line starts
    /// with a closing bracket, 。、, a small kana or ー; Pango 1.50 breaks the same way.
    static func lineBreaks(_ text: String, language: String) -> [Int] {
        boundaries(kind: 0, locale: icuLocale(language) + "@lb=strict", text).map(\.offset)
    }

    /// The word boundaries of `text` in `language`, each with whether the segment before it is a
    /// word (letters, ideographs, kana) rather than spaces or punctuation.
    static func wordBoundaries(_ text: String, language: String) -> [(offset: Int, afterWord: Bool)] {
        boundaries(kind: 1, locale: icuLocale(language), text)
    }

    /// ICU's locale id for a BCP 47 tag: ICU reads `pt_BR`, and the tag is cut at anything ICU's
    /// keyword syntax would read.
    private static func icuLocale(_ language: String) -> String {
        String(language.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }.prefix(32))
            .replacingOccurrences(of: "-", with: "_")
    }

    private static func boundaries(kind: Int32, locale: String, _ text: String) -> [(offset: Int, afterWord: Bool)] {
        var utf8 = Array(text.utf8)
        guard !utf8.isEmpty, utf8.count < Int(Int32.max) else { return [] }
        let capacity = utf8.count + 1
        var bytes = [Int32](repeating: 0, count: capacity)
        var words = [Int32](repeating: 0, count: capacity)
        let count = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                profilesheet_break_boundaries(kind, locale, chars.baseAddress, Int32(chars.count), &bytes, &words, Int32(capacity))
            }
        }
        guard count > 0 else { return [] }
        // Byte offsets to scalar offsets: the boundaries come in increasing order.
        var result: [(offset: Int, afterWord: Bool)] = []
        result.reserveCapacity(Int(count))
        var scalars = 0
        var byte = 0
        for index in 0..<Int(count) {
            let target = Int(bytes[index])
            while byte < target && byte < utf8.count {
                if utf8[byte] & 0xC0 != 0x80 { scalars += 1 }
                byte += 1
            }
            result.append((scalars, words[index] != 0))
        }
        return result
    }
}
