import Foundation
import SheetCore
import Testing
@testable import SheetSurvey

/// survey-mapping.md, "Privacy": small cells left out of every value made of words, personal
/// answers never published nor quoted, personal columns, and `survey scrub`.
@Suite("Survey privacy")
struct SurveyPrivacyTests {
    func fixture() throws -> SurveyFixture {
        let fixture = try SurveyFixture()
        try fixture.write(SurveyFixture.profile("demo", name: "Demo Community", shortName: "Demo"), as: "demo.yaml")
        try fixture.write(SurveyFixture.profile("tiny", name: "Tiny Circle"), as: "tiny.yaml")
        return fixture
    }

    func explain(_ fixture: SurveyFixture, _ result: SurveyMergeResult, _ field: String, profile: String = "demo") throws -> String {
        let merged = try #require(result.profile(profile))
        return FieldExplanation.text(field: field, profile: merged, contributions: result.provenance[merged.file]?[field] ?? [])
            .replacingOccurrences(of: fixture.root + "/", with: "")
    }

    // MARK: - Small cells

    @Test func unionLeavesOutAnswersFewerThanMinCellRowsGaveAndCountsThem() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        // Zoom 4 rows, Slack 3, GitHub 2, Indico, YouTube and Mastodon 1 each; 6 rows.
        let cells = ["Zoom, Slack, GitHub", "zoom, slack, Indico", "Zoom, Slack, GitHub", "Zoom, YouTube", "Mastodon", "  "]
        try fixture.survey("m", csv: "Community,Tools\n" + cells.map { "Demo,\"\($0)\"\n" }.joined(),
                           mapping: "key: {column: Community}\nmin_responses: 5\nfields:\n  tools: {column: Tools, split: \",\"}\n")
        let result = fixture.merge()
        #expect(result.profile("demo")?.tools == ["Zoom", "Slack"])
        #expect(fixture.rendered(result) == """
            surveys/m.csv:2:2: warning: 4 answers to 'tools' for 'demo' given by fewer than 3 respondents were left out (min_cell, column 2 'Tools')
            hint: answers so few people gave could identify them; a survey answered once per community about the community itself, not about people, can set 'min_cell: 1'

            """)
        #expect(result.profileWarnings[fixture.root + "/demo.yaml"]?.count == 1)
        #expect(try explain(fixture, result, "tools") == """
            tools of demo (demo.yaml)
            value: 'Zoom', 'Slack'
            from: survey surveys/m.csv, column 'Tools', rows 2–6 (5 rows), aggregate union, mapped by surveys/m.survey.yaml
            left out: 4 answers given by fewer than 3 respondents (min_cell)

            """)
    }

    @Test func unionStillNeedsMinResponsesRows() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("m", csv: "Community,Tools\n" + String(repeating: "Demo,Zoom\n", count: 4),
                           mapping: "key: {column: Community}\nfields:\n  tools: {column: Tools}\n")
        let result = fixture.merge()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.profile("demo")?.tools == [])
        #expect(result.profile("demo")?.suppressed["tools"]?.minimumResponses == 5)
    }

    @Test func everyAnswerLeftOutLeavesTheFieldUnset() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("m", csv: "Community,Tools\n" + (1...5).map { "Demo,Tool \($0)\n" }.joined(),
                           mapping: "key: {column: Community}\nfields:\n  tools: {column: Tools}\n")
        let result = fixture.merge()
        #expect(result.profile("demo")?.tools == [])
        #expect(result.profile("demo")?.suppressed["tools"] == nil)
        #expect(result.warnings.map(\.message) == ["5 answers to 'tools' for 'demo' given by fewer than 3 respondents were left out (min_cell, column 2 'Tools')"])
        let text = try explain(fixture, result, "tools")
        #expect(text.contains("left out: 5 answers given by fewer than 3 respondents (min_cell)\nnot set: survey surveys/m.csv, column 'Tools', rows 2–6 (5 rows), aggregate union, mapped by surveys/m.survey.yaml: every answer was left out\n"), "\(text)")
    }

    @Test func oneOfATextOrListNeedsMinCellRowsButNumbersDoNot() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("m", csv: "Community,Mission,Plans,Members\nDemo,We read together.,Grow; Share,40\nDemo,We read together.,Grow; Share,40\n",
                           mapping: """
                            key: {column: Community}
                            fields:
                              mission: {column: Mission, aggregate: one}
                              highlights.plans: {column: Plans, split: ";", aggregate: one}
                              members.count: {column: Members, aggregate: one}

                            """)
        let result = fixture.merge()
        let demo = try #require(result.profile("demo"))
        #expect(demo.mission == "Help people help each other.")
        #expect(demo.highlights.plans.isEmpty)
        #expect(demo.members.count == 40)
        #expect(result.warnings.map(\.message) == [
            "1 answer to 'mission' for 'demo' given by fewer than 3 respondents was left out (min_cell, column 2 'Mission')",
            "2 answers to 'highlights.plans' for 'demo' given by fewer than 3 respondents were left out (min_cell, column 3 'Plans')",
        ])
    }

    // MARK: - Personal answers

    @Test func personalAnswersAreLeftOutAndReportedByRowAndColumnNeverByContent() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let cells = ["Zoom, Slack", "Zoom, Slack, kim.marker@example.org", "Zoom, Slack", "Zoom, +44 20 7946 0958",
                     "Slack, https://github.com/kim-marker", "kim.marker@example.org"]
        try fixture.survey("m", csv: "Community,Tools\n" + cells.map { "Demo,\"\($0)\"\n" }.joined(),
                           mapping: "key: {column: Community}\nfields:\n  tools: {column: Tools, split: \", \"}\n")
        let result = fixture.merge()
        #expect(result.profile("demo")?.tools == ["Zoom", "Slack"])
        let rendered = fixture.rendered(result)
        #expect(rendered == """
            surveys/m.csv:3:2: warning: an answer in row 3, column 2 'Tools' looks like an e-mail address and was left out of 'tools' for 'demo'
            hint: personal data is never published; run `profilesheet survey scrub` to remove it from the export
            surveys/m.csv:5:2: warning: an answer in row 5, column 2 'Tools' looks like a phone number and was left out of 'tools' for 'demo'
            hint: personal data is never published; run `profilesheet survey scrub` to remove it from the export
            surveys/m.csv:6:2: warning: an answer in row 6, column 2 'Tools' looks like a URL that names a person or carries a query and was left out of 'tools' for 'demo'
            hint: personal data is never published; run `profilesheet survey scrub` to remove it from the export
            surveys/m.csv:7:2: warning: an answer in row 7, column 2 'Tools' looks like an e-mail address and was left out of 'tools' for 'demo'
            hint: personal data is never published; run `profilesheet survey scrub` to remove it from the export

            """)
        // Row 7 answered nothing else: it is not an answering row.
        let text = try explain(fixture, result, "tools")
        #expect(text.contains("rows 2–6 (5 rows)"), "\(text)")
        #expect(text.contains("left out: 4 answers that looked personal, in rows 3 and 5–7 of column 'Tools'"), "\(text)")
        #expect(!text.contains("marker"))
    }

    @Test func aKeyThatLooksPersonalIsRedactedInTheWarning() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("m", csv: "Community,Members\nkim.marker@example.org,3\nDemo Comunity,4\n",
                           mapping: "key: {column: Community}\nfields:\n  members.count: {column: Members, aggregate: one}\n")
        let result = fixture.merge()
        #expect(result.warnings.map(\.message) == [
            "row 2 matches no profile: no profile has the id, name or short name <redacted: e-mail> (column 1 'Community')",
            "row 3 matches no profile: no profile has the id, name or short name 'Demo Comunity' (column 1 'Community')",
        ])
        for format in DiagnosticFormat.allCases {
            let text = DiagnosticRenderer(format: format, sources: result.sources).render(result.diagnostics)
            #expect(!text.contains("marker") && text.contains("<redacted: e-mail>"), "\(format)")
        }
    }

    @Test func answersOutsideValuesAndBadNumbersAreRedactedWhenPersonal() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("m", csv: "Community,Region,Members\nDemo,kim.marker@example.org x,+1 555 013 4567\n", mapping: """
            key: {column: Community}
            min_responses: 1
            fields:
              members.regions: {column: Region, values: {Europe: europe}}
              members.count: {column: Members, aggregate: one}

            """)
        let result = fixture.merge()
        // Both cells look personal, so both are left out rather than reported as wrong.
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(!fixture.rendered(result).contains("marker") && !fixture.rendered(result).contains("555"))
        #expect(result.warnings.count == 2)
    }

    @Test func aCommunitysOwnContactAddressAndWebsiteAreNotPersonal() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("m", csv: "Community,Contact,Web\nDemo,hello@demo.example.org,https://github.com/demo-community\n", mapping: """
            key: {column: Community}
            min_responses: 1
            min_cell: 1
            fields:
              contact.email: {column: Contact, aggregate: one}
              website: {column: Web, aggregate: one}

            """)
        let result = fixture.merge()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.profile("demo")?.contact.email == "hello@demo.example.org")
        #expect(result.profile("demo")?.website == "https://github.com/demo-community")
    }

    // MARK: - Personal columns

    static let csvWithNames = """
        Community,Your name (optional),Email Address,Tools,Comments
        Demo,Kim Marker,kim@example.org,"Zoom, Kim Marker",nothing
        Demo,Lee Quill,,"Zoom, lee quill",
        Demo,,,"Zoom, Slack",
        Demo,,,"Zoom, Slack",see you
        Demo,,,"Slack",

        """

    @Test func answersRepeatingAPersonalColumnAreLeftOut() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("m", csv: Self.csvWithNames, mapping: """
            key: {column: Community}
            personal: [Your name (optional)]
            fields:
              tools: {column: Tools, split: ", "}

            """)
        let result = fixture.merge()
        #expect(result.profile("demo")?.tools == ["Zoom", "Slack"])
        #expect(result.warnings.map(\.message) == [
            "'Your name (optional)', 'Email Address' are not used by the mapping and hold personal data: run `profilesheet survey scrub`",
            "an answer in row 2, column 4 'Tools' looks like a value of a column the mapping declares personal and was left out of 'tools' for 'demo'",
            "an answer in row 3, column 4 'Tools' looks like a value of a column the mapping declares personal and was left out of 'tools' for 'demo'",
        ])
        #expect(result.warnings[0].location == SourceLocation(file: fixture.root + "/surveys/m.csv", line: 1, column: 2))
        #expect(!fixture.rendered(result).contains("Kim") && !fixture.rendered(result).contains("Lee"))
    }

    @Test func theUnusedColumnsWarningComesOncePerFileAndNamesOnlyPersonalColumns() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.write(Self.csvWithNames.replacingOccurrences(of: "see you", with: "call +1 555 013 4567"), as: "surveys/m.csv")
        try fixture.write("format: 1\nsource: m.csv\nkey: {column: Community}\nmin_cell: 1\nfields:\n  tools: {column: Tools, split: \", \"}\n", as: "surveys/a.survey.yaml")
        try fixture.write("format: 1\nsource: m.csv\nkey: {column: Community}\nmin_cell: 1\nfields:\n  highlights.plans: {column: Comments, split: \";\"}\n", as: "surveys/b.survey.yaml")
        let result = fixture.merge()
        #expect(result.warnings.filter { $0.message.contains("not used by the mapping") }.map(\.message) == [
            "'Your name (optional)', 'Email Address' are not used by the mapping and hold personal data: run `profilesheet survey scrub`",
        ])
    }

    @Test func personalColumnsThatAreMissingOrMappedAreReported() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("m", csv: Self.csvWithNames, mapping: """
            key: {column: Community}
            personal: [Your nam, Tools]
            fields:
              tools: {column: Tools, split: ", "}

            """)
        let result = fixture.merge()
        #expect(fixture.rendered(result).hasPrefix("""
            surveys/m.survey.yaml:4:12: warning: column 'Your nam' that 'personal' names is not in surveys/m.csv
            4 | personal: [Your nam, Tools]
              |            ^
            hint: the closest header is 'Comments'; answers repeating its values cannot be recognised
            surveys/m.survey.yaml:4:22: error: column 'Tools' is declared 'personal', but the mapping reads it as a field
            4 | personal: [Your nam, Tools]
              |                      ^
            hint: a personal column is never published; remove it from 'personal', or map another column

            """), "\(fixture.rendered(result))")
    }

    // MARK: - Scrub

    @Test func scrubKeepsTheMappedColumnsAndRowsAndTheSameValues() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let csv = Self.csvWithNames.replacingOccurrences(of: "Demo,,,\"Zoom, Slack\",see you", with: "kim@example.org,,,\"Zoom, Slack\",see you")
        try fixture.survey("m", csv: csv, mapping: """
            key: {column: Community}
            personal: [Your name (optional)]
            fields:
              tools: {column: Tools, split: ", "}

            """)
        let before = fixture.merge()
        let merger = SurveyMerger(profilesRoot: fixture.root, taxonomy: SurveyFixture.taxonomy, currentYear: 2026)
        let (profiles, _) = fixture.loadProfiles()
        let (exports, diagnostics) = merger.scrub(mappingFiles: SurveyMerger.mappingFiles(in: fixture.root), directory: CommunityDirectory(profiles: profiles))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let export = try #require(exports.first)
        #expect(String(decoding: try #require(export.bytes), as: UTF8.self) == """
            Community,Tools
            Demo,Zoom
            Demo,Zoom
            Demo,"Zoom, Slack"
            ,"Zoom, Slack"
            Demo,Slack

            """)
        #expect(export.summary == "kept 2 of 5 columns and all 5 rows; took out 2 answers that looked personal; emptied 1 community cell that looked personal and named no profile")
        try Data(try #require(export.bytes)).write(to: URL(fileURLWithPath: fixture.root + "/surveys/m.csv"))
        let after = fixture.merge()
        #expect(after.profiles == before.profiles)
        #expect(after.warnings.map(\.message) == ["row 5 names no community: column 1 'Community' is empty"])
        // Scrubbing again changes nothing.
        let again = merger.scrub(mappingFiles: SurveyMerger.mappingFiles(in: fixture.root), directory: CommunityDirectory(profiles: profiles))
        #expect(again.exports.first?.changed == false)
    }

    @Test func scrubKeepsQualtricsHeaderRowsQuotingAndTheByteOrderMark() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let csv = "\u{FEFF}\"IPAddress\",\"Q1\",\"Q2\",\"Q9\"\r\n\"IP Address\",\"Which community?\",\"Tools, \"\"if any\"\"\",\"Your e-mail\"\r\n"
            + "\"{\"\"ImportId\"\":\"\"ipAddress\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\",\"{\"\"ImportId\"\":\"\"QID9\"\"}\"\r\n"
            + "\"198.51.100.11\",\"Demo\",\"Zoom,Slack\",\"kim@example.org\"\r\n"
        try fixture.survey("q", csv: csv, mapping: "key: {column: Q1}\nmin_cell: 1\nmin_responses: 1\nfields:\n  tools: {column: Q2, split: \",\"}\n")
        let merger = SurveyMerger(profilesRoot: fixture.root, taxonomy: SurveyFixture.taxonomy, currentYear: 2026)
        let (exports, diagnostics) = merger.scrub(mappingFiles: SurveyMerger.mappingFiles(in: fixture.root), directory: CommunityDirectory(profiles: fixture.loadProfiles().profiles))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(exports.first?.bytes.map { String(decoding: $0, as: UTF8.self) } == "\u{FEFF}Q1,Q2\r\nWhich community?,\"Tools, \"\"if any\"\"\"\r\n"
            + "\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\"\r\nDemo,\"Zoom,Slack\"\r\n")
    }
}
