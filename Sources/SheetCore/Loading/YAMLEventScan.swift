// libyaml's event API, reached through Yams' C target. Yams does not re-export it, and SheetCore
// cannot declare a dependency on a package's internal target, but every target that depends on
// Yams is compiled with CYaml's module map; if a Yams release renames the target, this import is
// the one line to change.
import CYaml

/// The first pass over a YAML file: libyaml's event stream, read before anything builds a node
/// tree, checked for what the format forbids — and what could make building the tree costly.
///
/// Yams composes aliases as shared nodes and then hashes every mapping key to find duplicates,
/// so a billion-laughs key (`? *lol9`) would be expanded into hundreds of millions of nodes
/// there; it recurses once per nesting level. This pass sees each construct once, at its exact
/// position, with no recursion:
///
/// - anchors (`&a`), aliases (`*a`) and tags (`!!int`) are errors at their own position;
/// - a merge key (`<<`) is an error at the key;
/// - a duplicate key is an error at its second occurrence;
/// - a node nested deeper than `maximumDepth` is an error at that node, and its content is
///   skipped (libyaml itself stops at 1 000 levels, long before memory or time matter);
/// - a second document is an error at its start;
/// - a syntax error is translated into a diagnostic at its position.
///
/// Only a file that passes is composed by Yams. The pass also records where each scalar ends,
/// so that a problem inside a text can be pointed at the character, not just the text's start.
struct YAMLEventScan {
    /// A position as libyaml counts it: 1-based line and column, and the 0-based offset in
    /// Unicode scalars from the start of the text.
    struct Position: Hashable, Sendable {
        var line: Int
        var column: Int
        var offset: Int
    }

    /// The span of a scalar in the source, keyed in `Result.scalarSpans` by its start line and
    /// column (those of its Yams `Mark`).
    struct Span: Hashable, Sendable {
        var start: Position
        var end: Position
    }

    struct Result {
        var diagnostics: [Diagnostic] = []
        var scalarSpans: [Key: Span] = [:]
    }

    struct Key: Hashable, Sendable {
        var line: Int
        var column: Int
    }

    /// The most structural problems reported for one file; past it, the scan stops with a note.
    static let maximumProblems = 100
    /// The most values (scalars, lists and mappings) in one file. A full profile has about two
    /// hundred; a file of 1 MiB could hold half a million, which Yams would take seconds and
    /// hundreds of megabytes to build.
    public static let maximumNodes = 20_000

    /// An open collection. A class, so that a mapping's keys are updated in place: a mapping
    /// of 90 000 keys must not copy its key table for each one.
    private final class Container {
        let isMapping: Bool
        /// In a mapping: whether the next node is a key.
        var expectingKey = true
        /// In a mapping: the keys seen, with the line of each.
        var keys: [String: Int] = [:]

        init(isMapping: Bool) {
            self.isMapping = isMapping
        }
    }

    /// Where flow brackets opened from `offset` on, starting at `depth` open collections, first
    /// pass `limit`: quoted texts and comments skipped.
    static func flowDepthExceeded(in text: String, from offset: Int, depth: Int, limit: Int) -> (line: Int, column: Int)? {
        let scalars = Array(text.unicodeScalars)
        guard offset < scalars.count else { return nil }
        var depth = depth
        var index = offset
        var quote: Unicode.Scalar?
        var previous: Unicode.Scalar = " "
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == "\\", open == "\"" { index += 2; continue }
                if scalar == open { quote = nil }
            } else if scalar == "#", previous == " " || previous == "\t" || SourceLines.isBreak(previous) {
                while index < scalars.count, !SourceLines.isBreak(scalars[index]) { index += 1 }
                continue
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "[" || scalar == "{" {
                depth += 1
                if depth > limit {
                    let (line, column) = ScalarSource.position(of: index, in: scalars, from: Position(line: 1, column: 1, offset: 0))
                    return (line, column)
                }
            } else if scalar == "]" || scalar == "}" {
                depth -= 1
            }
            previous = scalar
            index += 1
        }
        return nil
    }

    static func scan(_ text: String, file: String, maximumDepth: Int) -> Result {
        var result = Result()
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            result.diagnostics.append(.error(at: SourceLocation(file: file, line: 1, column: 1), "out of memory while reading the file"))
            return result
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var state = State(file: file, maximumDepth: maximumDepth)
            state.run(&parser, text: text, into: &result)
        }
        return result
    }

    private struct State {
        let file: String
        let maximumDepth: Int
        var stack: [Container] = []
        var documents = 0
        /// While a too-deep subtree is skipped: the depth at which it started.
        var skippingFrom: Int?
        var problems = 0
        var stopped = false
        var nodes = 0
        /// Each anchor's diagnostic (by index in the result) and how often aliases use it: one
        /// diagnostic an anchor, not one a use, so that a billion-laughs file gives a short report.
        var anchors: [String: (diagnostic: Int, uses: Int)] = [:]

        init(file: String, maximumDepth: Int) {
            self.file = file
            self.maximumDepth = maximumDepth
        }

        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }

        static func position(_ mark: yaml_mark_t) -> Position {
            Position(line: Int(mark.line) + 1, column: Int(mark.column) + 1, offset: Int(mark.index))
        }

        mutating func report(_ diagnostic: Diagnostic, into result: inout Result) {
            problems += 1
            if problems > YAMLEventScan.maximumProblems {
                result.diagnostics.append(.error(
                    at: diagnostic.location, "too many problems in the file; stopped after \(YAMLEventScan.maximumProblems)",
                    hint: "fix these and run again"))
                stopped = true
                return
            }
            result.diagnostics.append(diagnostic)
        }

        mutating func run(_ parser: inout yaml_parser_t, text: String, into result: inout Result) {
            while !stopped {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    // A syntax error inside a subtree already reported as too deep adds nothing
                    // (libyaml's own nesting limit is one of them).
                    if skippingFrom == nil {
                        report(translate(parser, text: text), into: &result)
                    }
                    return
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                handle(event, into: &result)
            }
            for (name, anchor) in anchors where anchor.uses > 0 && anchor.diagnostic < result.diagnostics.count {
                result.diagnostics[anchor.diagnostic].hint =
                    "write the value out in full where it is used; '*\(ScalarRules.shown(name))' uses it \(anchor.uses) time\(anchor.uses == 1 ? "" : "s")"
            }
        }

        /// libyaml's error as a diagnostic. Its nesting limit (1 000 levels) can strike before
        /// any event of the deep part: in flow style the scanner reads all of `[[[[…` ahead. The
        /// place where the file passes `maximumDepth` is then found here, from the error on.
        func translate(_ parser: yaml_parser_t, text: String) -> Diagnostic {
            let problem = parser.problem.map { String(cString: $0) } ?? ""
            guard problem.hasPrefix("Maximum nesting level reached") else {
                return YAMLErrorTranslation.diagnostic(for: parser, file: file, text: text)
            }
            let start = Int(parser.problem_mark.index)
            let position = YAMLEventScan.flowDepthExceeded(in: text, from: start, depth: stack.count, limit: maximumDepth)
                .map { SourceLocation(file: file, line: $0.line, column: $0.column) }
                ?? location(parser.problem_mark)
            return .error(at: position, "the file nests deeper than \(maximumDepth) levels", hint: "no field of the format nests this deep")
        }

        mutating func handle(_ event: yaml_event_t, into result: inout Result) {
            let start = event.start_mark
            if [YAML_SCALAR_EVENT, YAML_ALIAS_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT].contains(event.type) {
                nodes += 1
                if nodes > YAMLEventScan.maximumNodes {
                    report(.error(
                        at: location(start), "the file holds more than \(YAMLEventScan.maximumNodes) values",
                        hint: "a profile has a few hundred; is this the right file?"), into: &result)
                    stopped = true
                    return
                }
            }
            switch event.type {
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents == 2 {
                    report(.error(
                        at: location(start), "the file holds more than one YAML document",
                        hint: "a profile is one document; remove the second '---' and what follows, or move it to its own file"),
                           into: &result)
                    stopped = true
                }
            case YAML_ALIAS_EVENT:
                guard enterNode() else { return }
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                if let anchor = anchors[name] {
                    anchors[name] = (anchor.diagnostic, anchor.uses + 1)
                } else {
                    report(.error(
                        at: location(start), "anchors and aliases are not allowed",
                        hint: "a value that starts with '*' is an alias; quote it if it is text, e.g. \"*\(ScalarRules.shown(name))…\""),
                           into: &result)
                }
                finishNode(key: nil, mark: start, into: &result)
            case YAML_SCALAR_EVENT:
                guard enterNode() else { return }
                let scalar = event.data.scalar
                checkProperties(anchor: scalar.anchor, tag: scalar.tag, at: start, into: &result)
                let value = scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
                } ?? ""
                let span = Span(start: Self.position(start), end: Self.position(event.end_mark))
                result.scalarSpans[Key(line: span.start.line, column: span.start.column)] = span
                let isMergeKey = value == "<<" && scalar.style == YAML_PLAIN_SCALAR_STYLE
                finishNode(key: (value, isMergeKey), mark: start, into: &result)
            case YAML_SEQUENCE_START_EVENT:
                guard enterNode(collection: start, into: &result) else { return }
                let sequence = event.data.sequence_start
                checkProperties(anchor: sequence.anchor, tag: sequence.tag, at: start, into: &result)
                stack.append(Container(isMapping: false))
            case YAML_MAPPING_START_EVENT:
                guard enterNode(collection: start, into: &result) else { return }
                let mapping = event.data.mapping_start
                checkProperties(anchor: mapping.anchor, tag: mapping.tag, at: start, into: &result)
                stack.append(Container(isMapping: true))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let closing = stack.count
                if !stack.isEmpty { stack.removeLast() }
                if let from = skippingFrom {
                    guard closing == from else { return }
                    skippingFrom = nil
                }
                // The collection just closed was a key or a value of its parent.
                finishNode(key: nil, mark: start, into: &result)
            default:
                break
            }
        }

        /// Whether a scalar or alias starting now is read (not inside a skipped subtree).
        func enterNode() -> Bool {
            skippingFrom == nil
        }

        /// For a collection: reports it when it is too deep and starts skipping it.
        mutating func enterNode(collection start: yaml_mark_t, into result: inout Result) -> Bool {
            if skippingFrom != nil {
                stack.append(Container(isMapping: false))
                return false
            }
            if stack.count >= maximumDepth {
                report(.error(
                    at: location(start), "the file nests deeper than \(maximumDepth) levels",
                    hint: "no field of the format nests this deep"), into: &result)
                stack.append(Container(isMapping: false))
                skippingFrom = stack.count
                return false
            }
            return true
        }

        mutating func checkProperties(
            anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?,
            at mark: yaml_mark_t, into result: inout Result
        ) {
            if let anchor {
                report(.error(
                    at: location(mark), "anchors and aliases are not allowed",
                    hint: "write the value out in full where it is used"), into: &result)
                if !stopped { anchors[String(cString: anchor), default: (result.diagnostics.count - 1, 0)].diagnostic = result.diagnostics.count - 1 }
            }
            // libyaml gives a node a tag only when one is written (`!!int`, `!local`, `!`).
            if let tag {
                report(.error(
                    at: location(mark), "tags are not allowed: '\(Self.shortTag(String(cString: tag)))'",
                    hint: "remove the tag; each field is read as the type the format declares"), into: &result)
            }
        }

        static func shortTag(_ name: String) -> String {
            name.hasPrefix("tag:yaml.org,2002:") ? "!!" + name.dropFirst("tag:yaml.org,2002:".count) : name
        }

        /// A node (scalar, alias, or a collection just closed) is complete: in a mapping it was a
        /// key or a value. `key` carries a scalar's text, for duplicates and `<<`.
        mutating func finishNode(key: (text: String, isMerge: Bool)?, mark: yaml_mark_t, into result: inout Result) {
            guard let mapping = stack.last, mapping.isMapping else { return }
            if mapping.expectingKey, let key {
                if key.isMerge {
                    report(.error(at: location(mark), "merge keys ('<<') are not allowed", hint: "write the keys out in full"), into: &result)
                } else if let first = mapping.keys[key.text] {
                    report(.error(
                        at: location(mark), "duplicate key '\(ScalarRules.shown(key.text))'",
                        hint: "the key is already set on line \(first); keep one of the two"), into: &result)
                } else {
                    mapping.keys[key.text] = Int(mark.line) + 1
                }
            }
            mapping.expectingKey.toggle()
        }
    }
}
