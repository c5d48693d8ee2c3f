/// Finds the words of a paragraph a dictionary may hyphenate.
///
/// The text is split at white space into tokens. A token that looks like an address, a number
/// or something typed rather than written — it has a digit, `@`, `/`, `\`, `_`, `=`, `?`, `#`,
/// `%`, `&`, `~`, `+`, a dot followed by a letter (`example.org`), or already a soft hyphen the
/// author placed — is left whole. In the other tokens, each run of letters (with their
/// combining marks) is a word; words shorter than the minimum, all-capital acronyms and words
/// with a capital after a lower-case letter (names such as "GitHub") are left whole too. So is
/// the paragraph's last token: a hyphen there would leave a stub of a word alone on the last
/// line ("communit-" / "ies"), which typesetters avoid.
enum HyphenationCandidates {
    /// A word: its scalars with their byte offsets in the paragraph, and its lower-case UTF-8
    /// form, which has exactly one scalar for each of the word's.
    struct Word {
        var scalars: [(scalar: Unicode.Scalar, offset: Int)]
        var lowercased: [UInt8]
    }

    static func words(in utf8: [UInt8], minimumLength: Int) -> [Word] {
        var words: [Word] = []
        var token: [(scalar: Unicode.Scalar, offset: Int)] = []
        // Where the words of the last token seen begin in `words`.
        var lastTokenStart = 0
        func finishToken() {
            defer { token.removeAll(keepingCapacity: true) }
            guard !token.isEmpty else { return }
            lastTokenStart = words.count
            guard token.count >= minimumLength, !isVerbatim(token) else { return }
            var run: [(scalar: Unicode.Scalar, offset: Int)] = []
            for item in token {
                if isLetter(item.scalar) || (!run.isEmpty && isMark(item.scalar)) {
                    run.append(item)
                    continue
                }
                if run.count >= minimumLength, let word = word(run) { words.append(word) }
                run.removeAll(keepingCapacity: true)
            }
            if run.count >= minimumLength, let word = word(run) { words.append(word) }
        }
        var offset = 0
        for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
            if isWhitespace(scalar) {
                finishToken()
            } else {
                token.append((scalar, offset))
            }
            offset += UTF8.width(scalar)
        }
        finishToken()
        return Array(words[..<lastTokenStart])
    }

    /// Characters that mark a token as typed rather than written.
    private static let typed: Set<Unicode.Scalar> = ["@", "/", "\\", "_", "=", "?", "#", "%", "&", "~", "+", "\u{AD}"]

    /// Whether a token is an address, number, code or the like, to be left as typed.
    static func isVerbatim(_ token: [(scalar: Unicode.Scalar, offset: Int)]) -> Bool {
        for (index, item) in token.enumerated() {
            let scalar = item.scalar
            if scalar.isASCII {
                if ("0"..."9").contains(scalar) { return true }
                if typed.contains(scalar) { return true }
            } else if typed.contains(scalar) || scalar.properties.numericType != nil {
                return true
            }
            if scalar == ".", index + 1 < token.count, isLetter(token[index + 1].scalar) { return true }
        }
        return false
    }

    /// Unicode's White_Space, answered without a property lookup for ASCII (most text).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    /// The word for a run of letters, or nil when it is an acronym or a mixed-case name, or has
    /// a letter whose lower case is not a single scalar.
    private static func word(_ run: [(scalar: Unicode.Scalar, offset: Int)]) -> Word? {
        var lowercased: [UInt8] = []
        var hasLower = false
        var hasUpper = false
        var previousLower = false
        lowercased.reserveCapacity(run.count)
        for (index, item) in run.enumerated() {
            if item.scalar.isASCII {
                // A letter, since runs hold letters and marks and ASCII has no marks.
                let value = UInt8(item.scalar.value)
                if (0x41...0x5A).contains(value) {
                    if previousLower || (index > 0 && !hasUpper) { return nil }
                    hasUpper = true
                    previousLower = false
                    lowercased.append(value + 0x20)
                } else {
                    hasLower = true
                    previousLower = true
                    lowercased.append(value)
                }
                continue
            }
            let properties = item.scalar.properties
            if properties.isUppercase || properties.generalCategory == .titlecaseLetter {
                // A capital after a lower-case letter: "GitHub", "iPhone", "McKinsey".
                if previousLower || (index > 0 && !hasUpper) { return nil }
                hasUpper = true
            }
            if properties.isLowercase {
                hasLower = true
                previousLower = true
            } else if isLetter(item.scalar) {
                previousLower = false
            }
            let lower = properties.lowercaseMapping.unicodeScalars
            guard lower.count == 1, let scalar = lower.first else { return nil }
            UTF8.encode(scalar) { lowercased.append($0) }
        }
        // All capitals ("UNESCO", "NASA"): an acronym. Caseless scripts have neither.
        if hasUpper && !hasLower { return nil }
        return Word(scalars: run, lowercased: lowercased)
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20  // folds A–Z onto a–z
            return (0x61...0x7A).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
