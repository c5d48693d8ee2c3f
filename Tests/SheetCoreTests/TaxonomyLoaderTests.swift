import Foundation
import SheetCore
import Testing

@Suite("Loading the taxonomy")
struct TaxonomyLoaderTests {
    func rendered(_ text: String) -> (String, Taxonomy) {
        let result = TaxonomyLoader.load(data: Data(text.utf8), file: "taxonomy.yaml")
        var sources = SourceTextStore()
        if let source = result.source { sources.add(file: "taxonomy.yaml", text: source) }
        return (DiagnosticRenderer(format: .text, sources: sources).render(result.diagnostics), result.taxonomy)
    }

    @Test func everyProblemAtItsPlace() {
        let (output, taxonomy) = rendered("""
            keywords:
              research-software: Research software
              Open Science: Open science
              training: "Train\\ting"
            """)
        #expect(output == """
            taxonomy.yaml:1:1: error: missing required key 'format'
            1 | keywords:
              | ^
            hint: add 'format: 1'
            taxonomy.yaml:3:3: error: keyword 'Open Science' must be a slug of lowercase letters, digits and hyphens
            3 |   Open Science: Open science
              |   ^
            hint: for example 'open-science'
            taxonomy.yaml:4:19: error: 'keywords.training' contains the control character U+0009
            4 |   training: "Train\\ting"
              |                   ^
            hint: only line breaks are allowed in text; remove it

            """)
        #expect(taxonomy.slugs.isEmpty)
    }

    @Test func duplicateKeywordsAndAliasesAreRefusedBeforeReading() {
        let (output, _) = rendered("format: 1\nkeywords:\n  a: &x A\n  a: *x\n")
        #expect(output == """
            taxonomy.yaml:3:6: error: anchors and aliases are not allowed
            3 |   a: &x A
              |      ^
            hint: write the value out in full where it is used; '*x' uses it 1 time
            taxonomy.yaml:4:3: error: duplicate key 'a'
            4 |   a: *x
              |   ^
            hint: the key is already set on line 3; keep one of the two

            """)
    }

    @Test func anEntryThatBreaksARuleIsLeftOutAlone() {
        let (output, taxonomy) = rendered("format: 1\nkeywords:\n  training: Training\n  mentoring: \(String(repeating: "m", count: 61))\n")
        #expect(output.hasPrefix("taxonomy.yaml:4:14: error: 'keywords.mentoring' is too long: 61 characters\n"), "\(output)")
        #expect(taxonomy.slugs == ["training"])
        #expect(taxonomy.invalidEntries == ["mentoring": SourceLocation(file: "taxonomy.yaml", line: 4, column: 3)])
        #expect(taxonomy.refusal(of: "training", shown: "training") == nil)
        #expect(taxonomy.refusal(of: "mentoring", shown: "mentoring")?.message == "keyword 'mentoring' has an invalid entry in the taxonomy")
        #expect(taxonomy.refusal(of: "mentoring", shown: "mentoring")?.hint
            == "its entry at taxonomy.yaml:4:3 breaks a rule (reported there); once it is fixed the keyword is accepted")
        #expect(taxonomy.refusal(of: "mentorin", shown: "mentorin")?.message == "keyword 'mentorin' is not in the taxonomy")
    }

    @Test func aTaxonomyWithErrorsAsAWholeSaysSoToTheProfiles() {
        let (_, taxonomy) = rendered("format: 2\nkeywords:\n  training: Training\n")
        #expect(taxonomy.slugs.isEmpty)
        #expect(taxonomy.refusal(of: "training", shown: "training")?.hint
            == "taxonomy.yaml has errors (reported there), so no keywords are accepted until they are fixed")
        #expect(Taxonomy.empty.refusal(of: "training", shown: "training")?.hint
            == "there is no taxonomy.yaml in the profiles folder, so no keywords are accepted")
    }
}
