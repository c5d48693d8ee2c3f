import Foundation
import SheetCore
import Yams

/// Reads a template's `strings/` folder: one `LANG.yaml` per language, `en.yaml` required,
/// with the same diagnostics as every other file. Each language must give every key of the
/// catalogue (`StringCatalog`), each plural key in every plural category its language uses
/// (ICU's rules: `one` and `other` in English, six forms in Arabic, one in Japanese), with the
/// `{placeholders}` English uses; each language but English must translate every heading and
/// page title of `template.yaml` and every breakdown label. A missing key is an error at the
/// file and line of the table that lacks it.
public enum TemplateStringsLoader {
    public static let folderName = "strings"
    static let rootKeys = ["strings", "template", "labels"]

    /// The strings of the template in `directory`, whose `template.yaml` gave `template`.
    public static func load(directory: String, template: Template?) -> (strings: TemplateStrings?, diagnostics: [Diagnostic], sources: [String: String]) {
        let folder = (directory as NSString).appendingPathComponent(folderName)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        var diagnostics: [Diagnostic] = []
        var sources: [String: String] = [:]
        var tables: [String: TemplateStrings.Table] = [:]
        var english: TemplateStrings.Table?
        guard names.contains("\(TemplateStrings.reference).yaml") else {
            let file = (directory as NSString).appendingPathComponent(TemplateLoader.fileName)
            return (nil, [.error(
                at: SourceLocation(file: file, line: 1, column: 1), "the template has no '\(folderName)/\(TemplateStrings.reference).yaml'",
                hint: "a template's words are in \(folderName)/LANG.yaml beside template.yaml; copy templates/standard/\(folderName)")], [:])
        }
        // English first: the others are checked against it.
        for name in ["\(TemplateStrings.reference).yaml"] + names.filter({ $0 != "\(TemplateStrings.reference).yaml" }) {
            let language = String(name.dropLast(5)).lowercased()
            let file = (folder as NSString).appendingPathComponent(name)
            guard ScalarRules.isLanguageTag(language) else {
                diagnostics.append(.error(
                    at: SourceLocation(file: file, line: 1, column: 1), "'\(name)' is not named by a language tag",
                    hint: "name each strings file by its language, e.g. ja.yaml, pt.yaml, pt-BR.yaml"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                diagnostics.append(.error(at: SourceLocation(file: file, line: 1, column: 1), "cannot read '\(file)'"))
                continue
            }
            let (document, parseDiagnostics) = YAMLDocument.parse(data, file: file)
            diagnostics += parseDiagnostics
            guard let document, let root = document.root else { continue }
            sources[file] = document.text
            var reader = NodeReader(document: document)
            if let table = read(root, language: language, file: file, english: english, template: template, reader: &reader) {
                if language == TemplateStrings.reference { english = table }
                tables[language] = table
            }
            diagnostics += reader.diagnostics
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return (failed ? nil : TemplateStrings(tables: tables), diagnostics, sources)
    }

    static func read(
        _ root: Node, language: String, file: String, english: TemplateStrings.Table?, template: Template?, reader: inout NodeReader
    ) -> TemplateStrings.Table? {
        guard let mapping = reader.mapping(root, field: "strings file", expected: "a mapping with 'strings'") else { return nil }
        let entries = reader.entries(of: mapping, allowed: rootKeys, field: "strings file")
        let plurals = PluralRules(language: language)
        var strings: [String: TemplateStrings.Entry] = [:]
        let stringsNode = entries["strings"]?.value
        if let stringsNode, let table = reader.mapping(stringsNode, field: "strings", expected: "a mapping of keys to texts") {
            for (key, value) in table {
                guard let name = key.string else { continue }
                let field = "strings.\(name)"
                guard StringCatalog.all.contains(name) else {
                    reader.error(key, "unknown string '\(ScalarRules.shown(name))'",
                                 hint: Suggestion.didYouMean(name, in: StringCatalog.all.sorted()), field: field)
                    continue
                }
                let reference = english?.strings[name]
                if StringCatalog.plural.contains(name) {
                    if let forms = readPlural(value, field: field, rules: plurals, reference: reference, reader: &reader) { strings[name] = .plural(forms) }
                } else if let text = reader.text(value, field: field, length: 1...600) {
                    if let reference { checkPlaceholders(text, against: reference, node: value, field: field, reader: &reader) }
                    strings[name] = .text(text)
                }
            }
        }
        let missing = StringCatalog.all.subtracting(strings.keys).sorted()
        if !missing.isEmpty {
            reportMissing(missing, what: "string", at: stringsNode ?? root, section: "strings", english: { english?.strings[$0].map(Self.example) }, reader: &reader)
        }

        var translated: [String: String] = [:]
        let templateNode = entries["template"]?.value
        if let templateNode, let table = reader.mapping(templateNode, field: "template", expected: "a mapping of the template's English texts to translations") {
            for (key, value) in table {
                guard let text = key.string else { continue }
                if let translation = reader.text(value, field: "template.\(text)", length: 1...80) { translated[text] = translation }
            }
        }
        var labels: [String: String] = [:]
        let labelsNode = entries["labels"]?.value
        if let labelsNode, let table = reader.mapping(labelsNode, field: "labels", expected: "a mapping of category slugs to labels") {
            for (key, value) in table {
                guard let slug = key.string else { continue }
                if let label = reader.text(value, field: "labels.\(slug)", length: 1...40) { labels[slug] = label }
            }
        }
        if language != TemplateStrings.reference, let template {
            let texts = Set(template.translatableTexts)
            let untranslated = texts.subtracting(translated.keys).sorted()
            if !untranslated.isEmpty {
                reportMissing(untranslated, what: "translation of the template's text", at: templateNode ?? root, section: "template", english: { _ in nil }, reader: &reader)
            }
            for text in Set(translated.keys).subtracting(texts).sorted() {
                if let node = key(text, in: templateNode) {
                    reader.error(node, "'\(ScalarRules.shown(text))' is not a heading or page title of the template",
                                 hint: Suggestion.didYouMean(text, in: texts.sorted()), field: "template")
                }
            }
            let slugs = Set(template.labels.keys)
            let unlabelled = slugs.subtracting(labels.keys).sorted()
            if !unlabelled.isEmpty {
                reportMissing(unlabelled, what: "label", at: labelsNode ?? root, section: "labels", english: { template.labels[$0] }, reader: &reader)
            }
        }
        return TemplateStrings.Table(language: language, file: file, strings: strings, template: translated, labels: labels)
    }

    /// One error for the keys a table lacks, at the table (or the file's top): "missing 3
    /// strings in 'strings': 'footer.page' (English: 'Page {page} of {pages}'), …".
    static func reportMissing(
        _ keys: [String], what: String, at node: Node, section: String, english: (String) -> String?, reader: inout NodeReader
    ) {
        let shown = keys.prefix(5).map { key in "'\(key)'" + (english(key).map { " (English: '\($0)')" } ?? "") }
        let more = keys.count > 5 ? " and \(keys.count - 5) more" : ""
        reader.error(node, "missing \(keys.count == 1 ? "\(what)" : "\(keys.count) \(what)s") in '\(section)': \(shown.joined(separator: ", "))\(more)",
                     hint: "every language gives every key English has", field: section)
    }

    static func readPlural(
        _ node: Node, field: String, rules: PluralRules, reference: TemplateStrings.Entry?, reader: inout NodeReader
    ) -> [PluralCategory: String]? {
        let needed = rules.categories.sorted()
        guard let mapping = reader.mapping(node, field: field, expected: "a mapping of plural forms (\(needed.map(\.rawValue).joined(separator: ", ")))")
        else { return nil }
        let entries = reader.entries(of: mapping, allowed: PluralCategory.allCases.map(\.rawValue), field: field)
        var forms: [PluralCategory: String] = [:]
        for category in PluralCategory.allCases {
            guard let entry = entries[category.rawValue] else { continue }
            if let text = reader.text(entry.value, field: "\(field).\(category.rawValue)", length: 1...200) {
                if let reference { checkPlaceholders(text, against: reference, node: entry.value, field: field, reader: &reader) }
                forms[category] = text
            }
        }
        let missing = needed.filter { forms[$0] == nil }
        if !missing.isEmpty {
            reader.error(node, "'\(field)' lacks the plural form\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0.rawValue)'" }.joined(separator: ", ")) of '\(rules.language)'",
                         hint: "'\(rules.language)' uses \(needed.map(\.rawValue).joined(separator: ", "))", field: field)
        }
        return forms
    }

    /// The `{names}` in a text.
    static func placeholders(_ text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static func checkPlaceholders(_ text: String, against reference: TemplateStrings.Entry, node: Node, field: String, reader: inout NodeReader) {
        let expected: Set<String>
        switch reference {
        case .text(let english): expected = placeholders(english)
        case .plural(let forms): expected = placeholders(forms[.other] ?? "")
        }
        let found = placeholders(text)
        // A plural form may leave the count out ("a member" for one), nothing else.
        let missing = expected.subtracting(found).subtracting(["count"])
        let unknown = found.subtracting(expected)
        guard !missing.isEmpty || !unknown.isEmpty else { return }
        var parts: [String] = []
        if !missing.isEmpty { parts.append("lacks " + missing.sorted().map { "{\($0)}" }.joined(separator: ", ")) }
        if !unknown.isEmpty { parts.append("has " + unknown.sorted().map { "{\($0)}" }.joined(separator: ", ") + ", which English does not") }
        reader.error(node, "'\(field)' \(parts.joined(separator: " and "))",
                     hint: "English uses " + (expected.isEmpty ? "no placeholders" : expected.sorted().map { "{\($0)}" }.joined(separator: ", ")), field: field)
    }

    static func example(_ entry: TemplateStrings.Entry) -> String {
        switch entry {
        case .text(let text): text
        case .plural(let forms): forms[.other] ?? forms.values.first ?? ""
        }
    }

    static func key(_ text: String, in node: Node?) -> Node? {
        guard let node, case .mapping(let mapping) = node else { return nil }
        return mapping.first { $0.key.string == text }?.key
    }
}
