import Foundation
import SheetCore
import Testing

@Suite("Rendered diagnostics")
struct DiagnosticRenderingTests {
    @Test func unknownKeyWithCaretAndHint() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let text = ProfileFixture.minimal(extra: "websit: https://example.org")
        #expect(try fixture.rendered(text) == """
            demo.yaml:9:1: error: unknown key 'websit' in a profile
            9 | websit: https://example.org
              | ^
            hint: did you mean 'website'?

            """)
    }

    @Test func caretSitsUnderWideCharacters() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let text = ProfileFixture.minimal(extra: "tools: [日本語, 0x]\nfounded: 日本")
        #expect(try fixture.rendered(text) == """
            demo.yaml:10:10: error: 'founded' must be a whole number, found '日本'
            10 | founded: 日本
               |          ^
            hint: write a whole number in decimal digits, such as 42

            """)
    }

    /// A value holding a right-to-left override (U+202E) is quoted escaped and its source line
    /// printed without it, so that neither prints reversed and the caret stays under its column.
    @Test func bidirectionalOverridesInValuesAreEscaped() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let text = ProfileFixture.minimal(extra: "founded: 20\u{202E}21x")
        #expect(try fixture.rendered(text) == #"""
            demo.yaml:9:10: error: 'founded' must be a whole number, found '20\u{202E}21x'
            9 | founded: 2021x
              |          ^
            hint: write a whole number in decimal digits, such as 42

            """#)
    }

    @Test func jsonAndGithubFormats() {
        let diagnostic = Diagnostic.error(
            at: SourceLocation(file: "profiles/a.yaml", line: 3, column: 7), "unknown key 'nmae'", hint: "did you mean 'name'?")
        let json = DiagnosticRenderer(format: .json).render([diagnostic])
        #expect(json == """
            [{"severity": "error", "file": "profiles/a.yaml", "line": 3, "column": 7, "message": "unknown key 'nmae'", "hint": "did you mean 'name'?"}]

            """)
        let github = DiagnosticRenderer(format: .github).render([diagnostic])
        #expect(github == "::error file=profiles/a.yaml,line=3,col=7::unknown key 'nmae'%0Ahint: did you mean 'name'?\n")
        #expect(DiagnosticRenderer(format: .json).render([]) == "[]\n")
    }

    /// `--diagnostics json` and the Codable encoding the manifest stores are one shape: the same
    /// keys with the same values, `null` for a missing position or hint, `field` only when set.
    @Test func theRendererAndTheCodableEncodingWriteOneShape() throws {
        let diagnostics = [
            Diagnostic.error(at: SourceLocation(file: "p/a.yaml", line: 3, column: 7), "unknown key 'nmae'", hint: "did you mean 'name'?", field: "name"),
            Diagnostic.warning(at: nil, "a run-level warning"),
            Diagnostic.warning(at: SourceLocation(file: "s.csv", line: 0, column: 0), "whole file"),
        ]
        for diagnostic in diagnostics {
            let rendered = DiagnosticRenderer(format: .json).render([diagnostic])
            let fromRenderer = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [[String: Any]]).first
            let encoded = try JSONEncoder().encode(diagnostic)
            let fromCodable = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
            #expect(NSDictionary(dictionary: try #require(fromRenderer)) == NSDictionary(dictionary: fromCodable))
            #expect(try JSONDecoder().decode(Diagnostic.self, from: Data(rendered.dropFirst().dropLast(2).utf8)) == diagnostic)
        }
        let noPosition = String(decoding: try JSONEncoder().encode(diagnostics[1]), as: UTF8.self)
        #expect(noPosition.contains(#""file":null"#) && noPosition.contains(#""hint":null"#) && !noPosition.contains("field"))
    }

    @Test func diagnosticsAreSortedByFileAndPosition() {
        let a = Diagnostic.error(at: SourceLocation(file: "b.yaml", line: 1, column: 1), "x")
        let b = Diagnostic.error(at: SourceLocation(file: "a.yaml", line: 9, column: 1), "y")
        let c = Diagnostic.error(at: SourceLocation(file: "a.yaml", line: 2, column: 5), "z")
        #expect([a, b, c].sorted().map(\.message) == ["z", "y", "x"])
    }
    /// A file named with an escape sequence and a line break (from a pull request) is printed
    /// escaped: it cannot colour the terminal or print a line that reads as another diagnostic.
    @Test func controlCharactersInFileNamesAreEscaped() {
        let file = "profiles/a\u{1B}[31mred\nprofiles/b.yaml:1:1: error: forged.yaml"
        let diagnostics: [Diagnostic] = [
            .error(at: SourceLocation(file: file, line: 2, column: 5), "'id' is 'a' but the file is named '\u{1B}[2J'", hint: "rename\r it\u{2028}"),
            .error(at: SourceLocation(file: "profiles/bell\u{7}.yaml", line: 0, column: 0), "cannot read the file: it does not exist"),
        ]
        #expect(DiagnosticRenderer(format: .text).render(diagnostics) == #"""
            profiles/a\u{1B}[31mred\nprofiles/b.yaml:1:1: error: forged.yaml:2:5: error: 'id' is 'a' but the file is named '\u{1B}[2J'
            hint: rename\r it\u{2028}
            profiles/bell\u{7}.yaml: error: cannot read the file: it does not exist

            """#)
        #expect(DiagnosticRenderer(format: .github).render([diagnostics[1]]) == "::error file=profiles/bell\\u{7}.yaml::cannot read the file: it does not exist\n")
    }

    /// A file named with bidirectional formatting characters (`a\u{202E}lmay.exe` prints as
    /// `aexe.yaml`) is printed escaped, in the text and GitHub formats alike.
    @Test func bidirectionalFormattingInFileNamesIsEscaped() {
        let diagnostic = Diagnostic.error(
            at: SourceLocation(file: "profiles/a\u{202E}lmay.exe", line: 0, column: 0), "cannot read the file: \u{2066}x\u{2069}\u{200F}")
        #expect(DiagnosticRenderer(format: .text).render([diagnostic]) == #"""
            profiles/a\u{202E}lmay.exe: error: cannot read the file: \u{2066}x\u{2069}\u{200F}

            """#)
        #expect(DiagnosticRenderer(format: .github).render([diagnostic]) == #"""
            ::error file=profiles/a\u{202E}lmay.exe::cannot read the file: \u{2066}x\u{2069}\u{200F}

            """#)
        #expect(ScalarRules.shown("\u{61C}ab\u{200E}", limit: 2) == #"\u{61C}a…"#)
    }
}
