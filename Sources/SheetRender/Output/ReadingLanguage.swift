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
enum ReadingLanguage {
    enum Script: Hashable {
        case latin, arabic, hebrew, ethiopic, han, kana, hangul, cyrillic, greek, devanagari, thai, other
    }

    static func language(of text: String, tagged: String, document: String) -> String {
        var counts: [Script: Int] = [:]
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            counts[script(of: scalar), default: 0] += 1
        }
        guard !counts.isEmpty else { return tagged }
        func letters(_ language: String) -> Int { scripts(of: language).reduce(0) { $0 + (counts[$1] ?? 0) } }
        // The candidates in order of preference; the one most letters are written for wins.
        var best = (language: tagged, letters: letters(tagged))
        for candidate in [document, "en"] where letters(candidate) > best.letters {
            best = (candidate, letters(candidate))
        }
        return best.letters > 0 ? best.language : tagged
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
    static func scripts(of language: String) -> Set<Script> {
        switch language.split(separator: "-").first?.lowercased() ?? "" {
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
}
