import Foundation
import TestSupport
import Testing

/// The small things a coordinator met (issue 19, point 5) that `AdoptionTests` does not hold
/// already: sheets of profiles gone or invalid, a `;`-delimited export, rows about a profile
/// that fails to parse, `explain`'s diagnostics, every error of a file in one run. Each runs
/// the built binary in a folder of its own.
@Suite("What a coordinator met")
struct CoordinatorFindingsTests {
    static let root = CommandRunner.repositoryRoot
    static let template = ["--template", root + "/templates/standard"]

    static func profile(_ id: String, name: String) -> String {
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

    /// A folder with `profiles/` holding `files` (name → text).
    func folder(_ files: [String: String]) throws -> String {
        let folder = try CommandRunner.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder + "/profiles/surveys", withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: folder + "/profiles/" + name, atomically: true, encoding: .utf8) }
        return folder
    }

    func run(_ arguments: [String], in folder: String) throws -> CommandRunner.Output {
        try CommandRunner.profilesheet(arguments + Self.template, in: folder, environment: ["SOURCE_DATE_EPOCH": "1767225600"])
    }

    /// The summary's last words vary with the time taken: everything before them.
    func withoutTime(_ text: String) -> String {
        guard let range = text.range(of: " in [0-9.]+ s\n$", options: .regularExpression) else { return text }
        return String(text[..<range.lowerBound])
    }

    // MARK: - Sheets of profiles gone or invalid

    @Test func aBuildRemovesTheSheetsOfProfilesGoneOrInvalidAndSaysSo() throws {
        let folder = try folder(["demo.yaml": Self.profile("demo", name: "Demo Community"), "other.yaml": Self.profile("other", name: "Other Network")])
        let output = folder + "/output/"
        #expect(try run(["build"], in: folder).status == 0)
        // A file of the working group's own in the output folder is no sheet: never touched.
        try "notes".write(toFile: output + "notes.pdf", atomically: true, encoding: .utf8)

        // Invalid now: its sheet goes, with its entries, and the run says so.
        try Self.profile("other", name: "Other Network").replacingOccurrences(of: "type: network", with: "type: netwerk")
            .write(toFile: folder + "/profiles/other.yaml", atomically: true, encoding: .utf8)
        let invalid = try run(["build"], in: folder)
        #expect(invalid.status == 1)
        #expect(withoutTime(invalid.stderr).hasSuffix("""
            removed 'output/other.pdf' and 'output/other.png': its profile profiles/other.yaml is invalid; it comes back when the profile's errors are fixed
            rendered 0, up to date 1, invalid 1, removed 1, warnings 0; 1 error, 0 warnings
            """), "\(invalid.stderr)")
        func sheetsListed() throws -> (manifest: Bool, gallery: Bool, files: Bool) {
            let manifest = try String(contentsOfFile: output + "manifest.json", encoding: .utf8)
            let gallery = try String(contentsOfFile: output + "index.html", encoding: .utf8)
            return (manifest.contains("\"id\":\"other\""), gallery.contains("other.pdf"),
                    FileManager.default.fileExists(atPath: output + "other.pdf") || FileManager.default.fileExists(atPath: output + "other.png"))
        }
        #expect(try sheetsListed() == (false, false, false))
        #expect(FileManager.default.fileExists(atPath: output + "demo.pdf"))
        #expect(FileManager.default.fileExists(atPath: output + "notes.pdf"))
        // The collection holds the overview's pages and demo's one page alone.
        let pages = Int(try CommandRunner.pdfinfo(output + "collection.pdf")["Pages"] ?? "") ?? 0
        let overviewPages = Int(try CommandRunner.pdfinfo(output + "overview.pdf")["Pages"] ?? "") ?? 0
        #expect(overviewPages > 0 && pages == overviewPages + 1, "\(pages) pages")

        // Fixed: it comes back.
        try Self.profile("other", name: "Other Network").write(toFile: folder + "/profiles/other.yaml", atomically: true, encoding: .utf8)
        let fixed = try run(["build"], in: folder)
        #expect(withoutTime(fixed.stderr).hasSuffix("rendered 1, up to date 1, invalid 0, warnings 0; 0 errors, 0 warnings"), "\(fixed.stderr)")
        #expect(try sheetsListed() == (true, true, true))

        // A build of one profile that is invalid removes its sheet too, and keeps the others'.
        try "format: 1\nid: other\n".write(toFile: folder + "/profiles/other.yaml", atomically: true, encoding: .utf8)
        let one = try run(["build", "other"], in: folder)
        #expect(one.stderr.contains("removed 'output/other.pdf' and 'output/other.png': its profile profiles/other.yaml is invalid"), "\(one.stderr)")
        #expect(try sheetsListed() == (false, false, false))
        #expect(try String(contentsOfFile: output + "manifest.json", encoding: .utf8).contains("\"id\":\"demo\""))

        // Gone: the same, with its reason.
        try Self.profile("other", name: "Other Network").write(toFile: folder + "/profiles/other.yaml", atomically: true, encoding: .utf8)
        #expect(try run(["build"], in: folder).status == 0)
        try FileManager.default.removeItem(atPath: folder + "/profiles/other.yaml")
        let gone = try run(["build"], in: folder)
        #expect(gone.status == 0)
        #expect(withoutTime(gone.stderr) == """
            removed 'output/other.pdf' and 'output/other.png': no profile has the id 'other' any more
            rendered 0, up to date 1, invalid 0, removed 1, warnings 0; 0 errors, 0 warnings
            """, "\(gone.stderr)")
        #expect(try sheetsListed() == (false, false, false))
        // Nothing left to remove: nothing said.
        let again = try run(["build"], in: folder)
        #expect(withoutTime(again.stderr) == "rendered 0, up to date 1, invalid 0, warnings 0; 0 errors, 0 warnings", "\(again.stderr)")
    }

    @Test func aShardRemovesOnlyTheSheetsOfItsOwnSlice() throws {
        let ids = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
        var files: [String: String] = [:]
        for id in ids { files[id + ".yaml"] = Self.profile(id, name: id.capitalized + " Group") }
        let folder = try folder(files)
        #expect(try run(["build", "--shard", "1/2"], in: folder).status == 0)
        let manifest = try String(contentsOfFile: folder + "/output/manifest.shard-1-of-2.json", encoding: .utf8)
        let mine = ids.filter { manifest.contains("\"id\":\"\($0)\"") }
        let theirs = ids.filter { !mine.contains($0) }
        try #require(!mine.isEmpty && !theirs.isEmpty)
        // The other slice's sheet, as if gathered here, and one of this slice: both deleted.
        for id in [mine[0], theirs[0]] { try FileManager.default.removeItem(atPath: folder + "/profiles/\(id).yaml") }
        try FileManager.default.copyItem(atPath: folder + "/output/\(mine[0]).pdf", toPath: folder + "/output/\(theirs[0]).pdf")
        let shard = try run(["build", "--shard", "1/2"], in: folder)
        #expect(shard.stderr.contains("removed 'output/\(mine[0]).pdf' and 'output/\(mine[0]).png': no profile has the id '\(mine[0])' any more"), "\(shard.stderr)")
        #expect(!shard.stderr.contains("'\(theirs[0])'"), "\(shard.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/output/\(theirs[0]).pdf"))
    }

    // MARK: - Survey exports

    static let mapping = """
        format: 1
        source: answers.csv
        key:
          column: Community
          match: name
        min_responses: 1
        min_cell: 1
        fields:
          members.count:
            column: Members
            aggregate: one

        """

    @Test func aSemicolonDelimitedExportSuggestsItsDelimiter() throws {
        let folder = try folder([
            "demo.yaml": Self.profile("demo", name: "Demo Community"), "surveys/answers.survey.yaml": Self.mapping,
            "surveys/answers.csv": "Community;Members;Comments\nDemo Community;\"1,200\";fine\n",
        ])
        let run = try run(["validate"], in: folder)
        #expect(run.status == 1)
        #expect(withoutTime(run.stderr) == """
            profiles/surveys/answers.csv:1:1: error: the header row is one column: it has no ',' (the mapping's delimiter), but 2 ';' between 3 names
            hint: the export is delimited by ';': add 'delimiter: ";"' to profiles/surveys/answers.survey.yaml
            validated 1 profile, 0 invalid; 1 error, 0 warnings
            """, "\(run.stderr)")
        // With the delimiter it reads, and a tab-separated file read with ';' says '\t'.
        try Self.mapping.replacingOccurrences(of: "key:", with: "delimiter: \";\"\nkey:")
            .write(toFile: folder + "/profiles/surveys/answers.survey.yaml", atomically: true, encoding: .utf8)
        #expect(try self.run(["validate"], in: folder).status == 0)
        try "Community\tMembers\nDemo Community\t12\n".write(toFile: folder + "/profiles/surveys/answers.csv", atomically: true, encoding: .utf8)
        let tabs = try self.run(["validate"], in: folder)
        #expect(tabs.stderr.hasPrefix("""
            profiles/surveys/answers.csv:1:1: error: the header row is one column: it has no ';' (the mapping's delimiter), but 1 '\\t' between 2 names
            hint: the export is delimited by '\\t': add 'delimiter: "\\t"' to profiles/surveys/answers.survey.yaml
            """), "\(tabs.stderr)")
        // A one-column header that no other delimiter splits into a mapped name is the usual error.
        try "Gemeinschaft;Mitglieder\nDemo Community;12\n".write(toFile: folder + "/profiles/surveys/answers.csv", atomically: true, encoding: .utf8)
        #expect(try self.run(["validate"], in: folder).stderr.contains("error: column 'Community' is not in profiles/surveys/answers.csv"))
    }

    @Test func rowsAboutAProfileThatFailsToParseAreReportedOnce() throws {
        let folder = try folder([
            "demo.yaml": Self.profile("demo", name: "Demo Community") + "oops: [unclosed\n",
            "other.yaml": Self.profile("other", name: "Other Network"),
            "surveys/answers.survey.yaml": Self.mapping,
            "surveys/answers.csv": "Community,Members\nDemo Community,12\nDemo Community,12\nDemo Community,12\nOther Network,5\nDemo Comunity,3\n",
        ])
        let run = try run(["validate"], in: folder)
        #expect(run.status == 1)
        #expect(withoutTime(run.stderr) == """
            profiles/demo.yaml:9:7: error: the list that starts here is never closed
            9 | oops: [unclosed
              |       ^
            hint: close it with ']'
            profiles/surveys/answers.csv:2:1: warning: rows 2–4 match no profile: no profile has the name or short name 'Demo Community' (column 1 'Community')
            hint: the closest profile is 'Other Network' (other); profiles/demo.yaml could not be read, so its name is not known: fix its errors first; until then the rows are not used
            profiles/surveys/answers.csv:6:1: warning: row 6 matches no profile: no profile has the name or short name 'Demo Comunity' (column 1 'Community')
            hint: the closest profile is 'Other Network' (other); profiles/demo.yaml could not be read, so its name is not known: fix its errors first; until then the rows are not used
            validated 2 profiles, 1 invalid; 1 error, 2 warnings
            """, "\(run.stderr)")
        // Every profile readable: one warning a row, as before.
        try Self.profile("demo", name: "Demo Community").write(toFile: folder + "/profiles/demo.yaml", atomically: true, encoding: .utf8)
        let fixed = try self.run(["validate"], in: folder)
        #expect(fixed.stderr.contains("profiles/surveys/answers.csv:6:1: warning: row 6 matches no profile: no profile has the name or short name 'Demo Comunity' (column 1 'Community')\nhint: the closest profile is 'Demo Community' (demo); the row is not used: correct its answer, or add the community's profile\n"), "\(fixed.stderr)")
        #expect(!fixed.stderr.contains("rows 2"), "\(fixed.stderr)")
    }

    // MARK: - explain

    @Test func explainPrintsOnlyTheDiagnosticsOfTheFieldItExplains() throws {
        let folder = try folder([
            "demo.yaml": Self.profile("demo", name: "Demo Community") + "founded: 3020\nmembers:\n  count: 40\n  active: 12\n",
        ])
        let members = try run(["explain", "demo", "members.count"], in: folder)
        #expect(members.status == 0, "\(members.stderr)")
        #expect(members.stdout == """
            members.count of demo (profiles/demo.yaml)
            value: 40
            from: the profile, profiles/demo.yaml:11:10

            """, "\(members.stdout)")
        #expect(withoutTime(members.stderr) == """
            not shown: 1 error about other fields or files; `profilesheet validate demo` shows them
            explained 'members.count' of demo; 0 errors, 0 warnings
            """, "\(members.stderr)")
        let founded = try run(["explain", "demo", "founded"], in: folder)
        #expect(founded.status == 1)
        #expect(founded.stderr.hasPrefix("profiles/demo.yaml:9:10: error: 'founded' is out of range: 3020\n"), "\(founded.stderr)")
        #expect(withoutTime(founded.stderr).hasSuffix("\nhint: use a value from 1800 to \(Calendar(identifier: .gregorian).component(.year, from: Date()))\nexplained 'founded' of demo; 1 error, 0 warnings"), "\(founded.stderr)")
        // A diagnostic of the field's section counts as the field's.
        try (Self.profile("demo", name: "Demo Community") + "members:\n  count: 40\n  active: 50\n")
            .write(toFile: folder + "/profiles/demo.yaml", atomically: true, encoding: .utf8)
        let active = try run(["explain", "demo", "members.active"], in: folder)
        #expect(active.stderr.hasPrefix("profiles/demo.yaml:11:11: error: 'members.active' is 50, more than 'members.count' (40)\n"), "\(active.stderr)")
        let name = try run(["explain", "demo", "name"], in: folder)
        #expect(withoutTime(name.stderr) == """
            not shown: 1 error about other fields or files; `profilesheet validate demo` shows them
            explained 'name' of demo; 0 errors, 0 warnings
            """, "\(name.stderr)")
    }

    // MARK: - Every error of a file

    @Test func oneErrorDoesNotHideTheNextUnlessItMakesItMeaningless() throws {
        let noName = Self.profile("demo", name: "x").replacingOccurrences(of: "name: x\n", with: "")
            .replacingOccurrences(of: "programming:\n  convey: [Monthly newsletter]\n", with: "members:\n  count: 5\n  active: 7\n")
        let folder = try folder(["demo.yaml": noName])
        let run = try run(["validate"], in: folder)
        #expect(run.status == 1)
        #expect(withoutTime(run.stderr) == """
            profiles/demo.yaml:1:1: error: missing required key 'name'
            1 | format: 1
              | ^
            hint: add 'name:' with the community's full name (1–120 characters)
            profiles/demo.yaml:1:1: error: the profile lists no programming activities
            1 | format: 1
              | ^
            hint: add at least one activity to one of 'programming.convey', 'programming.contribute', 'programming.collaborate', 'programming.co-create' or 'programming.champion'
            profiles/demo.yaml:8:11: error: 'members.active' is 7, more than 'members.count' (5)
            8 |   active: 7
              |           ^
            hint: active members are counted among all members; use a value from 0 to 5
            validated 1 profile, 1 invalid; 3 errors, 0 warnings
            """, "\(run.stderr)")
        // An error in the field a rule reads stands alone.
        try Self.profile("demo", name: "Demo").replacingOccurrences(of: "convey: [Monthly newsletter]", with: "convey: 5")
            .write(toFile: folder + "/profiles/demo.yaml", atomically: true, encoding: .utf8)
        let convey = try self.run(["validate"], in: folder)
        #expect(convey.stderr.contains("error: 'programming.convey' must be a list, found a single value"), "\(convey.stderr)")
        #expect(!convey.stderr.contains("no programming activities"), "\(convey.stderr)")
        #expect(withoutTime(convey.stderr).hasSuffix("validated 1 profile, 1 invalid; 1 error, 0 warnings"), "\(convey.stderr)")
    }
}
