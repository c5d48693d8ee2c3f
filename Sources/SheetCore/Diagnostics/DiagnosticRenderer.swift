import Foundation

/// Turns diagnostics into the text a person or a CI system reads.
public struct DiagnosticRenderer: Sendable {
    public var format: DiagnosticFormat
    public var sources: any SourceTextProvider

    public init(format: DiagnosticFormat, sources: any SourceTextProvider = SourceTextStore()) {
        self.format = format
        self.sources = sources
    }

    /// All diagnostics in one string, sorted by file and position. For `json` that is one array,
    /// also when there are none; for the others, one block a diagnostic, each ending in a newline.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let sorted = diagnostics.sorted()
        switch format {
        case .json:
            return "[" + sorted.map(json).joined(separator: ",\n ") + "]\n"
        case .text:
            return sorted.map(text).joined()
        case .github:
            return sorted.map(github).joined()
        }
    }

    /// `path:line:col: error: message`, the line with a caret, then `hint: …`. The path, the
    /// message and the hint are printed `escaped`: a file named with an escape sequence or a
    /// line break (a profile from a pull request, a logo in its folder) cannot colour the
    /// terminal or print a line that looks like another diagnostic.
    public func text(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if let location = diagnostic.location {
            let file = Self.escaped(location.file)
            out += location.line > 0 ? "\(file):\(location.line):\(location.column): " : "\(file): "
        }
        out += "\(diagnostic.severity.rawValue): \(Self.escaped(diagnostic.message))\n"
        if let location = diagnostic.location, location.line > 0,
           let line = sources.line(location.line, of: location.file) {
            let gutter = String(location.line)
            let pad = String(repeating: " ", count: gutter.count)
            let (shown, caretColumn) = Self.window(line, column: location.column)
            out += "\(gutter) | \(Self.printable(shown))\n"
            out += "\(pad) | \(Self.caretPrefix(shown, column: caretColumn))^\n"
        }
        if let hint = diagnostic.hint {
            out += "hint: \(Self.escaped(hint))\n"
        }
        return out
    }

    /// `text` with each control character (U+0000–U+001F, U+007F–U+009F), line or paragraph
    /// separator (U+2028, U+2029) and bidirectional formatting character (U+061C, U+200E,
    /// U+200F, U+202A–U+202E, U+2066–U+2069) written as Swift writes it in a string: `\n`,
    /// `\r`, `\t`, otherwise `\u{1B}` (hex, uppercase). The bidirectional ones because a file
    /// named `a\u{202E}lmay.exe` (from a pull request) would otherwise print reversed, as
    /// `aexe.yaml`, and a message could be made to read as something it is not. Used for every
    /// path, message and hint printed, and by `ScalarRules.shown` for a value a message quotes.
    static func escaped(_ text: String) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: true
            default: scalar.properties.isBidiControl
            }
        }
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\r": out.append(contentsOf: #"\r"#.unicodeScalars)
            case "\t": out.append(contentsOf: #"\t"#.unicodeScalars)
            case _ where escapes(scalar): out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    func json(_ diagnostic: Diagnostic) -> String {
        var fields: [String] = [
            "\"severity\": \(JSONText.quote(diagnostic.severity.rawValue))",
        ]
        if let location = diagnostic.location {
            fields.append("\"file\": \(JSONText.quote(location.file))")
            fields.append("\"line\": \(location.line)")
            fields.append("\"column\": \(location.column)")
        } else {
            fields.append(contentsOf: ["\"file\": null", "\"line\": null", "\"column\": null"])
        }
        fields.append("\"message\": \(JSONText.quote(diagnostic.message))")
        fields.append("\"hint\": \(diagnostic.hint.map(JSONText.quote) ?? "null")")
        if let field = diagnostic.field {
            fields.append("\"field\": \(JSONText.quote(field))")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    func github(_ diagnostic: Diagnostic) -> String {
        let command = switch diagnostic.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=\(Self.githubProperty(Self.escaped(location.file)))")
            if location.line > 0 {
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
        }
        var message = Self.escaped(diagnostic.message)
        if let hint = diagnostic.hint { message += "\nhint: \(Self.escaped(hint))" }
        let head = properties.isEmpty ? "::\(command)" : "::\(command) " + properties.joined(separator: ",")
        return head + "::" + Self.githubData(message) + "\n"
    }

    // MARK: - Helpers

    /// The longest source line quoted whole, in Unicode scalars.
    static let maximumLineWidth = 120

    /// The part of a long line around `column`, with '…' where it is cut, and the column of the
    /// same character in that part. A minified file or a 100 000-character value is quoted as
    /// one screen line, not as all of it.
    static func window(_ line: String, column: Int) -> (String, Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > maximumLineWidth else { return (line, column) }
        let target = max(0, column - 1)
        let start = max(0, min(target - maximumLineWidth / 3, scalars.count - maximumLineWidth))
        let end = min(scalars.count, start + maximumLineWidth)
        var shown = String.UnicodeScalarView()
        if start > 0 { shown.append("…") }
        shown.append(contentsOf: scalars[start..<end])
        if end < scalars.count { shown.append("…") }
        return (String(shown), target - start + 1 + (start > 0 ? 1 : 0))
    }

    /// The source line as printed: tabs and other control characters shown as one space each so
    /// that the caret stays under its column; bidirectional formatting characters left out (they
    /// take no cell, so the caret stays where it was), so that the line prints in the order it
    /// is stored.
    static func printable(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in line.unicodeScalars where !scalar.properties.isBidiControl {
            out.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        return String(out)
    }

    /// Spaces as wide on a terminal as the first `column - 1` scalars of `line`.
    static func caretPrefix(_ line: String, column: Int) -> String {
        var width = 0
        for scalar in line.unicodeScalars.prefix(max(0, column - 1)) {
            width += TerminalWidth.of(scalar)
        }
        return String(repeating: " ", count: width)
    }

    static func githubData(_ value: String) -> String {
        value.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func githubProperty(_ value: String) -> String {
        githubData(value).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
