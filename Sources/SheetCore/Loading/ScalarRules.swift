/// The format's rules for single values, read from their text as the field's declared type and
/// never by YAML 1.1 guessing. Shared by the profile loader and the survey merge, so that a
/// value is judged the same wherever it comes from.
public enum ScalarRules {
    /// A text: trimmed, no control characters but newline, length in grapheme clusters.
    public static func text(_ raw: String, field: String, length: ClosedRange<Int>) -> Result<String, FieldProblem> {
        let value = raw.trimmingWhitespace()
        if let bad = value.unicodeScalars.first(where: { isForbiddenControl($0) }) {
            return .failure(FieldProblem(
                "'\(field)' contains the control character \(bad.codePoint)",
                hint: "only line breaks are allowed in text; remove it"))
        }
        return checkLength(value, count: value.count, field: field, length: length).map { value }
    }

    public static func checkLength(_ value: String, count: Int, field: String, length: ClosedRange<Int>) -> Result<Void, FieldProblem> {
        if count == 0 && length.lowerBound > 0 {
            return .failure(FieldProblem("'\(field)' is empty", hint: "give it a value or remove the key"))
        }
        if count < length.lowerBound {
            return .failure(FieldProblem(
                "'\(field)' is too short: \(characters(count))",
                hint: "it needs at least \(characters(length.lowerBound))"))
        }
        if count > length.upperBound {
            return .failure(FieldProblem(
                "'\(field)' is too long: \(characters(count))",
                hint: "the limit is \(characters(length.upperBound)); shorten it by \(count - length.upperBound)"))
        }
        return .success(())
    }

    /// A whole number in plain decimal digits: no sign but `-`, no leading zeros, no `_`, no
    /// hexadecimal, octal or sexagesimal forms.
    public static func integer(_ raw: String, field: String, range: ClosedRange<Int>) -> Result<Int, FieldProblem> {
        let text = raw.trimmingWhitespace()
        guard let value = parseDecimalInteger(text) else {
            return .failure(FieldProblem("'\(field)' must be a whole number, found '\(shown(text))'", hint: integerHint(text)))
        }
        return checkRange(value, display: String(value), field: field, range: range)
    }

    /// A decimal number with at most `places` decimals, `.` as the point.
    public static func decimal(
        _ raw: String, field: String, range: ClosedRange<Double>, places: Int
    ) -> Result<Double, FieldProblem> {
        let text = raw.trimmingWhitespace()
        guard let (value, decimals) = parseDecimal(text) else {
            return .failure(FieldProblem(
                "'\(field)' must be a number, found '\(shown(text))'",
                hint: decimalHint(text, places: places)))
        }
        if decimals > places {
            return .failure(FieldProblem(
                "'\(field)' has \(decimals) decimals, found '\(shown(text))'",
                hint: places == 0 ? "write a whole number" : places == 1 ? "at most 1 decimal is allowed" : "at most \(places) decimals are allowed"))
        }
        guard range.contains(value) else {
            return .failure(FieldProblem(
                "'\(field)' is out of range: \(text)",
                hint: "use a value from \(format(range.lowerBound)) to \(format(range.upperBound))"))
        }
        return .success(value)
    }

    /// A checked text that must be an `http`/`https` URL a link can be made of
    /// (`URLCheck.webLink`); the value stays as written, for showing it.
    public static func webURL(_ value: String, field: String) -> Result<String, FieldProblem> {
        switch URLCheck.webLink(value) {
        case .success: .success(value)
        case .failure(let problem): .failure(problem.fieldProblem(field, shown: shown(value), hasScheme: URLCheck.hasScheme(value)))
        }
    }

    /// `1 character`, `24 characters`.
    static func characters(_ count: Int) -> String {
        count == 1 ? "1 character" : "\(count) characters"
    }

    public static func checkRange(_ value: Int, display: String, field: String, range: ClosedRange<Int>) -> Result<Int, FieldProblem> {
        guard range.contains(value) else {
            return .failure(FieldProblem(
                "'\(field)' is out of range: \(display)",
                hint: "use a value from \(range.lowerBound) to \(range.upperBound)"))
        }
        return .success(value)
    }

    /// `[a-z0-9]+(-[a-z0-9]+)*`.
    public static func isSlug(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A suggestion for a text that is not a slug: lowercased, other characters as hyphens.
    public static func slugified(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// BCP 47 language tags, by their syntax: language, optional script, region and variants.
    public static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(\.isASCIILetter) else {
            return false
        }
        var index = 1
        if index < parts.count, parts[index].count == 4, parts[index].allSatisfy(\.isASCIILetter) { index += 1 }
        if index < parts.count,
           (parts[index].count == 2 && parts[index].allSatisfy(\.isASCIILetter))
            || (parts[index].count == 3 && parts[index].allSatisfy(\.isASCIIDigit)) {
            index += 1
        }
        while index < parts.count {
            let part = parts[index]
            let isVariant = (5...8).contains(part.count) && part.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit }
                || (part.count == 4 && part.first?.isASCIIDigit == true && part.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit })
            guard isVariant else { return false }
            index += 1
        }
        return true
    }

    /// A value as a message quotes it: cut at `limit` characters, and line breaks, tabs, other
    /// control characters and bidirectional formatting characters escaped
    /// (`DiagnosticRenderer.escaped`), so that a message stays one readable line, in the order
    /// it is stored, whatever the value holds.
    public static func shown(_ value: String, limit: Int = 60) -> String {
        let kept = String(value.prefix(limit))
        return DiagnosticRenderer.escaped(kept) + (value.dropFirst(limit).isEmpty ? "" : "…")
    }

    public static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }

    static func parseDecimalInteger(_ text: String) -> Int? {
        var digits = Substring(text)
        let negative = digits.hasPrefix("-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), digits == "0" || !digits.hasPrefix("0"),
              digits.count <= 18, let value = Int(digits) else { return nil }
        return negative ? -value : value
    }

    /// Value and number of decimals of `123`, `0.5`, `12.25`; nil for anything else.
    static func parseDecimal(_ text: String) -> (Double, Int)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parseDecimalInteger(String(parts[0])), whole >= 0 || parts[0].hasPrefix("-") else {
            return nil
        }
        guard parts.count == 2 else { return (Double(whole), 0) }
        let fraction = parts[1]
        guard !fraction.isEmpty, fraction.count <= 12, fraction.allSatisfy(\.isASCIIDigit), let value = Double(text) else { return nil }
        return (value, fraction.count)
    }

    static func integerHint(_ text: String) -> String {
        let lower = text.lowercased()
        if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") {
            return "only decimal numbers are read; write the value in decimal digits"
        }
        if text.contains("_") || text.contains(",") { return "write the digits without separators" }
        if text.contains(":") { return "sexagesimal numbers like '12:30' are not read; write a whole number" }
        if text.count > 1, text.hasPrefix("0"), text.allSatisfy(\.isASCIIDigit) {
            return "leading zeros are not allowed (YAML 1.1 would read '\(text)' as octal); write \(text.drop { $0 == "0" })"
        }
        if text.contains(".") { return "write a whole number, without decimals" }
        return "write a whole number in decimal digits, such as 42"
    }

    static func decimalHint(_ text: String, places: Int) -> String {
        if text.hasPrefix(".") { return "write a digit before the point: 0\(text)" }
        if text.contains(",") { return "use '.' as the decimal point and no thousands separators" }
        return "write a number such as 1.5, with at most \(places) decimal\(places == 1 ? "" : "s")"
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension Unicode.Scalar {
    /// `U+0009`.
    var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension Character {
    var isASCIILetter: Bool { isASCII && isLetter }
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    /// Without leading and trailing white space and line breaks.
    public func trimmingWhitespace() -> String {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
