import Foundation
import TestSupport
import Testing

/// The samples built by the real binary, checked with poppler-utils and qpdf.
@Suite("Sample sheets end to end", .serialized)
struct SampleSheetsTests {
    static let samples: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: CommandRunner.repositoryRoot + "/profiles")) ?? []
        return names.filter { $0.hasSuffix(".yaml") && $0 != "taxonomy.yaml" }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// One build of all samples per paper size, shared by the tests below.
    static let letterBuild = Result { try build(paper: "letter") }
    static let a4Build = Result { try build(paper: "a4") }

    static func build(paper: String) throws -> (output: String, run: CommandRunner.Output) {
        let output = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.profilesheet(["build", "--output", output, "--paper", paper])
        return (output, run)
    }

    @Test func thereAreAtLeastEightSamples() {
        #expect(Self.samples.count >= 8)
    }

    @Test(arguments: ["letter", "a4"])
    func buildSucceedsForEverySample(paper: String) throws {
        let (output, run) = try (paper == "letter" ? Self.letterBuild : Self.a4Build).get()
        #expect(run.status == 0, "\(run.stderr)")
        for id in Self.samples {
            #expect(FileManager.default.fileExists(atPath: "\(output)/\(id).pdf"), "no PDF for \(id)")
            #expect(FileManager.default.fileExists(atPath: "\(output)/\(id).png"), "no thumbnail for \(id)")
        }
    }

    @Test(arguments: ["letter", "a4"])
    func everyPDFIsValidWithOneToFourPagesOfTheRightSize(paper: String) throws {
        let (output, _) = try (paper == "letter" ? Self.letterBuild : Self.a4Build).get()
        for id in Self.samples {
            let path = "\(output)/\(id).pdf"
            let info = try CommandRunner.pdfinfo(path)
            #expect((1...4).contains(Int(info["Pages"] ?? "") ?? 0), "\(id): \(info["Pages"] ?? "")")
            #expect(info["Page size"]?.hasPrefix(paper == "letter" ? "612 x 792 pts" : "595.276 x 841.89 pts") == true, "\(id): \(info["Page size"] ?? "")")
            let check = try CommandRunner.run("qpdf", ["--check", path])
            #expect(check.status == 0, "\(id): \(check.stdout)")
        }
    }

    /// A profile with every field at its limit renders on at most four pages, one with only the
    /// required fields on one, on both papers (`Tests/Fixtures/sheets`).
    @Test(arguments: ["letter", "a4"])
    func maximalAndRequiredOnlyProfilesFit(paper: String) throws {
        let output = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.profilesheet([
            "build", "--profiles", CommandRunner.repositoryRoot + "/Tests/Fixtures/sheets", "--output", output, "--paper", paper])
        #expect(run.status == 0, "\(run.stderr)")
        let maximal = try CommandRunner.pdfinfo(output + "/maximal-profile.pdf")["Pages"].flatMap { Int($0) } ?? 0
        #expect((2...4).contains(maximal), "\(maximal) pages")
        #expect(try CommandRunner.pdfinfo(output + "/required-only.pdf")["Pages"] == "1")
    }

    @Test func everyFontIsEmbedded() throws {
        let (output, _) = try Self.letterBuild.get()
        for id in Self.samples {
            let fonts = try CommandRunner.run("pdffonts", ["\(output)/\(id).pdf"])
            let rows = fonts.stdout.split(separator: "\n").dropFirst(2)
            #expect(!rows.isEmpty, "\(id) has no fonts")
            for row in rows {
                // Columns: name type encoding emb sub uni object ID.
                let columns = row.split(separator: " ", omittingEmptySubsequences: true)
                #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "\(id): \(row)")
            }
        }
    }

    @Test func sheetsContainTheProfilesTexts() throws {
        let (output, _) = try Self.letterBuild.get()
        for id in Self.samples {
            let text = try CommandRunner.run("pdftotext", ["-enc", "UTF-8", "\(output)/\(id).pdf", "-"]).stdout
            let flat = Self.squeeze(text)
            let profile = try String(contentsOfFile: CommandRunner.repositoryRoot + "/profiles/\(id).yaml", encoding: .utf8)
            // The first tool and the first convey activity are short and never hyphenated.
            for key in ["short_name:", "founded:"] {
                if let line = profile.split(separator: "\n").first(where: { $0.hasPrefix(key) }) {
                    let value = line.dropFirst(key.count).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                    #expect(flat.contains(Self.squeeze(value)), "\(id): '\(value)' not in the PDF")
                }
            }
        }
    }

    @Test func metadataNamesTheCommunity() throws {
        let (output, _) = try Self.letterBuild.get()
        let info = try CommandRunner.pdfinfo("\(output)/sustain-oss.pdf")
        #expect(info["Title"] == "Sustain Open Source")
        #expect(info["Creator"]?.hasPrefix("profilesheet") == true)
        #expect(info["Subject"]?.contains("Community profile of Sustain Open Source") == true)
        #expect(info["Keywords"]?.isEmpty == false)
    }

    static func squeeze(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
