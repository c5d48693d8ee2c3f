import Foundation
import SheetCore
import SheetPipeline
import TestSupport
import Testing

/// `profilesheet schema` against the samples and the test corpus, with check-jsonschema from
/// `.venv` (`make venv`): every valid profile passes, and every invalid one fails unless its
/// problem is one a JSON Schema cannot state (listed below, each with the reason).
@Suite("The JSON Schema of profile format 1")
struct SchemaTests {
    static let root = CommandRunner.repositoryRoot

    /// Invalid corpus cases the schema accepts, and why it cannot refuse them.
    static let beyondASchema: [String: String] = [
        "breakdown-sum": "a sum over the values",
        "breakdown-two-decimals": "decimal places (multipleOf 0.1 fails on binary fractions)",
        "staffing-fte-three-decimals": "decimal places",
        "staffing-fte-leading-point": "how a number is written: YAML readers see 0.5",
        "champions-markup-counts-visible-text": "rich text counts its visible text",
        "narrative-bad-link": "links inside rich text", "narrative-bad-links-in-block": "links inside rich text",
        "file-c1-control": "control characters are checked on the file's text",
        "file-paragraph-separator": "control characters are checked on the file's text",
        "file-utf16": "YAML readers accept UTF-16; profilesheet reads UTF-8",
        "founded-in-the-future": "this year moves; the schema is written once",
        "id-mismatch": "the file's name", "keywords-not-in-taxonomy": "the taxonomy is the working group's",
        "license-wrong-case": "an SPDX id in the wrong case is well-formed text",
        "members-active-more-than-count": "a comparison of two fields",
        "period-reversed": "a comparison of two fields", "period-too-long": "the months between two fields",
        "programming-duplicate": "duplicates ignoring case", "programming-none": "survey data may supply an activity",
        "structure-anchor-alias": "YAML readers expand aliases", "structure-merge-key": "YAML 1.1 readers apply merge keys",
        "structure-tag-int": "YAML readers apply tags", "structure-tag-str": "YAML readers apply tags",
        "text-character-without-font": "a warning about the machine's fonts",
        "tools-duplicate-ignoring-case": "duplicates ignoring case",
    ]

    /// Causes that hold for a whole family of cases.
    static func beyondASchema(_ name: String) -> String? {
        if let reason = beyondASchema[name] { return reason }
        if name.hasPrefix("logo-") { return "the logo file is checked on disk" }
        if name.hasSuffix("-too-long") || name.hasSuffix("-too-long-graphemes") { return "lengths count characters as people see them" }
        if name.hasSuffix("-warning") { return "a warning, not an error" }
        // URLCheck makes each link from its parts (host, port, user, encoding, invisible
        // characters); a schema sees only the text.
        if ["website-", "contact-url-", "contact-email-", "narrative-link-"].contains(where: name.hasPrefix),
           ["credentials", "line-break", "encoded", "port", "injection", "host", "invisible"].contains(where: name.contains) {
            return "a URL's parts, as URLCheck makes the link"
        }
        if name.hasPrefix("text-"), ["control", "tab", "escape"].contains(where: name.contains) {
            return "control characters and tabs are checked on the text"
        }
        return nil
    }

    /// Runs check-jsonschema once over `files`; the names of the files it rejected.
    func rejected(_ files: [String], schema: String) throws -> Set<String> {
        let checker = Self.root + "/.venv/bin/check-jsonschema"
        try #require(FileManager.default.isExecutableFile(atPath: checker), "no \(checker): run make venv (make test does)")
        let run = try CommandRunner.run(checker, ["--output-format", "json", "--schemafile", schema] + files)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.both)")
        var names: Set<String> = []
        for key in ["errors", "parse_errors"] {
            for entry in object[key] as? [[String: Any]] ?? [] {
                if let file = entry["filename"] as? String { names.insert(file) }
            }
        }
        return names
    }

    func schemaFile() throws -> String {
        let folder = try CommandRunner.temporaryDirectory()
        let printed = try CommandRunner.profilesheet(["schema"], in: folder)
        #expect(printed.status == 0)
        #expect(printed.stdout == ProfileSchema.jsonSchema())
        let path = folder + "/profile.schema.json"
        try printed.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func yamlFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") && $0 != "taxonomy.yaml" }.sorted()
            .map { folder + "/" + $0 }
    }

    @Test func theSamplesAndEveryValidCaseFollowIt() throws {
        let schema = try schemaFile()
        let scaffold = try CommandRunner.temporaryDirectory()
        #expect(try CommandRunner.profilesheet(["init"], in: scaffold).status == 0)
        let files = try yamlFiles(in: Self.root + "/profiles") + yamlFiles(in: Self.root + "/Tests/Corpus/valid")
            + [scaffold + "/profiles/example-community.yaml"]
        // A plain '~' is the text "~" to profilesheet, and null to a YAML 1.2 reader.
        let lookalikes = Self.root + "/Tests/Corpus/valid/yaml11-lookalikes.yaml"
        #expect(try rejected(files, schema: schema) == [lookalikes])
    }

    @Test func itRejectsWhatTheValidatorRejectsWhereASchemaCan() throws {
        let schema = try schemaFile()
        // Not the billion laughs: a YAML reader that expands aliases takes gigabytes over them.
        let files = try yamlFiles(in: Self.root + "/Tests/Corpus/invalid").filter { !$0.contains("billion-laughs") }
        let rejected = try rejected(files, schema: schema)
        let name = { (file: String) in ((file as NSString).lastPathComponent as NSString).deletingPathExtension }
        let accepted = files.filter { !rejected.contains($0) }.map(name)
        let unexplained = accepted.filter { Self.beyondASchema($0) == nil }
        #expect(unexplained.isEmpty, "the schema accepts these invalid cases: \(unexplained)")
        // The list of exceptions stays true: each named case is one the schema does accept.
        let stale = Self.beyondASchema.keys.filter { key in files.contains { name($0) == key } && !accepted.contains(key) }
        #expect(stale.isEmpty, "the schema now rejects \(stale.sorted()): take them off the list")
        #expect(rejected.count > files.count / 2)
    }

    @Test func aScaffoldItNamesIsFlaggedUntilFilledIn() throws {
        let schema = try schemaFile()
        let folder = try CommandRunner.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder + "/profiles", withIntermediateDirectories: true)
        #expect(try CommandRunner.profilesheet(["new", "fresh", "--profiles", folder + "/profiles"]).status == 0)
        let file = folder + "/profiles/fresh.yaml"
        #expect(try rejected([file], schema: schema) == [file])
        let text = try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: "\nname:\n", with: "\nname: Fresh Community\n")
            .replacingOccurrences(of: "\ntype:\n", with: "\ntype: network\n")
            .replacingOccurrences(of: "\nperiod:\n", with: "\nperiod: 2025\n")
            .replacingOccurrences(of: "\nmission:\n", with: "\nmission: Bring people together.\n")
            .replacingOccurrences(of: "\n    -\n", with: "\n    - Monthly newsletter\n")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try rejected([file], schema: schema).isEmpty)
    }
}
