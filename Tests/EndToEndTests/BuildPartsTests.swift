import Foundation
import SheetCore
import SheetPipeline
import TestSupport
import Testing

/// A build loads, merges and renders its profiles a part at a time (so that memory does not
/// grow with their number); nothing it writes or reports may depend on the part size.
@Suite("Builds in parts")
struct BuildPartsTests {
    static let date = Date(timeIntervalSince1970: 1_700_000_000)

    /// The sample profiles (three of them fed by survey data) built whole and one or two at a
    /// time: the same files byte for byte, and the same diagnostics.
    @Test func partsDoNotChangeTheOutput() throws {
        let root = try CommandRunner.temporaryDirectory()
        _ = try CommandRunner.run("cp", ["-R", CommandRunner.repositoryRoot + "/profiles", root + "/profiles"])
        // A row for a community with no profile: a warning of the survey file, to be reported
        // once however many parts match rows.
        let csv = root + "/profiles/surveys/community-managers-2025.csv"
        let handle = try #require(FileHandle(forWritingAtPath: csv))
        handle.seekToEndOfFile()
        handle.write(Data("2025/11/09 1:00:00 PM GMT-5,x@example.org,Nowhere Network,X,10,5,0,0,1,Slack,\n".utf8))
        try handle.close()
        var outputs: [Int: [String: Data]] = [:]
        var reports: [Int: String] = [:]
        for size in [1, 2, 1000] {
            let output = root + "/output-\(size)"
            let report = build(root, output: output, options: BuildOptions(jobs: 2, force: true, partSize: size))
            #expect(report.failure == nil)
            #expect(report.rendered == (try BatchBuildTests.sampleIDs(root)).count)
            reports[size] = DiagnosticRenderer(format: .text, sources: ReportSources(kept: report.sources)).render(report.diagnostics)
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: output) {
                files[name] = FileManager.default.contents(atPath: output + "/" + name)
            }
            outputs[size] = files
        }
        #expect(outputs[1]?.keys.sorted() == outputs[1000]?.keys.sorted())
        for (name, data) in outputs[1000] ?? [:] {
            #expect(outputs[1]?[name] == data, "\(name) differs with one profile a part")
            #expect(outputs[2]?[name] == data, "\(name) differs with two profiles a part")
        }
        #expect(reports[1] == reports[1000])
        #expect(reports[2] == reports[1000])
        let unmatched = reports[1000]?.components(separatedBy: "matches no profile").count ?? 0
        #expect(unmatched == 2, "the unmatched row is reported once: \(reports[1000] ?? "")")
    }

    /// Two files with one id, named from different folders: whatever the part size, the second
    /// is the duplicate and the first is rendered, also when only the second changed.
    @Test func filesSharingAnIDShareAPart() throws {
        let root = try CommandRunner.temporaryDirectory()
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            try Data("format: 1\nid: demo\nname: Demo \(folder)\ntype: network\nperiod: 2025\nmission: Help people.\nprogramming:\n  convey: [Monthly newsletter]\n".utf8)
                .write(to: URL(fileURLWithPath: root + "/" + folder + "/demo.yaml"))
        }
        try Data("format: 1\nid: other\nname: Other\ntype: network\nperiod: 2025\nmission: Help.\nprogramming:\n  convey: [Calls]\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/a/other.yaml"))
        let selection = [root + "/a/demo.yaml", root + "/a/other.yaml", root + "/b/demo.yaml"]
        for round in 0..<2 {
            if round == 1 {
                // Only the duplicate changed: the build must still see the first file.
                try Data("format: 1\nid: demo\nname: Demo b2\ntype: network\nperiod: 2025\nmission: Help people.\nprogramming:\n  convey: [Calls]\n".utf8)
                    .write(to: URL(fileURLWithPath: root + "/b/demo.yaml"))
            }
            let configuration = RunConfiguration(
                profilesDirectory: root + "/a", templateDirectory: CommandRunner.repositoryRoot + "/templates/standard",
                outputDirectory: root + "/output", date: Self.date, currentYear: 2026)
            let report = SheetRun(configuration: configuration).build(selection, options: BuildOptions(jobs: 1, partSize: 1))
            let rendered = DiagnosticRenderer(format: .text, sources: ReportSources(kept: report.sources)).render(report.diagnostics)
            #expect(rendered.contains("b/demo.yaml:2:5: error: id 'demo' is already used by"), "round \(round): \(rendered)")
            let text = try CommandRunner.run("pdftotext", [root + "/output/demo.pdf", "-"]).stdout
            #expect(text.contains("Demo a"), "round \(round)")
        }
    }

    private func build(_ root: String, output: String, options: BuildOptions) -> RunReport {
        let configuration = RunConfiguration(
            profilesDirectory: root + "/profiles", templateDirectory: CommandRunner.repositoryRoot + "/templates/standard",
            outputDirectory: output, date: Self.date, currentYear: 2026)
        return SheetRun(configuration: configuration).build([], options: options)
    }
}
