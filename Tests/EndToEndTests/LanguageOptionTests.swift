import Foundation
import TestSupport
import Testing

/// `build --language TAG` (cli.md): the template's words of a whole collection in one
/// language; a language the template does not translate warns once for the run; not a tag is a
/// usage error.
@Suite("--language end to end", .serialized)
struct LanguageOptionTests {
    func build(_ root: String, _ extra: [String]) throws -> CommandRunner.Output {
        try CommandRunner.profilesheet(
            ["build", "--profiles", CommandRunner.repositoryRoot + "/profiles", "--template", CommandRunner.repositoryRoot + "/templates/standard",
             "--output", root + "/output"] + extra,
            timeout: 240)
    }

    @Test func theRunsLanguageGivesEverySheetItsWords() throws {
        let root = try CommandRunner.temporaryDirectory()
        let output = try build(root, ["--language", "ja", "cscce", "biodados-abertos"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(!output.stderr.contains("has no words"), "\(output.stderr)")
        for id in ["cscce", "biodados-abertos"] {
            let text = try CommandRunner.run("pdftotext", ["-layout", root + "/output/\(id).pdf", "-"])
            // The figures' labels and the footer (the band's label is letter-spaced, which
            // pdftotext splits).
            #expect(text.stdout.contains("会員"), "\(id): \(text.stdout.prefix(400))")
            #expect(text.stdout.contains("1 / 2 ページ") || text.stdout.contains("1 / 3 ページ"), "\(id): \(text.stdout.prefix(400))")
        }
    }

    @Test func anUntranslatedRunLanguageWarnsOnceForTheRun() throws {
        let root = try CommandRunner.temporaryDirectory()
        let output = try build(root, ["--language", "sw", "cscce", "us-rse", "biodados-abertos"])
        #expect(output.status == 0, "\(output.stderr)")
        let warnings = output.stderr.components(separatedBy: "\n").filter { $0.contains("has no words") }
        #expect(warnings == ["warning: the template has no words in 'sw'; the sheet's headings and labels are in English"], "\(output.stderr)")
        #expect(output.stderr.contains("hint: the template 'Standard sheet' translates ar, de, en, es, fr, ja, pt; add strings/sw.yaml to it"))
    }

    @Test func notALanguageTagIsAUsageError() throws {
        let root = try CommandRunner.temporaryDirectory()
        let output = try build(root, ["--language", "pt BR"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("--language must be a BCP 47 language tag such as 'en', 'ja' or 'pt-BR', found 'pt BR'"), "\(output.stderr)")
    }
}
