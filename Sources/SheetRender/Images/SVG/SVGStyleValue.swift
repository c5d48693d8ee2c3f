import Foundation
import SheetCore

/// The checks one property or attribute value passes before it is written into a cleaned SVG,
/// and the clamping of its numbers.
///
/// Every value is read the way librsvg reads it — as CSS, escapes and all (librsvg parses
/// presentation attributes with the same CSS parser as style sheets) — so CSS escapes are
/// decoded *before* anything is checked: `\75 rl(x.csv)` is `url(x.csv)`, and is refused. The
/// decoded text is what gets written, so librsvg sees exactly what was checked.
enum SVGStyleValue {
    /// The largest magnitude of a coordinate, length or other number: cairo 1.16 keeps
    /// coordinates in 24.8 fixed point (±8 388 608 device units) and wrote a PDF qpdf rejects for
    /// `stroke-width="1e38"`; no logo needs more than this many user units.
    static let maximumNumber = 100_000.0
    /// The largest font size, in user units: librsvg 2.54 panics on `font-size="1e30"` (Pango
    /// sizes are 32-bit integers of 1/1024 point), and cairo's shared FreeType faces make sizes
    /// beyond 1 000 points unsafe (`PangoTextMeasurer` clamps at the same size).
    static let maximumFontSize = 1_000.0
    /// The most families a `font-family` (or `font`) value may name: fontconfig matches each
    /// against every installed font, and 20 000 of them in a logo ran past the 10 s processor
    /// limit (1 000: 0.09 s); a logo names two or three.
    static let maximumFontFamilies = 16

    /// Why a value was refused: what the diagnostic lists.
    enum Refusal: Error, Equatable {
        /// A `url()` to anything but an element of the same file.
        case reference(String)
        /// A function or character a value may not hold (decoded text).
        case content(String)
    }

    /// A size relative to the parent's (`%`, `em`, `larger`…) after a number or as a keyword.
    nonisolated(unsafe) private static let relativeSize = #/([0-9.]\s*(%|em|ex|ch|rem|vw|vh|vmin|vmax))|larger|smaller/#.ignoresCase()

    /// `value` of `property` decoded, checked and with its numbers clamped; a refusal when it
    /// refers outside the file or holds what no value of it may.
    static func cleaned(_ raw: String, property: String) -> Result<String, Refusal> {
        var value = decodingEscapes(raw).trimmingWhitespace()
        var important = false
        if let bang = value.range(of: "!important", options: [.caseInsensitive, .backwards]), bang.upperBound == value.endIndex {
            important = true
            value = String(value[..<bang.lowerBound]).trimmingWhitespace()
        }
        // No value of a property a logo keeps needs these; `\` after decoding would be an escape
        // librsvg decodes again, the others end or open CSS and XML structures.
        if value.unicodeScalars.contains(where: { "\\<>{};@".unicodeScalars.contains($0) || ($0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0)) || $0.value == 0x7F }) {
            return .failure(.content(shown("\(property): \(value)")))
        }
        // A quote left open, or a bracket never closed or closed without opening, would make the
        // style sheet this value is written into read differently the next time: the rest of
        // the rule swallowed into a string or an argument (found by make fuzz).
        if !isBalanced(value) { return .failure(.content(shown("\(property): \(value)"))) }
        // As it is written, `property: value;`: a prepended mark at its end would join the `;`.
        if !punctuationStandsAlone(" " + value + ";") { return .failure(.content(shown("\(property): \(value)"))) }
        if property == "font-family" || property == "font", value.split(separator: ",").count > maximumFontFamilies {
            return .failure(.content(shown("\(property): \(value)")))
        }
        switch functionsChecked(value, property: property) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let checked): value = checked
        }
        if property == "font-size" || property == "font" {
            // Relative sizes multiply down nested `tspan`s (200% in 64 levels is 2⁶⁴).
            if value.contains(relativeSize) { return .failure(.content(shown("\(property): \(value)"))) }
            value = clampingNumbers(value, limit: maximumFontSize, insideWords: false)
        } else if property != "font-family" {
            value = clampingNumbers(value, limit: maximumNumber, insideWords: SVGAllowList.pathData.contains(property))
        }
        return .success(important ? value + " !important" : value)
    }

    /// `text` with CSS escapes decoded (CSS Syntax §4.3.7): `\` and 1–6 hex digits (and one
    /// white space after them) is that code point, U+FFFD for 0, a surrogate or beyond U+10FFFF;
    /// `\` and a newline is nothing; `\` and any other character is that character.
    static func decodingEscapes(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "\\" else { result.append(scalar); index += 1; continue }
            index += 1
            guard index < scalars.count else { break }
            var hex = ""
            while hex.count < 6, index < scalars.count, scalars[index].properties.isASCIIHexDigit {
                hex.unicodeScalars.append(scalars[index]); index += 1
            }
            if !hex.isEmpty {
                let code = UInt32(hex, radix: 16) ?? 0
                let decoded = code == 0 ? nil : Unicode.Scalar(code)
                result.append(decoded ?? "\u{FFFD}")
                if index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\n" { index += 1 }
                else if index + 1 < scalars.count, scalars[index] == "\r", scalars[index + 1] == "\n" { index += 2 }
                else if index < scalars.count, scalars[index] == "\r" { index += 1 }
            } else if scalars[index] == "\n" || scalars[index] == "\r" || scalars[index] == "\u{0C}" {
                index += 1
            } else {
                result.append(scalars[index]); index += 1
            }
        }
        return String(result)
    }

    /// Every `name(` in `value` is a function the property may call; `url(…)` must name an
    /// element of this file, and is written back as `url(#id)` without quotes.
    private static func functionsChecked(_ value: String, property: String) -> Result<String, Refusal> {
        guard value.contains("(") else { return .success(value) }
        let allowed = SVGAllowList.transforms.contains(property) ? SVGAllowList.transformFunctions : SVGAllowList.colourFunctions
        var result = ""
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "(") {
            let before = rest[..<open]
            let name = String(before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }.reversed()).lowercased()
            let close = rest[open...].firstIndex(of: ")") ?? rest.endIndex
            let argument = rest[rest.index(after: open)..<close]
            if name == "url" {
                var target = argument.trimmingWhitespace()
                if target.count >= 2, let first = target.first, first == "\"" || first == "'", target.last == first {
                    target = String(target.dropFirst().dropLast())
                }
                guard isFragment(target) else { return .failure(.reference(shown("url(\(target))"))) }
                result += before + "(" + target + ")"
            } else {
                guard allowed.contains(name), !argument.contains("(") else {
                    return .failure(.content(shown("\(property): \(value)")))
                }
                result += before + "(" + argument + (close < rest.endIndex ? ")" : "")
            }
            rest = close < rest.endIndex ? rest[rest.index(after: close)...] : rest[rest.endIndex...]
        }
        return .success(result + rest)
    }

    /// Whether every quote in `value` is closed on its line and every parenthesis outside
    /// quotes is matched. (A value holds no backslash by then, so no quote is escaped.)
    static func isBalanced(_ value: String) -> Bool {
        var quote: Character?
        var depth = 0
        for character in value {
            if let open = quote {
                if character == open { quote = nil } else if character.isNewline { return false }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth < 0 { return false }
            default: break
            }
        }
        return quote == nil && depth == 0
    }

    /// Whether every character of CSS punctuation in `css` is a `Character` of its own. The
    /// cleaner splits CSS by Swift's characters (grapheme clusters), librsvg's parser by code
    /// points: a combining mark after `;` or `(`, or a prepended mark (U+0600–U+0605) before
    /// one, makes one cluster of the two, which the cleaner would not see as a `;` or a `(` and
    /// librsvg would. CSS or a value with one is left out whole. Found by make fuzz.
    static func punctuationStandsAlone(_ css: String) -> Bool {
        !css.contains { character in
            character.unicodeScalars.count > 1
                && character.unicodeScalars.contains { $0.isASCII && !$0.properties.isAlphabetic && !("0"..."9").contains($0) }
        }
    }

    /// A reference to an element of the same file: `#` and an XML name of the safe characters.
    static func isFragment(_ reference: String) -> Bool {
        guard reference.hasPrefix("#"), reference.count > 1, reference.count <= 200 else { return false }
        return reference.dropFirst().allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.:".contains($0)) }
    }

    /// `text` with every number of magnitude above `limit` (or written too large to be finite)
    /// replaced by ±`limit`. Outside path data, digits inside a word (`#1e5000`, `x2`) are not
    /// numbers.
    static func clampingNumbers(_ text: String, limit: Double, insideWords: Bool) -> String {
        let bytes = Array(text.utf8)
        func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        func isWord(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte == 0x23 || byte >= 0x80
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var changed = false
        while index < bytes.count {
            let byte = bytes[index]
            let signed = (byte == 0x2B || byte == 0x2D) ? 1 : 0
            let startsNumber = isDigit(index + signed) || (bytes.indices.contains(index + signed) && bytes[index + signed] == 0x2E && isDigit(index + signed + 1))
            let inWord = !insideWords && index > 0 && isWord(bytes[index - 1])
            guard startsNumber, !inWord else { output.append(byte); index += 1; continue }
            var end = index + signed
            while isDigit(end) { end += 1 }
            if end < bytes.count, bytes[end] == 0x2E, isDigit(end + 1) { end += 1; while isDigit(end) { end += 1 } }
            if end < bytes.count, bytes[end] | 0x20 == 0x65 {
                let sign = end + 1 < bytes.count && (bytes[end + 1] == 0x2B || bytes[end + 1] == 0x2D) ? 1 : 0
                if isDigit(end + 1 + sign) { end += 1 + sign; while isDigit(end) { end += 1 } }
            }
            let token = bytes[index..<end]
            if let number = Double(String(decoding: token, as: UTF8.self)), number.isFinite, abs(number) <= limit {
                output.append(contentsOf: token)
            } else {
                // The sign as written: `1e9+1e9` is two numbers, and without its `+` the second
                // limit would join the first (`100000100000`). Found by make fuzz.
                let sign = token.first == 0x2D ? "-" : token.first == 0x2B ? "+" : ""
                output.append(contentsOf: Array((sign + String(Int(limit))).utf8))
                // In path data `1e9.5` is two numbers, 1e9 and .5, and `1e99E99` a number and
                // an `E` and a number: the limit written in place of the first must not join
                // what follows (`100000.5`, `100000E99`). Found by make fuzz.
                if end < bytes.count, bytes[end] == 0x2E || bytes[end] | 0x20 == 0x65 { output.append(0x20) }
                changed = true
            }
            index = end
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    /// A value for a message: at most 60 characters, on one line.
    static func shown(_ text: String) -> String {
        let line = text.map { $0.isNewline ? " " : String($0) }.joined()
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }
}
