import Foundation
import SheetCore
@testable import SheetPipeline
import SheetSurvey
import TestSupport
import Testing

/// `output/profiles.csv` and `output/profiles.json` (issue 20, point 3): what they say of
/// every field of every sample is what `explain` says; withheld values, people and
/// spreadsheet formulas; written again only when they change, and the same when gathered from
/// shards.
@Suite("Open data", .serialized)
struct OpenDataTests {
    static let root = CommandRunner.repositoryRoot
    static let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]

    /// The samples built once, with absolute paths (so that an explain in this process names
    /// the files as the build did).
    static let samplesBuild = Result { () throws -> String in
        let output = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.profilesheet(["build", "--profiles", root + "/profiles", "--output", output], environment: epoch)
        guard run.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: ["stderr": run.stderr]) }
        return output
    }

    /// The CSV file as rows of cells, header first, read with the repository's own CSV reader.
    static func rows(_ path: String) throws -> [[String]] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var scanner = CSVScanner(bytes: bytes, delimiter: UInt8(ascii: ","))
        var rows: [[String]] = []
        while case .success(let record?) = scanner.next(keeping: { _ in true }) {
            rows.append((0..<record.cellCount).map { record.cells[$0] ?? "" })
        }
        return rows
    }

    static func json(_ path: String) throws -> [String: [[String: Any]]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        var communities: [String: [[String: Any]]] = [:]
        for community in object?["communities"] as? [[String: Any]] ?? [] {
            communities[community["id"] as? String ?? ""] = community["fields"] as? [[String: Any]] ?? []
        }
        return communities
    }

    /// What a cell holds for explain's `value:` text of a field that is not a breakdown.
    static func cell(forExplainedValue shown: String, withheld: Bool) -> String {
        if withheld { return "withheld" }
        if shown == "not set" { return "" }
        guard shown.hasPrefix("'"), shown.hasSuffix("'") else { return shown }
        // 'a', 'b' → a; b
        let inner = String(shown.dropFirst().dropLast())
        let items = inner.components(separatedBy: "', '")
        let joined = items.joined(separator: "; ")
        if let first = joined.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { return "'" + joined }
        return joined
    }

    @Test func theCSVAndJSONSayWhatExplainSaysForEveryFieldOfEverySample() throws {
        let output = try Self.samplesBuild.get()
        let json = try Self.json(output + "/profiles.json")
        let rows = try Self.rows(output + "/profiles.csv")
        let header = try #require(rows.first)
        let samples = SampleSheetsTests.samples
        #expect(rows.dropFirst().map { $0.first ?? "" } == samples)
        #expect(json.keys.sorted() == samples)
        #expect(rows.allSatisfy { $0.count == header.count })
        // Never a field that names or reaches a person.
        for personal in ["contact.name", "contact.email", "logo", "format"] { #expect(!header.contains(personal)) }

        let configuration = RunConfiguration(
            profilesDirectory: Self.root + "/profiles", templateDirectory: Self.root + "/templates/standard",
            outputDirectory: try CommandRunner.temporaryDirectory(), date: Date(timeIntervalSince1970: 1_767_225_600))
        let run = SheetRun(configuration: configuration)
        let taxonomy = TaxonomyLoader.load(file: Self.root + "/profiles/taxonomy.yaml").taxonomy
        let loader = ProfileLoader(profilesRoot: Self.root + "/profiles", taxonomy: taxonomy, currentYear: 2026)
        var compared = 0
        for (rowIndex, id) in samples.enumerated() {
            let row = rows[rowIndex + 1]
            let fields = try #require(json[id])
            #expect(fields.map { $0["field"] as? String ?? "" } == OpenDataRecord.publishedFields, "\(id)")
            for entry in fields {
                let field = entry["field"] as? String ?? ""
                let explanation = run.explain(id, field: field)
                let lines = try #require(explanation.text, "\(id) \(field)").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                var expected = Array(lines.dropFirst().dropLast())
                let withheld = expected.contains { $0.hasPrefix("withheld: ") }
                if field == "structure.leadership" {
                    // Roles only: the JSON's value line names no holder ("Chair (Name)" in explain).
                    let profile = try #require(loader.load(file: Self.root + "/profiles/\(id).yaml").profile)
                    for name in profile.structure.leadership.compactMap(\.name) { #expect(!"\(entry)".contains(name), "\(id): \(name)") }
                    expected = expected.filter { !$0.hasPrefix("value: ") }
                    #expect((entry["explain"] as? [String] ?? []).filter { !$0.hasPrefix("value: ") } == expected, "\(id) \(field)")
                    continue
                }
                #expect(entry["explain"] as? [String] == expected, "\(id) \(field)")
                #expect((entry["withheld"] != nil) == withheld, "\(id) \(field)")
                let shown = String((expected.first { $0.hasPrefix("value: ") } ?? "value: not set").dropFirst("value: ".count))
                if ["members.regions", "members.career_stages", "funding"].contains(field) {
                    // One column a category: explain's "europe 40%, other 60%".
                    var shares: [String: String] = [:]
                    if shown != "not set" {
                        for part in shown.components(separatedBy: ", ") {
                            let pieces = part.split(separator: " ")
                            shares[String(pieces[0])] = String(pieces[1].dropLast())
                        }
                    }
                    let columns = header.enumerated().filter { $0.element.hasPrefix(field + ".") }
                    #expect(!columns.isEmpty, "\(field)")
                    for (index, column) in columns {
                        let category = String(column.dropFirst(field.count + 1))
                        let want = withheld ? "withheld" : shown == "not set" ? "" : shares[category] ?? "0"
                        #expect(row[index] == want, "\(id) \(column)")
                        shares[category] = nil
                    }
                    #expect(shares.isEmpty, "\(id) \(field): categories without a column \(shares)")
                } else {
                    let index = try #require(header.firstIndex(of: field), "\(field)")
                    // explain squeezes runs of white space in texts; so does this comparison.
                    let squeezed = row[index].split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    #expect(squeezed == Self.cell(forExplainedValue: shown, withheld: withheld), "\(id) \(field)")
                }
                compared += 1
            }
        }
        #expect(compared == samples.count * (OpenDataRecord.publishedFields.count - 1))

        // And the binary's own explain, for one survey-fed field of each sample.
        for id in samples {
            let explained = try CommandRunner.profilesheet(["explain", "--profiles", Self.root + "/profiles", id, "members.count"])
            let lines = explained.stdout.split(separator: "\n").dropFirst().map(String.init)
            let entry = json[id]?.first { $0["field"] as? String == "members.count" }
            #expect(entry?["explain"] as? [String] == lines, "\(id)")
        }
    }

    @Test func nothingIsWrittenAgainWhenNothingChangedAndShardsGatherToTheSameFiles() throws {
        let output = try Self.samplesBuild.get()
        let whole = try Data(contentsOf: URL(fileURLWithPath: output + "/profiles.csv"))
        let wholeJSON = try Data(contentsOf: URL(fileURLWithPath: output + "/profiles.json"))
        let gathered = try CommandRunner.temporaryDirectory()
        for shard in ["1/2", "2/2"] {
            let folder = try CommandRunner.temporaryDirectory()
            let run = try CommandRunner.profilesheet(["build", "--profiles", Self.root + "/profiles", "--output", folder, "--shard", shard], environment: Self.epoch)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/profiles.csv"), "a shard writes no open data")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasPrefix(".") {
                try FileManager.default.copyItem(atPath: folder + "/" + name, toPath: gathered + "/" + name)
            }
        }
        let gather = try CommandRunner.profilesheet(["build", "--profiles", Self.root + "/profiles", "--output", gathered], environment: Self.epoch)
        #expect(gather.stderr.contains("rendered 0, up to date \(SampleSheetsTests.samples.count)"), "\(gather.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: gathered + "/profiles.csv")) == whole)
        #expect(try Data(contentsOf: URL(fileURLWithPath: gathered + "/profiles.json")) == wholeJSON)

        // Nothing changed: not written again (same inode).
        func inode(_ path: String) throws -> UInt64 { (try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0 }
        let before = try inode(gathered + "/profiles.csv")
        _ = try CommandRunner.profilesheet(["build", "--profiles", Self.root + "/profiles", "--output", gathered], environment: Self.epoch)
        #expect(try inode(gathered + "/profiles.csv") == before)
    }

    // MARK: - Hostile and withheld values

    static let hostile = """
        format: 1
        id: hostile
        name: '=HYPERLINK("http://evil.example/","click")'
        short_name: "@SUM(1+1)"
        type: network
        period: 2025
        mission: "-2+3 \\"quoted\\", with a comma\\nand a line break"
        structure:
          leadership:
            - role: Chair
              name: Jane Placeholder-Person
        contact:
          name: Jane Placeholder-Person
          email: jane.placeholder@example.net
        programming:
          convey: ["+1 newsletter", "Calls"]
          contribute: ["=cmd|' /C calc'!A0"]

        """

    static let mapping = """
        format: 1
        source: members.csv
        key:
          column: Community
          match: id
        min_responses: 5
        min_cell: 1
        fields:
          members.regions:
            column: Region
            aggregate: share
          members.count:
            column: Members
            aggregate: sum

        """

    @Test func formulasAreMadeSafeWithheldValuesAreMarkedAndNoPersonIsNamed() throws {
        let folder = try CommandRunner.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder + "/profiles/surveys", withIntermediateDirectories: true)
        try Self.hostile.write(toFile: folder + "/profiles/hostile.yaml", atomically: true, encoding: .utf8)
        try Self.mapping.write(toFile: folder + "/profiles/surveys/members.survey.yaml", atomically: true, encoding: .utf8)
        try "Community,Region,Members\nhostile,europe,3\nhostile,africa,4\n".write(toFile: folder + "/profiles/surveys/members.csv", atomically: true, encoding: .utf8)
        let build = try CommandRunner.profilesheet(["build", "--template", Self.root + "/templates/standard"], in: folder, environment: Self.epoch)
        #expect(build.status == 0, "\(build.stderr)")
        let text = try String(contentsOfFile: folder + "/output/profiles.csv", encoding: .utf8)
        let rows = try Self.rows(folder + "/output/profiles.csv")
        try #require(rows.count == 2)
        let header = rows[0]
        let row = rows[1]
        func cell(_ column: String) -> String? { header.firstIndex(of: column).map { row[$0] } }
        #expect(cell("name") == "'=HYPERLINK(\"http://evil.example/\",\"click\")")
        #expect(cell("short_name") == "'@SUM(1+1)")
        #expect(cell("mission") == "'-2+3 \"quoted\", with a comma\nand a line break")
        #expect(cell("programming.convey") == "'+1 newsletter; Calls")
        #expect(cell("programming.contribute") == "'=cmd|' /C calc'!A0")
        // Profile texts hold no tab or carriage return (a control character is an error), but
        // a cell beginning with one is made safe too.
        #expect(OpenDataTable.safe("\t=1+1") == "'\t=1+1")
        #expect(OpenDataTable.safe("\r@A1") == "'\r@A1")
        #expect(OpenDataTable.safe("2025 – plans") == "2025 – plans")
        // As bytes: quoted, quotes doubled, no cell of the file begins with a formula character.
        #expect(text.contains(",\"'-2+3 \"\"quoted\"\", with a comma\nand a line break\","), "\(text)")
        for line in rows.flatMap({ $0 }) { #expect(!(line.first.map { "=+-@\t\r".contains($0) } ?? false), "\(line)") }
        #expect(text.hasSuffix("\r\n"))

        // Withheld: 2 rows under min_responses 5; 'sum' of 7 withheld too. Never 0 or blank.
        // No community reports a region: the field is one column, withheld.
        let regions = header.enumerated().filter { $0.element.hasPrefix("members.regions") }
        #expect(regions.isEmpty == false)
        for (index, _) in regions { #expect(row[index] == "withheld") }
        #expect(cell("members.count") == "withheld")
        let json = try Self.json(folder + "/output/profiles.json")
        let count = json["hostile"]?.first { $0["field"] as? String == "members.count" }
        #expect(count?["withheld"] as? String == "fewer than 5 responses")
        #expect(count?["value"] is NSNull)
        // The JSON keeps the text as written: it is no spreadsheet.
        #expect(json["hostile"]?.first { $0["field"] as? String == "name" }?["value"] as? String == "=HYPERLINK(\"http://evil.example/\",\"click\")")
        // No person: neither the contact nor the leader's name, in either file.
        let jsonText = try String(contentsOfFile: folder + "/output/profiles.json", encoding: .utf8)
        for secret in ["Jane Placeholder-Person", "jane.placeholder@example.net", "africa", "europe,"] {
            #expect(!jsonText.contains(secret) && !text.contains(secret), "\(secret)")
        }
        #expect(cell("structure.leadership") == "Chair")
    }
}
