import Foundation
import TestSupport
import Testing

/// `profilesheet compare` run as a working group would run it (issue 20).
@Suite("Comparing communities end to end", .serialized)
struct CompareCommandTests {
    func arguments(_ output: String, _ extra: [String]) -> [String] {
        ["compare", "--output", output] + extra
    }

    @Test(arguments: ["letter", "a4"])
    func threeSamplesMakeOneTaggedSheet(paper: String) throws {
        let output = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.profilesheet(arguments(output, ["us-rse", "sustain-oss", "cscce", "--paper", paper]))
        #expect(run.status == 0, "\(run.stderr)")
        let pdf = output + "/compare/us-rse_sustain-oss_cscce.pdf"
        #expect(run.stdout == "\(pdf)\n\(output)/compare/us-rse_sustain-oss_cscce.png\n")
        #expect(run.stderr.hasSuffix("compared 3 communities; 0 errors, 2 warnings in \(run.stderr.split(separator: " ").dropLast().last ?? "") s\n"))
        let info = try CommandRunner.pdfinfo(pdf)
        #expect(info["Title"] == "Community profiles compared: US-RSE, Sustain OSS, CSCCE")
        #expect(info["Tagged"] == "yes")
        #expect(info["Page size"]?.hasPrefix(paper == "a4" ? "595.276 x 841.89" : "612 x 792") == true)
        // The merged survey figures, as on the communities' own sheets, in their columns.
        let text = try CommandRunner.run("pdftotext", ["-layout", pdf, "-"]).stdout
        for expected in ["KEY FIGURES", "US-RSE", "Sustain OSS", "CSCCE", "3,400", "Convey", "Champion", "Mid-career", "Sponsorship"] {
            #expect(text.contains(expected), "'\(expected)' missing")
        }
        #expect(try CommandRunner.run("qpdf", ["--check", pdf]).status == 0)
    }

    @Test func countsOutsideTwoToSixAreUsageErrors() throws {
        let output = try CommandRunner.temporaryDirectory()
        let one = try CommandRunner.profilesheet(arguments(output, ["us-rse"]))
        #expect(one.status == 64 || one.status == 2)
        #expect(one.stderr.contains("Error: compare takes 2 to 6 profiles; 1 given"))
        let seven = try CommandRunner.profilesheet(arguments(output, ["a", "b", "c", "d", "e", "f", "g"]))
        #expect(seven.stderr.contains("Error: compare takes 2 to 6 profiles; 7 given"))
        let twice = try CommandRunner.profilesheet(arguments(output, ["us-rse", "us-rse"]))
        #expect(twice.stderr.contains("Error: 'us-rse' is named twice; each community is one column"))
        #expect(one.status == twice.status && one.status == seven.status)
        #expect(!FileManager.default.fileExists(atPath: output + "/compare"))
    }

    /// One community that cannot be compared (unknown, or invalid) stops the comparison with
    /// its diagnostic, and nothing is written.
    @Test func anUnknownOrInvalidCommunityWritesNothing() throws {
        let output = try CommandRunner.temporaryDirectory()
        let unknown = try CommandRunner.profilesheet(arguments(output, ["us-rse", "no-such-community"]))
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("error: no profile 'no-such-community'"))
        #expect(unknown.stderr.contains("compared nothing; 1 error"))

        let root = try CommandRunner.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: root + "/profiles", withIntermediateDirectories: true)
        try CommandLineTests.valid.write(toFile: root + "/profiles/demo.yaml", atomically: true, encoding: .utf8)
        try CommandLineTests.valid.replacingOccurrences(of: "id: demo", with: "id: broken").replacingOccurrences(of: "type: network", with: "type: club")
            .write(toFile: root + "/profiles/broken.yaml", atomically: true, encoding: .utf8)
        let invalid = try CommandRunner.profilesheet(
            ["compare", "--profiles", root + "/profiles", "--template", CommandRunner.repositoryRoot + "/templates/standard", "--output", root + "/output", "demo", "broken"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("broken.yaml:4:7: error:"), "\(invalid.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/output/compare/demo_broken.pdf"))
    }
}
