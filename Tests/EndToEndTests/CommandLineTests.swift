import Foundation
import TestSupport
import Testing

/// Exit statuses and diagnostics of the binary (cli.md).
@Suite("Command line end to end")
struct CommandLineTests {
    func scratchProfiles(_ files: [String: String]) throws -> String {
        let root = try CommandRunner.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: root + "/profiles", withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: root + "/profiles/" + name, atomically: true, encoding: .utf8) }
        return root
    }

    static let valid = """
        format: 1
        id: demo
        name: Demo Community
        type: network
        period: 2025
        mission: Help people help each other.
        programming:
          convey: [Monthly newsletter]

        """

    func arguments(_ root: String, _ command: String) -> [String] {
        [command, "--profiles", root + "/profiles", "--template", CommandRunner.repositoryRoot + "/templates/standard", "--output", root + "/output"]
    }

    @Test func validProfileBuildsAndExitsZero() throws {
        let root = try scratchProfiles(["demo.yaml": Self.valid])
        let run = try CommandRunner.profilesheet(arguments(root, "build"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: root + "/output/demo.pdf"))
        // Only the required fields: everything on one page.
        #expect(try CommandRunner.pdfinfo(root + "/output/demo.pdf")["Pages"] == "1")
    }

    @Test func invalidProfileExitsOneWithACompilerStyleDiagnostic() throws {
        let root = try scratchProfiles([
            "demo.yaml": Self.valid.replacingOccurrences(of: "type: network", with: "type: netwrk"),
            "other.yaml": Self.valid.replacingOccurrences(of: "id: demo", with: "id: other"),
        ])
        let run = try CommandRunner.profilesheet(arguments(root, "build"), in: root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("""
            \(root)/profiles/demo.yaml:4:7: error: 'type' must be one of its allowed values, found 'netwrk'
            4 | type: netwrk
              |       ^
            hint: did you mean 'network'?

            """))
        // The valid profile was still rendered.
        #expect(FileManager.default.fileExists(atPath: root + "/output/other.pdf"))
        #expect(!FileManager.default.fileExists(atPath: root + "/output/demo.pdf"))
    }

    /// `validate` lays profiles out on several threads; what it reports does not depend on how
    /// many.
    @Test func validateReportsTheSameWithAnyNumberOfJobs() throws {
        var files: [String: String] = [:]
        for index in 0..<6 {
            var text = Self.valid.replacingOccurrences(of: "id: demo", with: "id: demo\(index)")
            if index % 2 == 0 { text = text.replacingOccurrences(of: "type: network", with: "type: netwrk") }
            files["demo\(index).yaml"] = text
        }
        let root = try scratchProfiles(files)
        let one = try CommandRunner.profilesheet(arguments(root, "validate") + ["--jobs", "1"])
        let three = try CommandRunner.profilesheet(arguments(root, "validate") + ["--jobs", "3"])
        #expect(one.status == 1 && three.status == 1)
        #expect(one.stderr.components(separatedBy: "error: 'type'").count == 4, "\(one.stderr)")
        let withoutTime = { (text: String) in text.replacingOccurrences(of: #" in [0-9.]+ s"#, with: "", options: .regularExpression) }
        #expect(withoutTime(one.stderr) == withoutTime(three.stderr))
    }

    @Test func jsonAndGithubDiagnostics() throws {
        let root = try scratchProfiles(["demo.yaml": Self.valid.replacingOccurrences(of: "period: 2025", with: "period: 2025\nfounded: 030")])
        let json = try CommandRunner.profilesheet(arguments(root, "validate") + ["--diagnostics", "json"])
        #expect(json.status == 1)
        #expect(json.stdout.contains(#""line": 6, "column": 10, "message": "'founded' must be a whole number, found '030'""#))
        let github = try CommandRunner.profilesheet(arguments(root, "validate"), environment: ["GITHUB_ACTIONS": "true"])
        #expect(github.stderr.contains("::error file=\(root)/profiles/demo.yaml,line=6,col=10::'founded' must be a whole number"))
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let root = try scratchProfiles(["demo.yaml": Self.valid + "license: CC-BY-4.1\n"])
        #expect(try CommandRunner.profilesheet(arguments(root, "validate")).status == 0)
        let strict = try CommandRunner.profilesheet(arguments(root, "validate") + ["--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error: 'license' 'CC-BY-4.1' is not an SPDX id that profilesheet knows"))
    }

    @Test func wrongCommandLineExitsTwo() throws {
        #expect(try CommandRunner.profilesheet(["build", "--paper", "a3"]).status == 2)
        #expect(try CommandRunner.profilesheet(["build", "--no-such-option"]).status == 2)
        #expect(try CommandRunner.profilesheet(["preview"]).status == 2)
        #expect(try CommandRunner.profilesheet(["build", "--jobs", "0"]).status == 2)
        #expect(try CommandRunner.profilesheet(["validate", "--jobs", "0"]).status == 2)
        #expect(try CommandRunner.profilesheet(["--help"]).status == 0)
    }

    @Test func unusableTemplateOrOutputExitsThree() throws {
        let root = try scratchProfiles(["demo.yaml": Self.valid])
        let noTemplate = try CommandRunner.profilesheet(["build", "--profiles", root + "/profiles", "--template", root + "/nothing", "--output", root + "/output"])
        #expect(noTemplate.status == 3)
        try "a file".write(toFile: root + "/blocked", atomically: true, encoding: .utf8)
        let blocked = try CommandRunner.profilesheet(["build", "--profiles", root + "/profiles", "--template", CommandRunner.repositoryRoot + "/templates/standard", "--output", root + "/blocked/out"])
        #expect(blocked.status == 3)
    }

    @Test func previewWritesAPDFAndAPNGPerPage() throws {
        // Enough highlights and narrative to go on onto a second page.
        let long = (1...4).map { "    - Highlight \($0) with enough words in it to take two lines of a column at the least, and a third\n" }.joined()
        let profile = Self.valid + "highlights:\n" + ["successes", "outputs", "challenges", "plans"].map { "  \($0):\n" + long }.joined()
            + "champions: " + String(repeating: "Champions grow through mentoring. ", count: 15) + "\n"
            + "narrative: " + String(repeating: "The year went well and the community grew. ", count: 30) + "\n"
        let root = try scratchProfiles(["demo.yaml": profile])
        let run = try CommandRunner.profilesheet(arguments(root, "preview") + ["demo"])
        #expect(run.status == 0, "\(run.stderr)")
        let printed = run.stdout.split(separator: "\n").map(String.init)
        #expect(printed == ["pdf", "1.png", "2.png"].map { "\(root)/output/preview/demo\($0 == "pdf" ? ".pdf" : "-" + $0)" })
        for path in printed { #expect(FileManager.default.fileExists(atPath: path)) }
    }

    @Test func shellCompletionsKnowTheCommands() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try CommandRunner.profilesheet(["--generate-completion-script", shell])
            #expect(script.status == 0)
            for command in ["build", "validate", "preview", "new"] { #expect(script.stdout.contains(command), "\(shell): \(command)") }
        }
    }

    @Test func unknownProfileNameGetsADidYouMean() throws {
        let root = try scratchProfiles(["demo.yaml": Self.valid])
        let run = try CommandRunner.profilesheet(arguments(root, "validate") + ["dem"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: no profile 'dem'\nhint: did you mean 'demo'?"))
    }
}
