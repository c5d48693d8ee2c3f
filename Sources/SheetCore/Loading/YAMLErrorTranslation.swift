import Yams

/// Yams' and libyaml's errors as diagnostics: a position, a lowercase message, and a hint for
/// the mistakes people make most when editing by hand.
enum YAMLErrorTranslation {
    static func diagnostic(for error: Error, file: String, text: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error(at: SourceLocation(file: file, line: 1, column: 1), "the file could not be read as YAML: \(error)")
        }
        switch yamlError {
        case .reader(let problem, let offset, _, _):
            let (line, column) = offset.map { position(ofCharacter: $0, in: text) } ?? (1, 1)
            return .error(at: SourceLocation(file: file, line: line, column: column), "invalid YAML: \(problem)")
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return syntax(problem: problem, context: context?.text, at: mark, file: file, text: text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let location = secondOccurrence(ofKey: key, after: context.mark, in: text)
                .map { SourceLocation(file: file, line: $0.line, column: $0.column) }
                ?? SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
            return .error(
                at: location, "duplicate key '\(key)'",
                hint: "the key is already set on line \(context.mark.line); keep one of the two")
        default:
            return .error(at: SourceLocation(file: file, line: 1, column: 1), "the file could not be read as YAML: \(yamlError)")
        }
    }

    static func syntax(problem: String, context: String?, at mark: Mark, file: String, text: String) -> Diagnostic {
        let location = SourceLocation(file: file, line: mark.line, column: mark.column)
        let line = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let source = mark.line >= 1 && mark.line <= line.count ? String(line[mark.line - 1]) : ""
        let character = source.unicodeScalars.dropFirst(max(0, mark.column - 1)).first
        if problem.hasPrefix("Maximum nesting level reached") {
            return .error(
                at: location, "the file nests deeper than \(YAMLDocument.maximumDepth) levels",
                hint: "no field of the format nests this deep")
        }
        if problem == "but found another document" || problem.contains("expected a single document") {
            return .error(
                at: location, "the file holds more than one YAML document",
                hint: "a profile is one document; remove the second '---' and what follows, or move it to its own file")
        }
        if problem == "found undefined alias" {
            return .error(at: location, "anchors and aliases are not allowed", hint: "write the value out in full where it is used")
        }
        if character == "\t" || problem.contains("tab") {
            return .error(at: location, "tabs are not allowed for indentation", hint: "indent with spaces")
        }
        var message = "invalid YAML: " + problem
        if let context { message += " (\(context))" }
        var hint: String?
        switch problem {
        case "mapping values are not allowed in this context":
            hint = "a text containing ': ' must be quoted, e.g. key: \"a: b\""
        case "could not find expected ':'":
            hint = "each key needs a ':' after it"
        case "did not find expected key", "did not find expected '-' indicator":
            hint = "check the indentation of this line against the lines above"
        case "found character that cannot start any token":
            hint = character.map { "'\($0)' cannot start a value here; quote the value" }
        default:
            break
        }
        return .error(at: location, message.lowercasedFirst, hint: hint)
    }

    /// Where a duplicated key appears again after its first occurrence at `mark`: the next line
    /// that starts, at the same column, with the key followed by ':'.
    static func secondOccurrence(ofKey key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard mark.line >= 1 else { return nil }
        for index in mark.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            guard scalars.count >= mark.column - 1 + key.unicodeScalars.count else { continue }
            let tail = String(String.UnicodeScalarView(scalars.dropFirst(mark.column - 1)))
            let prefix = scalars.prefix(mark.column - 1)
            guard prefix.allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where tail.hasPrefix(candidate) {
                let rest = tail.dropFirst(candidate.count).drop { $0 == " " }
                if rest.hasPrefix(":") { return (index + 1, mark.column) }
            }
        }
        return nil
    }

    static func position(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }
}

extension String {
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
