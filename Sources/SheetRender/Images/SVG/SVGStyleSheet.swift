import Foundation
import SheetCore

/// CSS of a `style` attribute or a `<style>` element, parsed into declarations and rules and
/// written back with only what a logo may have.
///
/// The whole text is decoded (`SVGStyleValue.decodingEscapes`) before it is split, so an
/// escaped `@import`, brace, property name or `url(` is seen for what it is, and what is written
/// back is the decoded, checked text. At-rules are all left out: `@import` and `@font-face`
/// (`src:`) load files, and `@media`/`@supports` blocks would need the same checks for no gain.
struct SVGStyleSheet {
    /// A declaration kept: property (lowercased) and cleaned value.
    struct Declaration: Equatable {
        var property: String
        var value: String
    }

    /// What was left out, for the diagnostic.
    private(set) var leftOut: [String] = []

    /// The declarations of a `style` attribute that a logo may have.
    mutating func declarations(_ text: String) -> [Declaration] {
        let css = SVGStyleValue.decodingEscapes(text)
        guard SVGStyleValue.punctuationStandsAlone(css) else {
            note(SVGStyleValue.shown(css.trimmingWhitespace()))
            return []
        }
        return declarationList(Self.withoutComments(css))
    }

    /// A `<style>` sheet as CSS text with only the rules and declarations a logo may have, one
    /// rule a line; empty when nothing is left.
    mutating func sheet(_ text: String) -> String {
        let decoded = SVGStyleValue.decodingEscapes(text)
        guard SVGStyleValue.punctuationStandsAlone(decoded) else {
            note(SVGStyleValue.shown(decoded.trimmingWhitespace()))
            return ""
        }
        let css = Self.withoutComments(decoded)
            .replacingOccurrences(of: "<!--", with: " ").replacingOccurrences(of: "-->", with: " ")
        var rules: [String] = []
        var rest = Substring(css)
        while let start = rest.firstIndex(where: { !$0.isWhitespace }) {
            rest = rest[start...]
            if rest.first == "@" {
                let name = rest.dropFirst().prefix { $0.isLetter || $0 == "-" }
                note("@\(name)")
                // To the end of its statement or block.
                guard let end = rest.firstIndex(where: { $0 == ";" || $0 == "{" }) else { break }
                if rest[end] == ";" { rest = rest[rest.index(after: end)...]; continue }
                rest = Self.afterBlock(rest[end...])
                continue
            }
            guard let open = rest.firstIndex(of: "{") else {
                note(SVGStyleValue.shown(String(rest).trimmingWhitespace()))
                break
            }
            let selector = rest[..<open].trimmingWhitespace()
            let bodyEnd = rest[open...].firstIndex(of: "}") ?? rest.endIndex
            let body = rest[rest.index(after: open)..<bodyEnd]
            if body.contains("{") {
                // A nested block: not CSS a logo needs; skip it whole.
                note(SVGStyleValue.shown(selector + " { … }"))
                rest = Self.afterBlock(rest[open...])
                continue
            }
            rest = bodyEnd < rest.endIndex ? rest[rest.index(after: bodyEnd)...] : rest[rest.endIndex...]
            guard Self.isSimpleSelector(selector) else {
                note(SVGStyleValue.shown("selector '\(selector)'"))
                continue
            }
            let kept = declarationList(String(body))
            if !kept.isEmpty {
                rules.append(selector + " { " + kept.map { "\($0.property): \($0.value);" }.joined(separator: " ") + " }")
            }
        }
        return rules.joined(separator: "\n")
    }

    /// `text` split at `;` outside strings and parentheses, each part a `property: value`
    /// checked against the allow-list.
    private mutating func declarationList(_ text: String) -> [Declaration] {
        var kept: [Declaration] = []
        for part in Self.splitDeclarations(text) {
            guard let colon = part.firstIndex(of: ":") else { continue }
            let property = part[..<colon].trimmingWhitespace().lowercased()
            let value = String(part[part.index(after: colon)...])
            guard SVGAllowList.properties.contains(property) else {
                if SVGAllowList.reportedWhenLeftOut.contains(property) || value.lowercased().contains("url(") {
                    note(SVGStyleValue.shown("\(property): \(value.trimmingWhitespace())"))
                }
                continue
            }
            switch SVGStyleValue.cleaned(value, property: property) {
            case .success(let cleaned): kept.append(Declaration(property: property, value: cleaned))
            case .failure(.reference(let shown)), .failure(.content(let shown)): note(shown)
            }
        }
        return kept
    }

    private mutating func note(_ item: String) {
        if !leftOut.contains(item) { leftOut.append(item) }
    }

    /// Type, class, id and universal selectors with combinators and pseudo-classes: what
    /// editors write; nothing that can hold a string (attribute selectors) or an escape.
    static func isSimpleSelector(_ selector: String) -> Bool {
        !selector.isEmpty && selector.count <= 200
            && selector.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.#*,>+~: \t\n\r()".contains($0)) }
    }

    static func splitDeclarations(_ text: String) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var quote: Character?
        var start = text.startIndex
        for index in text.indices {
            let character = text[index]
            if let open = quote { if character == open { quote = nil }; continue }
            switch character {
            case "\"", "'": quote = character
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case ";" where depth == 0:
                parts.append(text[start..<index])
                start = text.index(after: index)
            default: break
            }
        }
        parts.append(text[start...])
        return parts.filter { !$0.trimmingWhitespace().isEmpty }
    }

    /// The text after the block that opens at `text.first` (`{`), nested blocks included.
    static func afterBlock(_ text: Substring) -> Substring {
        var depth = 0
        for index in text.indices {
            if text[index] == "{" { depth += 1 }
            if text[index] == "}" {
                depth -= 1
                if depth == 0 { return text[text.index(after: index)...] }
            }
        }
        return text[text.endIndex...]
    }

    static func withoutComments(_ text: String) -> String {
        guard text.contains("/*") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "/*") {
            result += rest[..<open.lowerBound]
            // An unclosed comment runs to the end (CSS Syntax).
            guard let close = rest[open.upperBound...].range(of: "*/") else { return result }
            result += " "
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
