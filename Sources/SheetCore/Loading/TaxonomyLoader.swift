import Foundation
import Yams

/// Reads `taxonomy.yaml`: `format: 1` and `keywords:`, a mapping of slug to label.
public enum TaxonomyLoader {
    public struct Result: Sendable {
        public var taxonomy: Taxonomy
        public var diagnostics: [Diagnostic]
        public var source: String?
    }

    /// The taxonomy at `file`; an empty one, without a diagnostic, when there is no such file.
    public static func load(file: String) -> Result {
        guard FileManager.default.fileExists(atPath: file) else {
            return Result(taxonomy: .empty, diagnostics: [], source: nil)
        }
        switch BoundedFile.read(file, limit: YAMLDocument.maximumFileSize) {
        case .success(let data): return load(data: data, file: file)
        case .failure(let problem):
            return Result(taxonomy: .unusable(file: file), diagnostics: [YAMLDocument.fileProblem(problem, file: file)], source: nil)
        }
    }

    public static func load(data: Data, file: String) -> Result {
        let (document, parseDiagnostics) = YAMLDocument.parse(data, file: file)
        guard let document, let root = document.root else {
            var diagnostics = parseDiagnostics
            if document != nil {
                diagnostics.append(.error(at: SourceLocation(file: file, line: 1, column: 1), "the taxonomy is empty", hint: "write 'format: 1' and 'keywords:'"))
            }
            return Result(taxonomy: .unusable(file: file), diagnostics: diagnostics, source: data.count <= YAMLDocument.maximumFileSize ? TextDecoding.lossy(data) : nil)
        }
        var reader = NodeReader(document: document)
        var keywords: [(slug: String, label: String)] = []
        var invalidEntries: [String: SourceLocation] = [:]
        var wholeFileErrors = false
        var translations: [String: [String: String]] = [:]
        if let mapping = reader.mapping(root, field: "taxonomy", expected: "a mapping") {
            let entries = reader.entries(of: mapping, allowed: ["format", "keywords"], field: "taxonomy")
            if let format = entries["format"] {
                if let value = reader.integer(format.value, field: "format", range: 1...Int.max), value != 1 {
                    reader.error(format.value, "unsupported format \(value)", hint: "this version of profilesheet reads format 1", field: "format")
                }
            } else {
                reader.error(root, "missing required key 'format'", hint: "add 'format: 1'", field: "format")
            }
            // Errors so far concern the file as a whole; those of single entries come below.
            wholeFileErrors = reader.diagnostics.hasErrors
            if let entry = entries["keywords"], let list = reader.mapping(entry.value, field: "keywords", expected: "a mapping of keyword slugs to labels") {
                for (key, value) in list {
                    guard case .scalar(let scalar) = key, ScalarRules.isSlug(scalar.string) else {
                        let slug = ScalarRules.slugified(key.string ?? "")
                        reader.error(key, "keyword '\(ScalarRules.shown(key.string ?? ""))' must be a slug of lowercase letters, digits and hyphens",
                                     hint: slug.isEmpty ? nil : "for example '\(ScalarRules.shown(slug))'", field: "keywords")
                        continue
                    }
                    let field = "keywords.\(scalar.string)"
                    // A label per language: `{en: Open data, ja: オープンデータ}`; another language
                    // falls back to English, else to the first label (profile-format.md). An entry
                    // with a label that breaks a rule is left out: only profiles that use it fail.
                    if case .mapping(let perLanguage) = value {
                        var labels: [String: String] = [:]
                        var first: String?
                        var broken = false
                        for (languageKey, text) in perLanguage {
                            guard let tag = languageKey.string, ScalarRules.isLanguageTag(tag) else {
                                reader.error(languageKey, "'\(ScalarRules.shown(languageKey.string ?? ""))' in '\(field)' is not a language tag",
                                             hint: "write one label per language, e.g. {en: Open data, ja: オープンデータ}", field: field)
                                broken = true
                                continue
                            }
                            guard let label = reader.text(text, field: "\(field).\(tag)", length: 1...60) else {
                                broken = true
                                continue
                            }
                            labels[tag.lowercased()] = label
                            if first == nil { first = label }
                        }
                        guard !broken, let fallback = labels["en"] ?? first else {
                            if !broken {
                                reader.error(value, "'\(field)' gives no label", hint: "write one label per language, e.g. {en: Open data, ja: オープンデータ}", field: field)
                            }
                            invalidEntries[scalar.string] = reader.location(key)
                            continue
                        }
                        keywords.append((scalar.string, fallback))
                        translations[scalar.string] = labels
                        continue
                    }
                    guard let label = reader.text(value, field: field, length: 1...60) else {
                        invalidEntries[scalar.string] = reader.location(key)
                        continue
                    }
                    keywords.append((scalar.string, label))
                }
            } else {
                wholeFileErrors = true
                if entries["keywords"] == nil {
                    reader.error(root, "missing required key 'keywords'", hint: "add 'keywords:' with one 'slug: Label' line per keyword", field: "keywords")
                }
            }
        } else {
            wholeFileErrors = true
        }
        let diagnostics = parseDiagnostics + reader.diagnostics
        return Result(
            taxonomy: wholeFileErrors || parseDiagnostics.hasErrors
                ? .unusable(file: file)
                : Taxonomy(keywords: keywords, translations: translations, file: file, invalidEntries: invalidEntries),
            diagnostics: diagnostics, source: document.text)
    }
}
