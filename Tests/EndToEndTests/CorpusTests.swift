import Foundation
import SheetCore
import SheetPipeline
import TestSupport
import Testing

/// The diagnostic corpus in `Tests/Corpus/`: every invalid input with the exact text the tool
/// prints for it, and valid edge cases that must pass.
///
/// - `invalid/NAME.yaml` is a profile; `invalid/NAME.expected` holds its rendered diagnostics
///   (file, line, column, message, caret line, hint), paths relative to `Tests/Corpus/`. A case
///   without its `.expected`, or an `.expected` without its case, fails.
/// - Cases too big or too odd to commit (100 000 nesting levels, a 2 MiB file, a FIFO) are
///   written by `GeneratedCase` at run time; only their `.expected` is committed.
/// - `valid/*.yaml` must pass with no diagnostic at all.
///
/// The whole corpus is validated the way `profilesheet validate --profiles DIR` does it, in one
/// run per folder (load, survey merge, checks, layout with Pango, image decoding), on a copy in
/// a temporary folder. `CORPUS_RECORD=1 swift test --filter CorpusTests` rewrites the
/// `.expected` files from the current output, for review with `git diff`.
@Suite("Diagnostic corpus")
struct CorpusTests {
    static let corpus = CommandRunner.repositoryRoot + "/Tests/Corpus"

    /// A case written at run time, from its name.
    enum GeneratedCase: String, CaseIterable {
        case nestingFlow = "hostile-nesting-flow"
        case nestingBlock = "hostile-nesting-block"
        case nestingFlowMapping = "hostile-nesting-flow-mapping"
        case hugeFile = "hostile-huge-file"
        case hugeScalar = "hostile-huge-scalar"
        case tooManyValues = "hostile-too-many-values"
        case fifoProfile = "hostile-fifo-profile"
        case fifoLogo = "hostile-fifo-logo"

        static let header = "format: 1\nid: %@\nname: Demo Community\ntype: network\nperiod: 2025\nmission: Help people help each other.\nprogramming:\n  convey: [Monthly newsletter]\n"

        var profileHeader: String { Self.header.replacingOccurrences(of: "%@", with: rawValue) }

        func write(into folder: String) throws {
            let path = folder + "/" + rawValue + ".yaml"
            let depth = 100_000
            switch self {
            case .nestingFlow:
                try write(profileHeader + "tools: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n", to: path)
            case .nestingBlock:
                try write(profileHeader + "tools:\n" + String(repeating: "- ", count: depth) + "x\n", to: path)
            case .nestingFlowMapping:
                try write(profileHeader + "structure: " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth) + "\n", to: path)
            case .hugeFile:
                try write(profileHeader + "narrative: " + String(repeating: "x", count: 2 << 20) + "\n", to: path)
            case .hugeScalar:
                // Just under the file limit: read, and refused for its length.
                try write(profileHeader + "short_name: " + String(repeating: "x", count: 1_000_000) + "\n", to: path)
            case .tooManyValues:
                try write(profileHeader + "tools: [" + Array(repeating: "a", count: 30_000).joined(separator: ",") + "]\n", to: path)
            case .fifoProfile:
                guard mkfifo(path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
            case .fifoLogo:
                try write(profileHeader + "logo: logos/fifo.png\n", to: path)
                guard mkfifo(folder + "/logos/fifo.png", 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
            }
        }

        private func write(_ text: String, to path: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    /// The rendered diagnostics of every file of a folder, keyed by file name without `.yaml`.
    struct Outcome: Sendable {
        var rendered: [String: String] = [:]
        var errors: [String: Int] = [:]
        var warnings: [String: Int] = [:]
        /// Diagnostics of no case file (the run, the taxonomy): should be none.
        var other = ""
        var failure: String?
    }

    /// The corpus copied to a temporary folder, with the generated cases written into it.
    static let workspace: Result<String, CocoaError> = {
        do {
            // Removed when the test process exits.
            let root = try CommandRunner.temporaryDirectory()
            try FileManager.default.copyItem(atPath: corpus, toPath: root + "/Corpus")
            for generated in GeneratedCase.allCases { try generated.write(into: root + "/Corpus/invalid") }
            return .success(root + "/Corpus")
        } catch {
            return .failure(CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(error)"]))
        }
    }()

    static func validate(_ folder: String) -> Outcome {
        run(folder, building: false)
    }

    /// The diagnostics of `validate`, or of `build` (which checks images by decoding them for
    /// painting rather than on their own) into a separate output folder.
    static func run(_ folder: String, building: Bool) -> Outcome {
        var outcome = Outcome()
        let base: String
        switch workspace {
        case .success(let path): base = path
        case .failure(let error):
            outcome.failure = "\(error)"
            return outcome
        }
        let configuration = RunConfiguration(
            profilesDirectory: base + "/" + folder, templateDirectory: CommandRunner.repositoryRoot + "/templates/standard",
            outputDirectory: base + (building ? "/output-built-" : "/output-") + folder, currentYear: 2026)
        let run = SheetRun(configuration: configuration)
        let report = building ? run.build([]) : run.validate([])
        if let failure = report.failure { outcome.failure = "\(failure)" }
        let renderer = DiagnosticRenderer(format: .text, sources: ReportSources(kept: report.sources))
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in report.diagnostics {
            byFile[diagnostic.location?.file ?? "", default: []].append(diagnostic)
        }
        let prefix = base + "/" + folder + "/"
        for (file, diagnostics) in byFile {
            let text = renderer.render(diagnostics).replacingOccurrences(of: base + "/", with: "")
            if file.hasPrefix(prefix), file.hasSuffix(".yaml"), !file.hasSuffix("/taxonomy.yaml") {
                let name = String(file.dropFirst(prefix.count).dropLast(".yaml".count))
                outcome.rendered[name] = text
                outcome.errors[name] = diagnostics.errorCount
                outcome.warnings[name] = diagnostics.warningCount
            } else {
                outcome.other += text
            }
        }
        return outcome
    }

    static let invalid = validate("invalid")
    static let valid = validate("valid")
    static let invalidBuilt = run("invalid", building: true)

    /// Names of the committed files of a corpus folder with `suffix`, without it.
    static func names(in folder: String, suffix: String) -> Set<String> {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: corpus + "/" + folder)) ?? []
        return Set(files.filter { $0.hasSuffix(suffix) && $0 != "taxonomy.yaml" }.map { String($0.dropLast(suffix.count)) })
    }

    /// Every invalid case: committed or generated profiles, and `.expected` files (so that one
    /// without its profile is a failing case too).
    static let invalidNames: [String] = names(in: "invalid", suffix: ".yaml")
        .union(GeneratedCase.allCases.map(\.rawValue))
        .union(names(in: "invalid", suffix: ".expected"))
        .sorted()

    static let validNames: [String] = names(in: "valid", suffix: ".yaml").sorted()

    @Test func theCorpusIsComplete() {
        #expect(Self.invalidNames.count >= 80)
        #expect(Self.validNames.count >= 10)
        #expect(Self.invalid.failure == nil)
        #expect(Self.invalid.other.isEmpty, "diagnostics outside the cases: \(Self.invalid.other)")
    }

    @Test(arguments: invalidNames)
    func invalidInput(_ name: String) throws {
        let expectedPath = Self.corpus + "/invalid/" + name + ".expected"
        let actual = Self.invalid.rendered[name] ?? ""
        if ProcessInfo.processInfo.environment["CORPUS_RECORD"] == "1" {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: expectedPath))
        }
        let isCase = FileManager.default.fileExists(atPath: Self.corpus + "/invalid/" + name + ".yaml")
            || GeneratedCase(rawValue: name) != nil
        #expect(isCase, "\(name).expected has no \(name).yaml and is not generated")
        guard let expected = FileManager.default.contents(atPath: expectedPath) else {
            Issue.record("missing Tests/Corpus/invalid/\(name).expected; its output is:\n\(actual)")
            return
        }
        #expect(actual == String(decoding: expected, as: UTF8.self))
        #expect((Self.invalid.errors[name] ?? 0) + (Self.invalid.warnings[name] ?? 0) > 0, "\(name) is no invalid input")
    }

    /// `build` reports exactly what `validate` does for every case, images included (it decodes
    /// them at the size the PDF needs and keeps them for painting).
    @Test func buildReportsWhatValidateReports() {
        #expect(Self.invalidBuilt.failure == nil)
        for name in Self.invalidNames {
            #expect(Self.invalidBuilt.rendered[name] == Self.invalid.rendered[name], "\(name)")
        }
    }

    @Test(arguments: validNames)
    func validInput(_ name: String) {
        #expect(Self.valid.failure == nil)
        #expect(Self.valid.rendered[name] == nil, "\(Self.valid.rendered[name] ?? "")")
    }

    /// Two files with one id meet only when named from different folders, so this check has
    /// no case in the corpus folder; its output is pinned here and in docs/checks.md.
    static func duplicateIDOutput() throws -> String {
        let root = NSTemporaryDirectory() + "profilesheet-duplicate-id-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            let text = GeneratedCase.header.replacingOccurrences(of: "%@", with: "demo")
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + folder + "/demo.yaml"))
        }
        let configuration = RunConfiguration(
            profilesDirectory: root + "/a", templateDirectory: CommandRunner.repositoryRoot + "/templates/standard",
            outputDirectory: root + "/output", currentYear: 2026)
        let report = SheetRun(configuration: configuration).validate([root + "/a/demo.yaml", root + "/b/demo.yaml"])
        return DiagnosticRenderer(format: .text, sources: ReportSources(kept: report.sources)).render(report.diagnostics)
            .replacingOccurrences(of: root + "/", with: "")
    }

    static let duplicateIDExpected = """
        b/demo.yaml:2:5: error: id 'demo' is already used by 'a/demo.yaml'
        2 | id: demo
          |     ^
        hint: ids must be unique in a run

        """

    @Test func duplicateIDsAreReportedAtTheSecond() throws {
        #expect(try Self.duplicateIDOutput() == Self.duplicateIDExpected)
    }

    /// docs/checks.md quotes corpus outputs after `<!-- corpus: NAME -->` (the whole `.expected`)
    /// or `<!-- corpus: NAME (excerpt) -->` (a part of it), and `<!-- example: duplicate-id -->`.
    @Test func theChecksPageQuotesTheCorpusExactly() throws {
        let path = CommandRunner.repositoryRoot + "/docs/checks.md"
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        var out: [String] = []
        var index = 0
        var examples = 0
        let record = ProcessInfo.processInfo.environment["CORPUS_RECORD"] == "1"
        while index < lines.count {
            let line = lines[index]
            out.append(line)
            index += 1
            guard line.hasPrefix("<!-- corpus: ") || line == "<!-- example: duplicate-id -->", line.hasSuffix(" -->") else { continue }
            var spec = line.dropFirst(line.hasPrefix("<!-- corpus: ") ? "<!-- corpus: ".count : 0).dropLast(" -->".count)
            let excerpt = spec.hasSuffix(" (excerpt)")
            if excerpt { spec = spec.dropLast(" (excerpt)".count) }
            let expected: String
            if line.hasPrefix("<!-- example: ") {
                expected = Self.duplicateIDExpected
            } else {
                let file = Self.corpus + "/invalid/" + spec + ".expected"
                guard let data = FileManager.default.contents(atPath: file) else {
                    Issue.record("docs/checks.md quotes '\(spec)', which has no .expected")
                    continue
                }
                expected = String(decoding: data, as: UTF8.self)
            }
            guard index < lines.count, lines[index] == "```text", let end = lines[index...].dropFirst().firstIndex(of: "```") else {
                Issue.record("docs/checks.md: no ```text block after \(line)")
                continue
            }
            let block = lines[(index + 1)..<end].joined(separator: "\n") + "\n"
            examples += 1
            if excerpt {
                #expect(expected.contains(block), "docs/checks.md: the excerpt of \(spec) is not in its .expected")
                out += lines[index...end]
            } else {
                if record {
                    out += ["```text"] + expected.dropLast().components(separatedBy: "\n") + ["```"]
                } else {
                    #expect(block == expected, "docs/checks.md: the example of \(spec) differs from its .expected")
                    out += lines[index...end]
                }
            }
            index = end + 1
        }
        #expect(examples >= 100)
        if record { try out.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8) }
    }

    @Test func validCasesLeaveNothingElse() {
        #expect(Self.valid.other.isEmpty, "\(Self.valid.other)")
    }
}
