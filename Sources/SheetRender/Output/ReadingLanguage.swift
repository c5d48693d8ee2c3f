import SheetLayout

/// The language a screen reader is told to read a block of text in (its element's `/Lang`).
///
/// A block carries the language layout measured it in, and that is the text's language when
/// the text is written in that language's script. Two kinds of text are not: the template's
/// labels in English that show words from the profile (a team's name in Arabic, measured as
/// English), and names in Latin letters in a sheet in another script ("Jitsi Meet" in an
/// Arabic sheet, "connpass" in a Japanese one), which an Arabic or Japanese voice would spell
/// out. So the letters decide: in the block's script, the block's language; else in the
/// document's script, the document's language; else, in Latin letters, English (the names
/// are the software's and services' own, mostly English); else the block's language. Where
/// scripts mix, the language most of the letters are written in wins.
///
/// The tagger asks this of every text it tags, most of them twice (once to see whether an
/// element's texts mix languages, once to tag the text), so it counts letters without making
/// strings or collections: ASCII is told apart without Unicode's property tables, the counts
/// are a fixed array, and the spans of a block are read where they are (no `plainText`). That
/// took it from 9.0 M instructions a sheet of the bench's profiles to 1.1 M, and the tagger's
/// `enter` from 6.5 to 2.9 M (callgrind, docs/performance.md).
enum ReadingLanguage {
    enum Script: Int, CaseIterable {
        case latin, arabic, hebrew, ethiopic, han, kana, hangul, cyrillic, greek, devanagari, thai, other
    }

    /// The language `block` is read in, in a document in `document`.
    static func language(of block: TextBlock, document: String) -> String {
        var counts = LetterCounts()
        for paragraph in block.paragraphs {
            for span in paragraph { counts.add(span.text) }
        }
        return counts.language(tagged: block.language, document: document)
    }

    static func script(of scalar: Unicode.Scalar) -> Script {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0xFB00...0xFB06: .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: .greek
        case 0x400...0x52F: .cyrillic
        case 0x590...0x5FF, 0xFB1D...0xFB4F: .hebrew
        case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: .arabic
        case 0x900...0x97F: .devanagari
        case 0xE00...0xE7F: .thai
        case 0x1100...0x11FF, 0xAC00...0xD7AF, 0x3130...0x318F: .hangul
        case 0x1200...0x139F, 0x2D80...0x2DDF, 0xAB00...0xAB2F: .ethiopic
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: .han
        default: .other
        }
    }

    /// The scripts a language is written in, by its primary subtag; Latin for those not listed.
    static func scripts(of language: String) -> [Script] {
        switch language.drop(while: { $0 == "-" }).prefix(while: { $0 != "-" }).lowercased() {
        case "ar", "fa", "ur", "ps", "ckb", "sd", "ug": [.arabic]
        case "he", "yi": [.hebrew]
        case "am", "ti", "gez": [.ethiopic]
        case "ja": [.han, .kana]
        case "zh", "yue": [.han]
        case "ko": [.hangul, .han]
        case "ru", "uk", "bg", "mk", "be", "kk", "sr", "ky", "mn", "tg": [.cyrillic]
        case "el": [.greek]
        case "hi", "mr", "ne", "sa": [.devanagari]
        case "th": [.thai]
        default: [.latin]
        }
    }

    /// How many letters (Unicode's Alphabetic property) a text has in each script.
    private struct LetterCounts {
        private var counts = InlineArray<12, Int>(repeating: 0)
        private var total = 0

        mutating func add(_ text: String) {
            for scalar in text.unicodeScalars {
                let value = scalar.value
                if value < 0x80 {
                    // In ASCII the letters are exactly A-Z and a-z.
                    if (value | 0x20) &- 0x61 < 26 {
                        counts[Script.latin.rawValue] += 1
                        total += 1
                    }
                    continue
                }
                guard scalar.properties.isAlphabetic else { continue }
                counts[ReadingLanguage.script(of: scalar).rawValue] += 1
                total += 1
            }
        }

        /// The letters written in the scripts of `language`.
        private func letters(_ language: String) -> Int {
            ReadingLanguage.scripts(of: language).reduce(0) { $0 + counts[$1.rawValue] }
        }

        func language(tagged: String, document: String) -> String {
            guard total > 0 else { return tagged }
            // The candidates in order of preference; the one most letters are written for wins.
            var best = (language: tagged, letters: letters(tagged))
            for candidate in [document, "en"] {
                let count = letters(candidate)
                if count > best.letters { best = (candidate, count) }
            }
            return best.letters > 0 ? best.language : tagged
        }
    }
}
