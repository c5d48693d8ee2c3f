import Foundation
@testable import SheetSurvey
import TestSupport
import Testing

/// The built binary on the sample surveys: merged data on the sheets, and no personal answer
/// (names, e-mail addresses, comments, IP addresses, locations) in any output file, in
/// standard output or in standard error, also when the CSV is broken.
@Suite("Survey privacy end to end", .serialized)
struct SurveyEndToEndTests {
    static let surveys = CommandRunner.repositoryRoot + "/profiles/surveys"

    static func squeeze(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }

    /// Every cell of the personal columns of the two sample surveys. The test reads whole rows;
    /// the tool never does.
    static func personalCells() throws -> [String] {
        let personal: [String: Set<String>] = [
            "member-survey-2025.csv": ["IPAddress", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
                                       "LocationLatitude", "LocationLongitude", "Q5", "Q6", "Q7"],
            "community-managers-2025.csv": ["Email address", "Your name", "Anything else you would like to tell the working group?"],
        ]
        var cells: [String] = []
        for (file, columns) in personal {
            let data = try Data(contentsOf: URL(fileURLWithPath: surveys + "/" + file))
            let records = try CSVTestReader.records(bytes: [UInt8](data)).get()
            let header = try #require(records.first)
            let indices = (0..<header.cellCount).filter { columns.contains(header.cells[$0] ?? "") }
            #expect(indices.count == columns.count, "\(file): personal columns not found")
            for record in records.dropFirst(file.hasPrefix("member") ? 3 : 1) {
                for index in indices {
                    let cell = (record.cells[index] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                    if cell.count >= 4 { cells.append(cell) }
                }
            }
        }
        return cells
    }

    /// Words of the comments that no profile, mapping or template uses, so that finding one in
    /// an output can only mean a comment leaked.
    static func distinctiveWords(of cells: [String]) throws -> Set<String> {
        var known = ""
        for folder in [CommandRunner.repositoryRoot + "/profiles", surveys, CommandRunner.repositoryRoot + "/templates/standard"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".yaml") {
                known += try String(contentsOfFile: folder + "/" + name, encoding: .utf8).lowercased()
            }
        }
        // The sheet's own words ("Get involved", "About this sheet") come from the layout code.
        let layout = CommandRunner.repositoryRoot + "/Sources/SheetLayout"
        let files = FileManager.default.enumerator(atPath: layout)
        while let name = files?.nextObject() as? String {
            if name.hasSuffix(".swift") { known += try String(contentsOfFile: layout + "/" + name, encoding: .utf8).lowercased() }
        }
        var words: Set<String> = []
        for cell in cells {
            for word in cell.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count >= 6 && !known.contains(word) {
                words.insert(String(word))
            }
        }
        return words
    }

    /// The text a reader of the outputs could see: PDF text and metadata, and every other file
    /// but images.
    static func outputText(_ directory: String) throws -> String {
        var text = ""
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let name = enumerator?.nextObject() as? String {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            if name.hasSuffix(".png") { continue }
            if name.hasSuffix(".pdf") {
                text += try CommandRunner.run("pdftotext", ["-enc", "UTF-8", path, "-"]).stdout
                text += try CommandRunner.run("pdfinfo", [path]).stdout
            } else {
                text += String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            }
        }
        return text
    }

    static func expectNoLeak(in text: String, cells: [String], words: Set<String>, _ what: String) {
        let haystack = squeeze(text)
        for cell in cells where haystack.contains(squeeze(cell)) {
            Issue.record("personal answer '\(cell)' appears in \(what)")
        }
        let found = Set(haystack.split(whereSeparator: { !$0.isLetter }).map(String.init))
        for word in words.sorted() where found.contains(word) {
            Issue.record("the comment word '\(word)' appears in \(what)")
        }
    }

    @Test func personalColumnsNeverReachAnOutputFileOrTheTerminal() throws {
        let cells = try Self.personalCells()
        #expect(cells.count > 60, "the samples have names, e-mail addresses and comments to protect")
        let words = try Self.distinctiveWords(of: cells)
        #expect(words.count > 20)

        let output = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        var terminal = ""
        let build = try CommandRunner.profilesheet(["build", "--output", output])
        #expect(build.status == 0, "\(build.stderr)")
        terminal += build.both
        terminal += try CommandRunner.profilesheet(["validate", "--diagnostics", "json"]).both
        terminal += try CommandRunner.profilesheet(["validate", "--strict"]).both
        for (profile, field) in [("cscce", "members.regions"), ("cscce", "tools"), ("sustain-oss", "members.career_stages"),
                                 ("cm-reading-circle", "members.regions"), ("us-rse", "members.count"), ("us-rse", "staffing.volunteers")] {
            let explain = try CommandRunner.profilesheet(["explain", profile, field])
            #expect(explain.status == 0, "\(explain.stderr)")
            terminal += explain.both
        }
        Self.expectNoLeak(in: try Self.outputText(output), cells: cells, words: words, "the output files")
        Self.expectNoLeak(in: terminal, cells: cells, words: words, "standard output or error")

        // And the sheets do show the merged, folded and suppressed data.
        let cscce = Self.squeeze(try CommandRunner.run("pdftotext", ["-enc", "UTF-8", output + "/cscce.pdf", "-"]).stdout)
        #expect(cscce.contains("north america 66.7%"))
        #expect(cscce.contains("other 16.6%"))
        #expect(cscce.contains("mailchimp"))
        let circle = Self.squeeze(try CommandRunner.run("pdftotext", ["-enc", "UTF-8", output + "/cm-reading-circle.pdf", "-"]).stdout)
        #expect(circle.contains("fewer than 5 responses"))
    }

    @Test func aBrokenSurveyIsReportedWithoutQuotingIt() throws {
        let root = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: CommandRunner.repositoryRoot + "/profiles", toPath: root + "/profiles")
        let csv = root + "/profiles/surveys/member-survey-2025.csv"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: csv)))
        // A Latin-1 "é" inside the first comment, and an extra cell at the end of the last row.
        let comment = Array("Honestly".utf8)
        let at = try #require((0..<bytes.count - comment.count).first { Array(bytes[$0..<$0 + comment.count]) == comment })
        bytes.insert(0xE9, at: at + 3)
        while bytes.last == 0x0A || bytes.last == 0x0D { bytes.removeLast() }
        bytes += Array(",\"Quentin Privatename, quentin@private.example\"\r\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: csv))

        let cells = try Self.personalCells() + ["Quentin Privatename", "quentin@private.example"]
        let words = try Self.distinctiveWords(of: cells)
        var terminal = ""
        for format in ["text", "json", "github"] {
            let run = try CommandRunner.profilesheet(["validate", "--profiles", root + "/profiles", "--diagnostics", format])
            #expect(run.status == 1)
            terminal += run.both
        }
        #expect(terminal.contains("member-survey-2025.csv:"))
        #expect(terminal.contains("is not valid UTF-8"))
        #expect(terminal.contains("cells, but the header has 23"))
        Self.expectNoLeak(in: terminal, cells: cells, words: words, "the diagnostics of a broken survey")
    }
}
