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

    @Test func diagnosticsAreSortedByFileAndPosition() {
        let a = Diagnostic.error(at: SourceLocation(file: "b.yaml", line: 1, column: 1), "x")
        let b = Diagnostic.error(at: SourceLocation(file: "a.yaml", line: 9, column: 1), "y")
        let c = Diagnostic.error(at: SourceLocation(file: "a.yaml", line: 2, column: 5), "z")
        #expect([a, b, c].sorted().map(\.message) == ["z", "y", "x"])
    }
}
