import Foundation
import SheetCore
import SheetLayout
import Testing

/// The template's words per language: every shipped language complete, a missing or wrong
/// entry an error at its file and line, plural forms chosen by ICU's rules, English and one
/// warning for a language the template does not translate.
@Suite("The template's words in the profile's language")
struct TemplateStringsTests {
    static let shipped = ["ar", "de", "en", "es", "fr", "ja", "pt"]

    @Test func everyShippedLanguageIsComplete() throws {
        let result = TemplateLoader.load(directory: LayoutFixture.repositoryRoot + "/templates/standard")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let template = try #require(result.template)
        #expect(template.strings.tables.keys.sorted() == Self.shipped)
        for (language, table) in template.strings.tables {
            #expect(Set(table.strings.keys) == StringCatalog.all, "\(language)")
            if language != "en" {
                #expect(Set(table.template.keys) == Set(template.translatableTexts), "\(language)")
                #expect(Set(table.labels.keys) == Set(template.labels.keys), "\(language)")
            }
        }
        // pt-BR and pt-PT share pt; an unknown region falls back to its language.
        #expect(template.strings.table(for: "pt-BR")?.language == "pt")
        #expect(template.strings.table(for: "ja-JP")?.language == "ja")
        #expect(template.strings.table(for: "sw") == nil)
    }

    /// A copy of the standard template with `edit` applied to one strings file.
    func loadEdited(_ language: String, _ edit: (String) -> String) throws -> (TemplateLoader.Result, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("strings-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: LayoutFixture.repositoryRoot + "/templates/standard", toPath: directory)
        let file = directory + "/strings/\(language).yaml"
        try edit(try String(contentsOfFile: file, encoding: .utf8)).write(toFile: file, atomically: true, encoding: .utf8)
        return (TemplateLoader.load(directory: directory), file)
    }

    func rendered(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { d in
            let place = d.location.map { "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column)" } ?? "-"
            return "\(place): \(d.severity == .error ? "error" : "warning"): \(d.message)"
        }
    }

    @Test func aMissingKeyIsAnErrorAtTheTableWithItsFileAndLine() throws {
        let (result, _) = try loadEdited("ja") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  footer.page:") }.joined(separator: "\n")
        }
        #expect(result.template == nil)
        #expect(rendered(result.diagnostics) == [
            "ja.yaml:3:3: error: missing string in 'strings': 'footer.page' (English: 'Page {page} of {pages}')",
        ])
    }

    @Test func aMissingHeadingTranslationAndLabelAreErrors() throws {
        let (result, _) = try loadEdited("de") { text in
            text.replacingOccurrences(of: "  Funding: Finanzierung\n", with: "").replacingOccurrences(of: "  grants: Fördermittel\n", with: "")
        }
        #expect(result.template == nil)
        let messages = rendered(result.diagnostics)
        #expect(messages.contains { $0.hasSuffix("error: missing translation of the template's text in 'template': 'Funding'") }, "\(messages)")
        #expect(messages.contains { $0.hasSuffix("error: missing label in 'labels': 'grants' (English: 'Grants')") }, "\(messages)")
    }

    @Test func aPluralNeedsEveryFormItsLanguageHas() throws {
        let (result, _) = try loadEdited("ar") { text in
            text.replacingOccurrences(of: "figures.volunteers: {zero: متطوع, one: متطوع, two: متطوعان, few: متطوعين, many: متطوعًا, other: متطوع}",
                                      with: "figures.volunteers: {one: متطوع, other: متطوع}")
        }
        #expect(rendered(result.diagnostics).contains {
            $0.hasSuffix("error: 'strings.figures.volunteers' lacks the plural forms 'zero', 'two', 'few', 'many' of 'ar'")
        }, "\(rendered(result.diagnostics))")
    }

    @Test func placeholdersMustBeEnglishOnes() throws {
        let (result, _) = try loadEdited("fr") { text in
            text.replacingOccurrences(of: "footer.page: Page {page} sur {pages}", with: "footer.page: Page {page} sur {total}")
        }
        #expect(rendered(result.diagnostics).contains {
            $0.hasSuffix("error: 'strings.footer.page' lacks {pages} and has {total}, which English does not")
        }, "\(rendered(result.diagnostics))")
    }

    @Test func anUnknownKeyIsAnErrorWithASuggestion() throws {
        let (result, _) = try loadEdited("es") { text in
            text.replacingOccurrences(of: "  footer.page:", with: "  footer.pages:")
        }
        #expect(result.diagnostics.contains { $0.message == "unknown string 'footer.pages'" && $0.hint == "did you mean 'footer.page'?" },
                "\(result.diagnostics.map { "\($0.message) \($0.hint ?? "")" })")
    }

    @Test func pluralFormsFollowICUsRules() throws {
        let template = try LayoutFixture.template()
        let arabic = template.sheetStrings(for: "ar", numbers: NumberText(language: "ar")).strings
        let forms = [0, 1, 2, 3, 10, 11, 99, 100, 1100].map { arabic.text("figures.members", count: $0) }
        #expect(forms == ["عضو", "عضو", "عضوان", "أعضاء", "أعضاء", "عضوًا", "عضوًا", "عضو", "عضو"])
        let english = template.sheetStrings(for: "en", numbers: NumberText(language: "en")).strings
        #expect(english.text("figures.members", count: 1) == "member")
        #expect(english.text("figures.members", count: 2) == "members")
        #expect(english.text("suppressed.reason", count: 5) == "fewer than 5 responses")
        let french = template.sheetStrings(for: "fr", numbers: NumberText(language: "fr")).strings
        #expect(french.text("figures.active-detail", count: 1100, ["share": "22 %"]) == "dont 1\u{202F}100 actifs (22 %)")
        #expect(french.text("figures.members", count: 0) == "membre")
        let japanese = template.sheetStrings(for: "ja", numbers: NumberText(language: "ja")).strings
        #expect(japanese.text("footer.page", ["page": "1", "pages": "3"]) == "1 / 3 ページ")
        #expect(PluralRules(language: "ja").categories == [.other])
        #expect(PluralRules(language: "ar").categories == Set(PluralCategory.allCases))
    }

    @Test func aSheetIsInItsProfilesLanguage() throws {
        var profile = LayoutFixture.rich()
        profile.language = "pt-BR"
        let result = try LayoutFixture.layout(profile)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let texts = result.document.pages.flatMap { page in page.frame.flattened().compactMap { placed -> String? in
            if case .text(let text) = placed.item { return text.block.plainText } else { return nil }
        } }
        #expect(texts.contains("Página 1 de 2"))
        #expect(texts.contains("1.200"))
        #expect(texts.contains("membros"))
        #expect(result.document.pages.map(\.title) == ["Visão geral", "Atividades e resultados"])
    }

    @Test func anUntranslatedLanguageGetsEnglishAndOneWarning() throws {
        var profile = LayoutFixture.rich()
        profile.language = "sw"
        profile.origins["language"] = .profile(SourceLocation(file: "profiles/demo.yaml", line: 4, column: 11))
        let result = try LayoutFixture.layout(profile)
        #expect(rendered(result.diagnostics) == [
            "demo.yaml:4:11: warning: the template has no words in 'sw'; the sheet's headings and labels are in English",
        ])
        let texts = result.document.pages.flatMap { page in page.frame.flattened().compactMap { placed -> String? in
            if case .text(let text) = placed.item { return text.block.plainText } else { return nil }
        } }
        #expect(texts.contains("Page 1 of 2"))
    }

    @Test func theRunsLanguageOverridesTheProfiles() throws {
        var options = LayoutFixture.options
        options.language = "ja"
        let result = SheetLayoutEngine(template: try LayoutFixture.template(), measurer: FixedMetricMeasurer())
            .layout(LayoutFixture.rich(), taxonomy: LayoutFixture.taxonomy, options: options)
        #expect(result.diagnostics.isEmpty)
        #expect(result.document.pages.first?.title == "概要")
    }
}
