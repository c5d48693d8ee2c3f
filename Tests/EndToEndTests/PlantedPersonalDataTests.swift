import Foundation
import TestSupport
import Testing

/// The built binary on a survey with a planted e-mail address, phone number, profile URL and
/// name in every column — the community column, the mapped ones, the free-text "Other" answers
/// and the columns no mapping uses: none of them reaches an output file (PDF text and metadata,
/// the gallery, the manifest, the collection) or any stream of any `--diagnostics` format;
/// `survey scrub` removes them from the export and the sheets stay byte for byte the same.
@Suite("Planted personal data end to end", .serialized)
struct PlantedPersonalDataTests {
    /// Each planted value, and what finding it in an output means it leaked.
    static let markers = ["zqxmarker", "7946 0958", "79460958", "Zibbleton", "zqxprofile", "Quorra"]
    static let email = "zqxmarker.person@example.org"
    static let phone = "+44 20 7946 0958"
    static let url = "https://github.com/zqxprofile"
    static let name = "Quorra Zibbleton"
    static let environment = ["SOURCE_DATE_EPOCH": "1767225600"]

    static func profile(_ id: String, _ name: String) -> String {
        """
        format: 1
        id: \(id)
        name: \(name)
        type: network
        period: 2025
        mission: Help people help each other.
        programming:
          convey: [Monthly newsletter]

        """
    }

    /// A profiles folder with two profiles and a Google Forms member survey: 8 rows for
    /// 'planted', one for 'other', one whose community is an e-mail address. Every column holds
    /// a planted value somewhere.
    static func folder() throws -> String {
        let root = try CommandRunner.temporaryDirectory()
        let profiles = root + "/profiles"
        try FileManager.default.createDirectory(atPath: profiles + "/surveys", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CommandRunner.repositoryRoot + "/profiles/taxonomy.yaml", toPath: profiles + "/taxonomy.yaml")
        try profile("planted", "Planted Community").write(toFile: profiles + "/planted.yaml", atomically: true, encoding: .utf8)
        try profile("other", "Other Circle").write(toFile: profiles + "/other.yaml", atomically: true, encoding: .utf8)
        let rows: [[String]] = [
            // Timestamp, Email Address, Your name, Community, Region, Tools, Plans, Members, Comments
            ["2025/11/03 9:14:22 AM GMT-5", email, name, "Planted Community", "Europe", "Zoom, Slack, \(email)", "Grow the circle", "120", "call \(phone)"],
            ["2025/11/03 9:15:22 AM GMT-5", "q@example.org", "Kim Hale", "Planted Community", "Europe", "Zoom, Slack, \(phone)", "Grow the circle; ask \(name)", "120", "nothing"],
            ["2025/11/03 9:16:22 AM GMT-5", "r@example.org", "", "planted community", "Europe", "Zoom, Slack, \(url)", "Grow the circle", "\(phone)", url],
            ["2025/11/03 9:17:22 AM GMT-5", "", "", "Planted Community", "North America", "Zoom, GitHub, \(name)", "\(email)", "120", ""],
            ["2025/11/03 9:18:22 AM GMT-5", "", "", "Planted Community", "North America", "Zoom, GitHub, Indico", "", "120", ""],
            ["2025/11/03 9:19:22 AM GMT-5", "", "", "Planted Community", "North America", "GitHub, Mastodon", "", "", ""],
            ["2025/11/03 9:20:22 AM GMT-5", "", "", "Planted Community", email, "Slack", "", "", ""],
            [email, phone, url, "Planted Community", "Asia", "\(email), \(phone)", "\(url); \(name)", email, name],
            ["2025/11/03 9:21:22 AM GMT-5", "", "", "Other Circle", "Europe", "Zoom", "", "", ""],
            ["2025/11/03 9:22:22 AM GMT-5", "", "", email, "Europe", "Zoom", "", "", ""],
            ["2025/11/03 9:23:22 AM GMT-5", "", "", "\(name) (\(phone))", "Europe", "Zoom", "", "", ""],
        ]
        let header = ["Timestamp", "Email Address", "Your name (optional)", "Community", "Where are you based?",
                      "Which tools do you use?", "What are your plans?", "How many members?", "Anything else?"]
        let csv = ([header] + rows).map { $0.map { "\"\($0)\"" }.joined(separator: ",") }.joined(separator: "\n") + "\n"
        try csv.write(toFile: profiles + "/surveys/members.csv", atomically: true, encoding: .utf8)
        try """
            format: 1
            source: members.csv
            export: google-forms
            key: {column: Community, match: name}
            min_responses: 5
            min_cell: 3
            personal: [Your name (optional)]
            fields:
              members.regions:
                column: Where are you based?
                values: {Europe: europe, North America: north-america}
                other: other
              tools: {column: Which tools do you use?, split: ", "}
              highlights.plans: {column: What are your plans?, split: "; "}
              members.count: {column: How many members?, aggregate: median}

            """.write(toFile: profiles + "/surveys/members.survey.yaml", atomically: true, encoding: .utf8)
        return root
    }

    static func arguments(_ root: String, _ command: [String], output: String) -> [String] {
        command + ["--profiles", root + "/profiles", "--template", CommandRunner.repositoryRoot + "/templates/standard", "--output", output]
    }

    /// The text of every file in `directory` but the PNGs: PDFs by pdftotext and pdfinfo, and
    /// their raw bytes too (metadata, bookmarks), the rest as written.
    static func outputText(_ directory: String) throws -> String {
        var text = ""
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let name = enumerator?.nextObject() as? String {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue, !name.hasSuffix(".png") else { continue }
            if name.hasSuffix(".pdf") {
                text += try CommandRunner.run("pdftotext", ["-enc", "UTF-8", path, "-"]).stdout
                text += try CommandRunner.run("pdfinfo", ["-meta", path]).stdout
                text += try CommandRunner.run("qpdf", ["--qdf", "--object-streams=disable", path, "-"]).stdout
            } else {
                text += String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            }
        }
        return text
    }

    /// The markers in `text`, white space squeezed, ignoring case.
    static func found(_ text: String) -> [String] {
        let squeezed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return markers.filter { squeezed.localizedCaseInsensitiveContains($0) }
    }

    static func expectNoMarker(_ text: String, _ what: String) {
        for marker in found(text) {
            Issue.record("'\(marker)' appears in \(what)")
        }
    }

    @Test func noPlantedValueReachesAnOutputOrADiagnosticAndScrubKeepsTheSheets() throws {
        let root = try Self.folder()
        let output = root + "/output"
        // Every column holds a planted value, and the search finds each of them.
        let plantedRows = CSVTestRows.rows(try String(contentsOfFile: root + "/profiles/surveys/members.csv", encoding: .utf8))
        for column in 0..<plantedRows[0].count {
            #expect(plantedRows.dropFirst().contains { !Self.found($0[column]).isEmpty }, "column \(column + 1) holds no planted value")
        }
        #expect(Self.found(plantedRows.flatMap { $0 }.joined(separator: "\n")) == Self.markers.filter { $0 != "79460958" })
        var streams: [(String, String)] = []
        let build = try CommandRunner.profilesheet(Self.arguments(root, ["build"], output: output), environment: Self.environment)
        #expect(build.status == 0, "\(build.stderr)")
        streams.append(("build (text)", build.both))
        for format in ["json", "github"] {
            let forced = try CommandRunner.profilesheet(
                Self.arguments(root, ["build", "--force", "--diagnostics", format], output: output), environment: Self.environment)
            #expect(forced.status == 0, "\(forced.stderr)")
            streams.append(("build --diagnostics \(format)", forced.both))
            // An up-to-date build reports the stored warnings again.
            let again = try CommandRunner.profilesheet(Self.arguments(root, ["build", "--diagnostics", format], output: output), environment: Self.environment)
            streams.append(("up-to-date build --diagnostics \(format)", again.both))
            #expect(again.both.contains("looks like an e-mail address"), "\(format): \(again.both)")
        }
        for format in ["text", "json", "github"] {
            let validate = try CommandRunner.profilesheet(Self.arguments(root, ["validate", "--strict", "--diagnostics", format], output: output))
            #expect(validate.status == 1)
            streams.append(("validate --strict --diagnostics \(format)", validate.both))
            #expect(validate.both.contains("<redacted: e-mail>"), "\(format)")
        }
        for field in ["tools", "members.regions", "highlights.plans", "members.count"] {
            let explain = try CommandRunner.profilesheet(Self.arguments(root, ["explain", "planted", field], output: output))
            #expect(explain.status == 0, "\(explain.stderr)")
            streams.append(("explain \(field)", explain.both))
        }
        let preview = try CommandRunner.profilesheet(Self.arguments(root, ["preview", "planted"], output: output))
        #expect(preview.status == 0, "\(preview.stderr)")
        streams.append(("preview", preview.both))

        for (what, text) in streams { Self.expectNoMarker(text, what) }
        let files = try Self.outputText(output)
        Self.expectNoMarker(files, "the output files")

        // What was published, and what the diagnostics say instead.
        let sheet = try CommandRunner.run("pdftotext", ["-enc", "UTF-8", output + "/planted.pdf", "-"]).stdout
        #expect(sheet.contains("Zoom") && sheet.contains("Slack") && sheet.contains("GitHub"))
        #expect(!sheet.contains("Indico") && !sheet.contains("Mastodon"))
        #expect(build.stderr.contains("row 11 matches no profile: no profile has the name or short name <redacted: e-mail> (column 4 'Community')"), "\(build.stderr)")
        #expect(build.stderr.contains("row 12 matches no profile: no profile has the name or short name <redacted: phone number> (column 4 'Community')"), "\(build.stderr)")
        #expect(build.stderr.contains("'Timestamp', 'Email Address', 'Your name (optional)', 'Anything else?' are not used by the mapping and hold personal data: run `profilesheet survey scrub`"), "\(build.stderr)")
        #expect(build.stderr.contains("2 answers to 'tools' for 'planted' given by fewer than 3 respondents were left out (min_cell, column 6 'Which tools do you use?')"), "\(build.stderr)")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/manifest.json"))) as? [String: Any])
        let sheets = try #require(manifest["sheets"] as? [[String: Any]])
        let planted = try #require(sheets.first { $0["id"] as? String == "planted" })
        let warnings = try #require(planted["warnings"] as? [[String: Any]]).compactMap { $0["message"] as? String }
        #expect(warnings.contains("an answer in row 2, column 6 'Which tools do you use?' looks like an e-mail address and was left out of 'tools' for 'planted'"), "\(warnings)")
        #expect(warnings.contains("2 answers to 'tools' for 'planted' given by fewer than 3 respondents were left out (min_cell, column 6 'Which tools do you use?')"))
        let runWarnings = try #require(manifest["warnings"] as? [[String: Any]]).compactMap { $0["message"] as? String }
        #expect(runWarnings.contains { $0.contains("<redacted: e-mail>") }, "\(runWarnings)")

        // Scrub: only mapped columns, the planted values gone, the same sheets byte for byte.
        let csv = root + "/profiles/surveys/members.csv"
        let original = try Data(contentsOf: URL(fileURLWithPath: csv))
        let scrub = try CommandRunner.profilesheet(Self.arguments(root, ["survey", "scrub", "--keep-original"], output: output))
        #expect(scrub.status == 0, "\(scrub.stderr)")
        Self.expectNoMarker(scrub.both, "survey scrub's streams")
        #expect(scrub.stderr.contains("/profiles/surveys/members.csv: kept 5 of 9 columns and all 11 rows; took out 13 answers that looked personal; emptied 2 community cells that looked personal and named no profile; the original is "), "\(scrub.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: csv + ".orig")) == original)
        let scrubbed = try String(contentsOfFile: csv, encoding: .utf8)
        Self.expectNoMarker(scrubbed, "the scrubbed export")
        #expect(scrubbed.hasPrefix("Community,Where are you based?,Which tools do you use?,What are your plans?,How many members?\n"))
        #expect(scrubbed.split(separator: "\n").count == 12)
        try FileManager.default.removeItem(atPath: csv + ".orig")

        let after = root + "/after"
        let rebuilt = try CommandRunner.profilesheet(Self.arguments(root, ["build"], output: after), environment: Self.environment)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(!rebuilt.stderr.contains("not used by the mapping"), "\(rebuilt.stderr)")
        #expect(!rebuilt.stderr.contains("looks like"), "\(rebuilt.stderr)")
        for name in ["planted.pdf", "other.pdf", "collection.pdf", "planted.png", "index.html"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: output + "/" + name)) == Data(contentsOf: URL(fileURLWithPath: after + "/" + name)), "\(name)")
        }
        let second = try CommandRunner.profilesheet(Self.arguments(root, ["survey", "scrub"], output: output))
        #expect(second.status == 0 && second.stderr.contains("members.csv holds only what its mappings use"), "\(second.stderr)")
    }
}

/// The cells of a CSV the test wrote itself (every cell quoted, no quote inside).
enum CSVTestRows {
    static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { line in
            line.dropFirst().dropLast().components(separatedBy: "\",\"")
        }
    }
}
