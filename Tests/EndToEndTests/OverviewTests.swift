import Foundation
import TestSupport
import Testing

/// The collection at a glance (issue 20, point 1): `overview.pdf`, and the pages that open
/// `collection.pdf`, as a build of the samples writes them.
@Suite("The collection at a glance end to end", .serialized)
struct OverviewTests {
    static func pages(_ path: String) throws -> Int {
        Int(try CommandRunner.pdfinfo(path)["Pages"] ?? "") ?? -1
    }

    @Test func aBuildOpensTheCollectionWithTheOverview() throws {
        let output = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.profilesheet(["build", "--output", output])
        #expect(run.status == 0, "\(run.stderr)")
        let overview = output + "/overview.pdf"
        let info = try CommandRunner.pdfinfo(overview)
        #expect(info["Title"] == "Community profiles: the collection at a glance")
        #expect(info["Tagged"] == "yes")
        #expect(try CommandRunner.run("qpdf", ["--check", overview]).status == 0)
        // Every community is in its table, with the figures its sheet shows.
        let text = try CommandRunner.run("pdftotext", [overview, "-"]).stdout
        for expected in ["COMMUNITIES BY TYPE", "EVERY COMMUNITY", "United States Research Software Engi", "3,400", "Sustain Open Source",
                         "CONVEY", "CHAMPION", "FUNDING MIXES", "KEYWORDS", "11 communities"] {
            #expect(text.contains(expected), "'\(expected)' missing")
        }
        // The collection: the overview's pages, then every sheet's; its outline starts with it.
        let sheets = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasSuffix(".pdf") && $0 != "overview.pdf" && $0 != "collection.pdf" }
        #expect(sheets.count == 11)
        let sheetPages = try sheets.reduce(0) { $0 + (try Self.pages(output + "/" + $1)) }
        #expect(try Self.pages(output + "/collection.pdf") == (try Self.pages(overview)) + sheetPages)
        let outline = try CommandRunner.run("qpdf", ["--json", "--json-key=outlines", output + "/collection.pdf"]).stdout
        let firstTitle = outline.range(of: "\"title\": \"").map { outline[$0.upperBound...].prefix { $0 != "\"" } }
        #expect(firstTitle == "The collection at a glance")

        // Nothing changed: the overview is not written again; one sheet changed: it is.
        let stamp = try FileManager.default.attributesOfItem(atPath: overview)[.modificationDate] as? Date
        let again = try CommandRunner.profilesheet(["build", "--output", output])
        #expect(again.status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: overview)[.modificationDate] as? Date == stamp)
        try FileManager.default.removeItem(atPath: overview)
        let restored = try CommandRunner.profilesheet(["build", "--output", output])
        #expect(restored.status == 0)
        #expect(FileManager.default.fileExists(atPath: overview), "a missing overview is written again")
    }
}
