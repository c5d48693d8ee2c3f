import Foundation
import TestSupport
import Testing

/// The second template, `templates/compact`, end to end: the built binary renders every sample
/// and fixture with it on both papers, found by name or by folder.
@Suite("The compact template end to end", .serialized)
struct CompactTemplateTests {
    /// The one sample written long on purpose (three times the others' text), which may take
    /// more than the two pages a typical profile gets.
    static let longSample = "federated-network-research-software-stewardship-and-open-science"

    static func pages(_ path: String) throws -> Int {
        Int(try CommandRunner.pdfinfo(path)["Pages"] ?? "") ?? 0
    }

    @Test(arguments: ["letter", "a4"])
    func everySampleBuildsOnAtMostTwoPages(paper: String) throws {
        let output = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.profilesheet(["build", "--template", "compact", "--paper", paper, "--output", output])
        #expect(run.status == 0, "\(run.stderr)")
        for id in SampleSheetsTests.samples {
            let count = try Self.pages("\(output)/\(id).pdf")
            if id == Self.longSample {
                #expect((2...4).contains(count), "\(id): \(count) pages")
            } else {
                #expect((1...2).contains(count), "\(id): \(count) pages")
            }
            let info = try CommandRunner.pdfinfo("\(output)/\(id).pdf")
            #expect(info["Page size"]?.hasPrefix(paper == "letter" ? "612 x 792 pts" : "595.276 x 841.89 pts") == true, "\(id)")
            #expect(try CommandRunner.run("qpdf", ["--check", "\(output)/\(id).pdf"]).status == 0, "\(id)")
        }
        // The compact sheet is never longer than the standard one.
        let standard = try CommandRunner.temporaryDirectory()
        #expect(try CommandRunner.profilesheet(["build", "--paper", paper, "--output", standard]).status == 0)
        for id in SampleSheetsTests.samples {
            #expect(try Self.pages("\(output)/\(id).pdf") <= Self.pages("\(standard)/\(id).pdf"), "\(id)")
        }
    }

    @Test(arguments: ["letter", "a4"])
    func maximalAndRequiredOnlyProfilesFit(paper: String) throws {
        let output = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.profilesheet([
            "build", "--template", "compact", "--profiles", CommandRunner.repositoryRoot + "/Tests/Fixtures/sheets",
            "--output", output, "--paper", paper])
        #expect(run.status == 0, "\(run.stderr)")
        #expect((2...4).contains(try Self.pages(output + "/maximal-profile.pdf")))
        #expect(try Self.pages(output + "/required-only.pdf") == 1)
    }

    /// `--template compact` and `--template templates/compact` are the same template: with
    /// SOURCE_DATE_EPOCH set, the same bytes.
    @Test func byNameAndByFolderGiveTheSameSheet() throws {
        let environment = ["SOURCE_DATE_EPOCH": "1767225600"]
        var files: [Data] = []
        for reference in ["compact", "templates/compact"] {
            let output = try CommandRunner.temporaryDirectory()
            let run = try CommandRunner.profilesheet(["build", "us-rse", "--template", reference, "--output", output], environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            files.append(try Data(contentsOf: URL(fileURLWithPath: output + "/us-rse.pdf")))
        }
        #expect(files.count == 2 && files[0] == files[1])
        let listed = try CommandRunner.profilesheet(["templates"])
        #expect(listed.stdout.contains("compact   templates/compact  Compact sheet (working directory)"), "\(listed.stdout)")
    }
}
