import CYaml
import Yams

/// libyaml's errors as diagnostics: a position, a lowercase message, and a hint for the
/// mistakes people make most when editing by hand. The position is libyaml's problem mark,
/// or the start of the construct when that says more (an unclosed quote points at the quote,
/// not at the end of the file).
enum YAMLErrorTranslation {
    static func diagnostic(for parser: yaml_parser_t, file: String, text: String) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let context = parser.context.map { String(cString: $0) }
        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }
        if parser.error == YAML_READER_ERROR {
            // The text has been checked for encoding and control characters already.
            return .error(at: SourceLocation(file: file, line: 1, column: 1), "invalid YAML: \(problem)")
        }
        if parser.error == YAML_MEMORY_ERROR {
            return .error(at: SourceLocation(file: file, line: 1, column: 1), "out of memory while reading the file")
        }
        // A list or mapping left open to the end of the file is best shown where it opens.
        let atEnd = text.unicodeScalars.dropFirst(Int(parser.problem_mark.index)).allSatisfy { $0 == " " || $0 == "\t" || SourceLines.isBreak($0) }
        return syntax(
            problem: problem, context: context, at: location(parser.problem_mark),
            contextAt: context == nil ? nil : location(parser.context_mark), atEnd: atEnd, text: text)
    }

    /// An error from Yams while composing a file that passed `YAMLEventScan`; not expected.
    static func diagnostic(for error: Error, file: String) -> Diagnostic {
        if case .duplicatedKeysInMapping(let duplicates, let context)? = error as? YamlError {
            return .error(
                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                "duplicate key '\(ScalarRules.shown(duplicates.first ?? ""))'", hint: "keep one of the two")
        }
        return .error(at: SourceLocation(file: file, line: 1, column: 1), "the file could not be read as YAML: \(error)")
    }

    static func syntax(
        problem: String, context: String?, at location: SourceLocation, contextAt: SourceLocation?, atEnd: Bool = false, text: String
    ) -> Diagnostic {
        let source = SourceLines.line(location.line, of: text) ?? ""
        let character = source.unicodeScalars.dropFirst(max(0, location.column - 1)).first
        // What precedes the problem on its line, without trailing spaces.
        let before = String(String.UnicodeScalarView(source.unicodeScalars.prefix(max(0, location.column - 1)))).trimmingWhitespace()
        let opened = contextAt.map { "line \($0.line), column \($0.column)" } ?? ""
        switch (problem, context) {
        case (_, _) where problem.hasPrefix("Maximum nesting level reached"):
            return .error(at: location, "the file nests too deeply", hint: "no field of the format nests this deep")
        case ("found unexpected end of stream", "while scanning a quoted scalar"?):
            return .error(
                at: contextAt ?? location, "the quoted text that starts here is never closed",
                hint: "add the closing quote at the end of the text")
        case ("found unknown escape character", _), ("found invalid Unicode character escape code", _),
             ("did not find expected hexdecimal number", _):
            return .error(
                at: location, "invalid escape in double-quoted text",
                hint: "in double quotes '\\' starts an escape such as '\\n'; write '\\\\' for a backslash, or use single quotes")
        case ("did not find expected ',' or ']'", _) where atEnd && contextAt != nil:
            return .error(at: contextAt!, "the list that starts here is never closed", hint: "close it with ']'")
        case ("did not find expected ',' or '}'", _) where atEnd && contextAt != nil:
            return .error(at: contextAt!, "the mapping that starts here is never closed", hint: "close it with '}'")
        case ("did not find expected ',' or ']'", _):
            return .error(
                at: location, "expected ',' or ']' in the list that starts on \(opened)",
                hint: "separate items with ',' and close the list with ']'; quote an item that contains ',', '[', ']' or ': '")
        case ("did not find expected ',' or '}'", _):
            return .error(
                at: location, "expected ',' or '}' in the mapping that starts on \(opened)",
                hint: "separate entries with ',' and close the mapping with '}'; quote a value that contains ',', '{', '}' or ': '")
        case ("found a tab character that violates indentation", _),
             ("found a tab character where an indentation space is expected", _):
            return .error(at: location, "tabs are not allowed for indentation", hint: "indent with spaces")
        case ("found character that cannot start any token", _) where character == "\t":
            return .error(at: location, "tabs are not allowed for indentation", hint: "indent with spaces")
        case ("found character that cannot start any token", _):
            let shown = character.map { "'\($0)'" } ?? "this character"
            return .error(at: location, "\(shown) cannot start a value", hint: "quote the value, e.g. key: \"\(character.map(String.init) ?? "")…\"")
        case ("mapping values are not allowed in this context", _):
            return .error(
                at: location, "unexpected ':'",
                hint: "quote a text that contains ': ', e.g. key: \"a: b\"; or check the indentation of this line")
        case ("could not find expected ':'", _):
            return .error(
                at: contextAt ?? location, "expected ':' after a key",
                hint: "each key needs a ':' after it; a text that continues here must be indented more than its key, or quoted")
        case ("did not find expected key", _) where character == "]" || character == "}",
             ("did not find expected '-' indicator", _) where character == "]" || character == "}":
            return .error(
                at: location, "unexpected '\(character!)'",
                hint: "no \(character == "]" ? "list" : "mapping") is open here; remove it, or quote the value if it is text")
        case ("did not find expected key", _) where before.hasSuffix("\"") || before.hasSuffix("'"),
             ("did not find expected '-' indicator", _) where before.hasSuffix("\"") || before.hasSuffix("'"):
            return .error(
                at: location, "unexpected text after the closing quote",
                hint: "put the whole text inside the quotes")
        case ("did not find expected key", _):
            return .error(
                at: location, "expected a key at this indentation",
                hint: "check the indentation of this line against the lines above")
        case ("did not find expected '-' indicator", _):
            return .error(
                at: location, "expected a list item ('- ') at this indentation",
                hint: "check the indentation of this line against the items above")
        case ("block sequence entries are not allowed in this context", _):
            return .error(
                at: location, "a list cannot start on the same line as its key",
                hint: "put each '- item' on its own line, indented under the key, or write [a, b]")
        case ("did not find expected alphabetic or numeric character", "while scanning an alias"?),
             ("did not find expected alphabetic or numeric character", "while scanning an anchor"?):
            let indicator = context == "while scanning an alias" ? "*" : "&"
            let start = contextAt ?? location
            let line = SourceLines.line(start.line, of: text) ?? ""
            let value = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(start.column - 1))).trimmingWhitespace()
            let example = value.contains("\"") ? "'\(ScalarRules.shown(value, limit: 40))'" : "\"\(ScalarRules.shown(value, limit: 40))\""
            return .error(
                at: start, "a value cannot start with '\(indicator)'",
                hint: "'\(indicator)' starts \(indicator == "*" ? "an alias" : "an anchor"); quote the text: \(example)")
        case ("did not find expected comment or line break", "while scanning a block scalar"?):
            return .error(
                at: location, "text cannot follow '|' or '>' on the same line",
                hint: "start the text on the next line, indented under the key")
        case ("did not find expected comment or line break", _), ("did not find expected whitespace or line break", _):
            return .error(
                at: location, "unexpected text after the value",
                hint: "put the whole text inside the quotes, or start a new line")
        case ("did not find expected node content", _):
            return .error(at: location, "expected a value", hint: "write a value here, or remove the extra ',' or indicator")
        case ("found undefined tag handle", _), ("did not find expected tag URI", _), ("did not find the expected '>'", _),
             ("did not find expected '!'", _):
            return .error(
                at: contextAt ?? location, "tags are not allowed",
                hint: "remove the tag; each field is read as the type the format declares")
        case ("did not find expected <document start>", _)
            where SourceLines.split(text).prefix(location.line).contains(where: { $0.hasPrefix("%") }):
            return .error(
                at: location, "a directive must be followed by '---'",
                hint: "profiles need no directives: remove the line starting with '%'")
        case ("did not find expected <document start>", _):
            return .error(
                at: location, "unexpected content after the end of the document",
                hint: "a line '...' ends the document; remove it, or move what follows to its own file")
        case ("found unexpected document indicator", _):
            return .error(
                at: location, "unexpected document marker",
                hint: "a profile is one document; '---' and '...' at the start of a line separate documents")
        case (_, "while scanning a directive"?), (_, "while scanning a %YAML directive"?), (_, "while scanning a %TAG directive"?),
             (_, "while parsing a %TAG directive"?), ("found unknown directive name", _), ("found incompatible YAML document", _),
             ("found duplicate %YAML directive", _), ("found duplicate %TAG directive", _):
            return .error(
                at: contextAt ?? location, "invalid YAML directive",
                hint: "a line starting with '%' is a directive; profiles need none — remove it, or quote a value starting with '%'")
        default:
            var message = "invalid YAML: " + problem
            if let context { message += " (\(context) on \(opened))" }
            return .error(at: location, message.lowercasedFirst)
        }
    }
}

extension String {
    /// With a lowercase first letter, as messages are written; an acronym ("XML") stays.
    var lowercasedFirst: String {
        guard let first, first.isUppercase, dropFirst().first?.isUppercase != true else { return self }
        return first.lowercased() + dropFirst()
    }
}
