import Foundation
import SheetCore
import Yams

/// Reads one `*.survey.yaml` with the same care as a profile: the YAML checks of
/// `YAMLDocument`, every value read as its declared type, unknown keys and field paths with a
/// "did you mean", and every problem of the file reported at once.
///
/// What needs the CSV (a column it lacks) is checked by `SurveyMerger`, which reads it.
public struct SurveyMappingLoader: Sendable {
    /// The profiles folder: a mapping's `source` must resolve inside it.
    public var profilesRoot: String
    public var catalog: SurveyFieldCatalog

    public init(profilesRoot: String, catalog: SurveyFieldCatalog) {
        self.profilesRoot = profilesRoot
        self.catalog = catalog
    }

    public struct Result: Sendable {
        public var mapping: SurveyMapping?
        public var diagnostics: [Diagnostic]
        /// The file's text, for quoting its lines in diagnostics.
        public var source: String?
    }

    static let rootKeys = ["format", "source", "export", "delimiter", "key", "min_responses", "min_cell", "fields", "personal"]
    static let keyKeys = ["column", "match"]
    static let fieldKeys = ["column", "aggregate", "split", "values", "other"]
    static let thresholdRange = 1...1_000_000

    public func load(file: String) -> Result {
        let data: Data
        switch BoundedFile.read(file, limit: YAMLDocument.maximumFileSize) {
        case .success(let bytes): data = bytes
        case .failure(let problem):
            return Result(mapping: nil, diagnostics: [Self.fileProblem(problem, file: file)], source: nil)
        }
        return load(data: data, file: file)
    }

    /// Why a mapping file is not read.
    static func fileProblem(_ problem: BoundedFile.Problem, file: String) -> Diagnostic {
        problem.diagnostic(file: file, limit: YAMLDocument.maximumFileSize, tooLargeHint: "a survey mapping is a few kilobytes; is this the right file?")
    }

    public func load(data: Data, file: String) -> Result {
        let (document, parseDiagnostics) = YAMLDocument.parse(data, file: file)
        guard let document else {
            return Result(mapping: nil, diagnostics: parseDiagnostics, source: try? TextDecoding.decodeUTF8(data).get())
        }
        var reader = NodeReader(file: file)
        for diagnostic in parseDiagnostics { reader.append(diagnostic) }
        let mapping = read(document, reader: &reader)
        return Result(mapping: reader.diagnostics.hasErrors ? nil : mapping, diagnostics: reader.diagnostics, source: document.text)
    }

    // MARK: - The file

    private func read(_ document: YAMLDocument, reader: inout NodeReader) -> SurveyMapping? {
        let file = document.file
        guard let root = document.root else {
            reader.append(.error(at: SourceLocation(file: file, line: 1, column: 1), "the file is empty",
                                 hint: "a survey mapping needs 'format: 1', 'source', 'key' and 'fields'"))
            return nil
        }
        guard let top = reader.mapping(root, field: "survey mapping", expected: "a mapping of keys to values") else { return nil }
        let entries = Self.entries(of: top, allowed: Self.rootKeys, place: "a survey mapping", prefix: nil, reader: &reader)
        for key in ["format", "source", "key", "fields"] where entries[key] == nil {
            reader.append(.error(at: reader.location(root), "missing required key '\(key)'", hint: Self.requiredHint[key], field: key))
        }
        if let node = entries["format"]?.value, let format = reader.integer(node, field: "format", range: 1...Int.max),
           format != SurveyMapping.formatVersion {
            reader.error(node, "unsupported format \(format)", hint: "this version of profilesheet reads survey mapping format 1", field: "format")
        }
        let source = entries["source"].flatMap { readSource($0.value, file: file, reader: &reader) }
        var export = ExportShape.auto
        if let node = entries["export"]?.value { export = reader.choice(node, field: "export", as: ExportShape.self) ?? export }
        var delimiter = UInt8(ascii: ",")
        if let node = entries["delimiter"]?.value { delimiter = readDelimiter(node, reader: &reader) ?? delimiter }
        let key = entries["key"].flatMap { readKey($0.value, reader: &reader) }
        let minResponses = entries["min_responses"].flatMap {
            reader.integer($0.value, field: "min_responses", range: Self.thresholdRange)
        } ?? SurveyMapping.defaultMinResponses
        let minCell = entries["min_cell"].flatMap { reader.integer($0.value, field: "min_cell", range: Self.thresholdRange) }
            ?? SurveyMapping.defaultMinCell
        var fields: [SurveyMapping.FieldMapping] = []
        if let node = entries["fields"]?.value,
           let list = reader.mapping(node, field: "fields", expected: "a mapping of profile fields to columns") {
            if list.count == 0 {
                reader.error(node, "'fields' maps no profile field", hint: "add at least one, e.g. 'members.count: {column: \"How many members?\", aggregate: one}'", field: "fields")
            }
            for (keyNode, value) in list {
                if let field = readField(keyNode, value, reader: &reader) { fields.append(field) }
            }
        }
        var personal: [SurveyMapping.ColumnReference] = []
        if let node = entries["personal"]?.value, let items = reader.sequence(node, field: "personal", count: 1...1000) {
            personal = items.compactMap { readColumn($0, field: "personal", reader: &reader) }
        }
        guard let source, let key else { return nil }
        var mapping = SurveyMapping(
            file: file, source: source.written, csvFile: source.display, resolvedCSV: source.resolved, export: export,
            delimiter: delimiter, key: key.column, match: key.match, minResponses: minResponses, minCell: minCell, fields: fields)
        mapping.personal = personal
        return mapping
    }

    static let requiredHint: [String: String] = [
        "format": "add 'format: 1' as the first line",
        "source": "add 'source:' with the CSV export's file name, relative to this file",
        "key": "add 'key:' with the 'column' that names each row's community, e.g. 'key: {column: Community, match: name}'",
        "fields": "add 'fields:', mapping profile fields to columns",
    ]

    /// The keys of a mapping, checked against the allowed ones, with a "did you mean" for
    /// unknown ones.
    static func entries(
        of mapping: Node.Mapping, allowed: [String], place: String, prefix: String?, reader: inout NodeReader
    ) -> [String: (key: Node, value: Node)] {
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                reader.error(key, "keys must be plain text, found \(NodeReader.kind(of: key))")
                continue
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                let hint = Suggestion.didYouMean(name, in: allowed)
                    ?? "the keys allowed here are " + allowed.map { "'\($0)'" }.joined(separator: ", ")
                reader.error(key, "unknown key '\(name)' in \(place)", hint: hint, field: prefix.map { "\($0).\(name)" } ?? name)
                continue
            }
            result[name] = (key, value)
        }
        return result
    }

    // MARK: - Values

    private func readSource(_ node: Node, file: String, reader: inout NodeReader) -> (written: String, display: String, resolved: String)? {
        guard let path = reader.text(node, field: "source", length: 1...1000) else { return nil }
        // Diagnostics may quote lines of YAML files they point into; a CSV's lines hold other
        // people's answers, so a survey export must never pass for one.
        if [".yaml", ".yml"].contains(where: { path.lowercased().hasSuffix($0) }) {
            reader.error(node, "'source' must be the survey's CSV export, found the YAML file '\(path)'",
                         hint: "name the .csv file the survey tool exported", field: "source")
            return nil
        }
        let directory = (file as NSString).deletingLastPathComponent
        let display = directory.isEmpty ? path : (directory as NSString).appendingPathComponent(path)
        switch PathContainment.resolve(path, in: directory.isEmpty ? "." : directory, root: profilesRoot) {
        case .success(let resolved):
            return (path, display, resolved)
        case .failure(let problem):
            let (message, hint): (String, String?) = switch problem {
            case .empty: ("'source' is empty", "give the CSV export's file name")
            case .containsNUL: ("'source' contains a NUL character", "remove it")
            case .absolute: ("'source' must be a path relative to the mapping file, found '\(path)'",
                             "put the export next to the mapping and write its file name")
            case .notFound: ("survey export '\(path)' does not exist", Self.nearbyFileHint(path, in: directory))
            case .symlinkLoop: ("'source' goes round a loop of symbolic links: '\(path)'", "replace a link on the way with the file or folder it stands for")
            case .outsideRoot: ("'source' leads outside the profiles folder: '\(path)'",
                                "survey exports must be inside '\(profilesRoot)', after following symlinks")
            case .notAFile: ("'source' is not a file: '\(path)'", nil)
            }
            reader.error(node, message, hint: hint, field: "source")
            return nil
        }
    }

    static func nearbyFileHint(_ path: String, in directory: String) -> String? {
        let folder = ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent((path as NSString).deletingLastPathComponent)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { !$0.hasPrefix(".") } ?? []
        return Suggestion.didYouMean((path as NSString).lastPathComponent, in: names.sorted())
    }

    private func readDelimiter(_ node: Node, reader: inout NodeReader) -> UInt8? {
        guard let text = reader.scalarText(node, field: "delimiter", expected: "one character") else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 1, let scalar = scalars.first, scalar.isASCII,
              scalar != "\"", scalar != "\r", scalar != "\n" else {
            reader.error(node, "'delimiter' must be one ASCII character other than a quote or a line break, found '\(text)'",
                         hint: "for example \",\", \";\" or \"\\t\" (in double quotes) for a tab", field: "delimiter")
            return nil
        }
        return UInt8(scalar.value)
    }

    private func readKey(_ node: Node, reader: inout NodeReader) -> (column: SurveyMapping.ColumnReference, match: SurveyMapping.KeyMatch)? {
        guard let mapping = reader.mapping(node, field: "key", expected: "a mapping with 'column' and 'match'") else { return nil }
        let entries = Self.entries(of: mapping, allowed: Self.keyKeys, place: "'key'", prefix: "key", reader: &reader)
        var match = SurveyMapping.KeyMatch.any
        if let matchNode = entries["match"]?.value {
            let allowed = ["id", "name"]
            if let text = reader.text(matchNode, field: "key.match", length: 1...40) {
                if let value = SurveyMapping.KeyMatch(rawValue: text), allowed.contains(text) {
                    match = value
                } else {
                    reader.error(matchNode, "'key.match' must be 'id' or 'name', found '\(text)'",
                                 hint: Suggestion.didYouMean(text, in: allowed) ?? "'id' compares keys with profile ids, 'name' with names and short names",
                                 field: "key.match")
                }
            }
        }
        guard let columnEntry = entries["column"] else {
            reader.error(node, "missing required key 'column' in 'key'", hint: "name the column that says which community a row is about", field: "key.column")
            return nil
        }
        guard let column = readColumn(columnEntry.value, field: "key.column", reader: &reader) else { return nil }
        return (column, match)
    }

    private func readColumn(_ node: Node, field: String, reader: inout NodeReader) -> SurveyMapping.ColumnReference? {
        guard let name = reader.text(node, field: field, length: 1...2000) else { return nil }
        return SurveyMapping.ColumnReference(name: name, location: reader.location(node))
    }

    private func readField(_ keyNode: Node, _ node: Node, reader: inout NodeReader) -> SurveyMapping.FieldMapping? {
        guard case .scalar(let scalar) = keyNode else {
            reader.error(keyNode, "keys must be plain text, found \(NodeReader.kind(of: keyNode))")
            return nil
        }
        let path = scalar.string
        guard let field = catalog[path] else {
            if let reason = SurveyFieldCatalog.notFromSurveys[path] {
                reader.error(keyNode, "'\(path)' cannot come from a survey: \(reason)", field: "fields.\(path)")
            } else {
                reader.error(keyNode, "unknown profile field '\(path)'",
                             hint: Suggestion.didYouMean(path, in: catalog.paths)
                                ?? "fields are dotted paths of profile-format.md, such as 'members.count' or 'staffing.volunteers'",
                             field: "fields.\(path)")
            }
            return nil
        }
        let prefix = "fields.\(path)"
        let place = "'\(prefix)'"
        var entries: [String: (key: Node, value: Node)] = [:]
        if case .scalar = node, !NodeReader.isEmptyValue(node) {
            reader.error(node, "'\(prefix)' must be a mapping with 'column' and 'aggregate', found a single value",
                         hint: "write '\(path): {column: \"…\", aggregate: \(field.defaultAggregate.rawValue)}'", field: prefix)
            return nil
        }
        guard let mapping = reader.mapping(node, field: prefix, expected: "a mapping with 'column' and 'aggregate'") else { return nil }
        entries = Self.entries(of: mapping, allowed: Self.fieldKeys, place: place, prefix: prefix, reader: &reader)
        guard let columnEntry = entries["column"] else {
            reader.error(node, "missing required key 'column' in \(place)", hint: "name the CSV column that feeds '\(path)'", field: "\(prefix).column")
            return nil
        }
        let column = readColumn(columnEntry.value, field: "\(prefix).column", reader: &reader)
        var valid = column != nil

        var aggregate = field.defaultAggregate
        if let node = entries["aggregate"]?.value {
            if let text = reader.text(node, field: "\(prefix).aggregate", length: 1...40) {
                if let value = Aggregate(rawValue: text) {
                    if field.aggregates.contains(value) {
                        aggregate = value
                    } else {
                        reader.error(node, "'\(text)' does not give a \(field.typeName), which '\(path)' is",
                                     hint: Self.aggregateHint(field), field: "\(prefix).aggregate")
                        valid = false
                    }
                } else {
                    reader.error(node, "unknown aggregate '\(text)'",
                                 hint: Suggestion.didYouMean(text, in: field.aggregates.map(\.rawValue))
                                    ?? Suggestion.didYouMean(text, in: Aggregate.allCases.map(\.rawValue)) ?? Self.aggregateHint(field),
                                 field: "\(prefix).aggregate")
                    valid = false
                }
            } else {
                valid = false
            }
        }

        var split: String?
        if let node = entries["split"]?.value {
            if let text = reader.scalarText(node, field: "\(prefix).split", expected: "text") {
                if text.isEmpty {
                    reader.error(node, "'\(prefix).split' is empty", hint: "give the text between answers, e.g. \", \"", field: "\(prefix).split")
                    valid = false
                } else if !field.isList {
                    reader.error(node, "'split' breaks a cell into several answers, but '\(path)' takes one \(field.typeName)",
                                 hint: "remove 'split'; only list fields such as 'tools' take several answers", field: "\(prefix).split")
                    valid = false
                } else {
                    split = text
                }
            } else {
                valid = false
            }
        }

        var values: [String: String]?
        var answers: [String] = []
        if let node = entries["values"]?.value {
            if let list = reader.mapping(node, field: "\(prefix).values", expected: "a mapping of answers to values") {
                var table: [String: String] = [:]
                var firstKey: [String: String] = [:]
                for (answerNode, targetNode) in list {
                    guard let answer = reader.scalarText(answerNode, field: "\(prefix).values", expected: "an answer"),
                          let target = reader.text(targetNode, field: "\(prefix).values", length: 1...500) else {
                        valid = false
                        continue
                    }
                    let folded = SurveyText.folded(answer)
                    if let earlier = firstKey[folded] {
                        reader.error(answerNode, "answer '\(answer)' is listed twice in '\(prefix).values' (as '\(earlier)' too)",
                                     hint: "answers are compared ignoring case and repeated spaces; keep one", field: "\(prefix).values")
                        valid = false
                        continue
                    }
                    if let problem = checkTarget(target, field: field) {
                        reader.report(problem, at: targetNode, field: "\(prefix).values")
                        valid = false
                        continue
                    }
                    firstKey[folded] = answer
                    table[folded] = target
                    answers.append(answer)
                }
                values = table
            } else {
                valid = false
            }
        }

        var other: String?
        if let node = entries["other"]?.value {
            if let text = reader.text(node, field: "\(prefix).other", length: 1...500) {
                if values == nil, entries["values"] == nil {
                    reader.error(node, "'other' takes the answers that 'values' does not list, but '\(prefix)' has no 'values'",
                                 hint: "add 'values:', or remove 'other'", field: "\(prefix).other")
                    valid = false
                } else if let problem = checkTarget(text, field: field) {
                    reader.report(problem, at: node, field: "\(prefix).other")
                    valid = false
                } else {
                    other = text
                }
            } else {
                valid = false
            }
        }
        guard valid, let column else { return nil }
        return SurveyMapping.FieldMapping(
            field: field, column: column, aggregate: aggregate, split: split, values: values, valueAnswers: answers, other: other,
            location: reader.location(keyNode))
    }

    /// What a `values` entry or `other` turns an answer into, checked where the mapping alone
    /// decides: breakdown categories and kinds of community.
    private func checkTarget(_ target: String, field: SurveyField) -> FieldProblem? {
        switch field.kind {
        case .breakdown(let categories):
            if case .failure(let problem) = ValueRules.category(target, field: field.path, categories: categories) { return problem }
        case .communityType:
            if case .failure(let problem) = ValueRules.communityType(target, field: field.path) { return problem }
        default:
            break
        }
        return nil
    }

    static func aggregateHint(_ field: SurveyField) -> String {
        let allowed = field.aggregates.map { "'\($0.rawValue)'" }
        return "'\(field.path)' takes " + (allowed.count == 1 ? allowed[0] : allowed.dropLast().joined(separator: ", ") + " or " + allowed.last!)
    }
}
