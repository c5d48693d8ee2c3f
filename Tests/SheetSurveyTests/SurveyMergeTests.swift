import Foundation
import SheetCore
import Testing
@testable import SheetSurvey

@Suite("Merging survey data into profiles")
struct SurveyMergeTests {
    /// Three communities; `extra` goes into the demo profile.
    func fixture(demoExtra: String = "") throws -> SurveyFixture {
        let fixture = try SurveyFixture()
        try fixture.write(SurveyFixture.profile("demo", name: "Demo Community", shortName: "Demo", extra: demoExtra), as: "demo.yaml")
        try fixture.write(SurveyFixture.profile("sustain-oss", name: "Sustain Open Source", shortName: "Sustain"), as: "sustain-oss.yaml")
        try fixture.write(SurveyFixture.profile("tiny", name: "Tiny Circle"), as: "tiny.yaml")
        return fixture
    }

    static let managerMapping = """
        key: {column: Community, match: name}
        min_responses: 1
        min_cell: 1
        fields:
          members.count: {column: Members, aggregate: one}
          staffing.paid_fte: {column: FTE, aggregate: one}
          tools: {column: Tools, split: ", ", aggregate: union}

        """

    // MARK: - Matching

    @Test func rowsMatchByNameOrShortNameIgnoringCaseAndSpaces() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("managers", csv: """
            Community,Members,FTE,Tools
            "  demo   COMMUNITY ","1,200",1.5,"Slack, GitHub"
            sustain,900,0.25,Zoom

            """, mapping: Self.managerMapping)
        let result = fixture.merge()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let demo = try #require(result.profile("demo"))
        #expect(demo.members.count == 1200)
        #expect(demo.staffing.paidFTE == 1.5)
        #expect(demo.tools == ["Slack", "GitHub"])
        #expect(demo.origins["members.count"] == .survey(
            csv: fixture.root + "/surveys/managers.csv", rows: [2], column: "'Members'",
            mapping: fixture.root + "/surveys/managers.survey.yaml", aggregate: "one"))
        #expect(result.profile("sustain-oss")?.members.count == 900)
        #expect(result.profile("tiny")?.members.count == nil)
    }

    @Test func matchByIdAndTheDefaultMatch() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("byid", csv: "Community,Members\nDEMO,10\nDemo Community,20\n", mapping: """
            key: {column: Community, match: id}
            fields:
              members.count: {column: Members, aggregate: one}

            """)
        try fixture.survey("any", csv: "Community,Members\nsustain-oss,30\nTiny Circle,40\n", mapping: """
            key: {column: Community}
            fields:
              members.active: {column: Members, aggregate: one}

            """)
        let result = fixture.merge()
        #expect(result.profile("demo")?.members.count == 10)
        #expect(result.profile("sustain-oss")?.members.active == 30)
        #expect(result.profile("tiny")?.members.active == 40)
        // "Demo Community" is a name, and this mapping matches ids only.
        #expect(result.warnings.map(\.message) == ["row 3 matches no profile: no profile has the id 'Demo Community' (column 1 'Community')"])
        #expect(result.warnings.first?.hint == "the closest profile is 'Demo Community' (demo); the row is not used: correct its answer, or add the community's profile")
    }

    @Test func unmatchedAndEmptyKeysAreWarningsNamingRowAndClosestProfile() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("managers", csv: "Community,Members,FTE,Tools\nSustain Open Sauce,1,1,x\n,2,1,y\nDemo,3,1,z\n", mapping: Self.managerMapping)
        let result = fixture.merge()
        let rendered = fixture.rendered(result)
        #expect(rendered == """
            surveys/managers.csv:2:1: warning: row 2 matches no profile: no profile has the name or short name 'Sustain Open Sauce' (column 1 'Community')
            hint: the closest profile is 'Sustain Open Source' (sustain-oss); the row is not used: correct its answer, or add the community's profile
            surveys/managers.csv:3:1: warning: row 3 names no community: column 1 'Community' is empty
            hint: the row is not used; fill in the community, or delete the row

            """)
        #expect(result.profile("demo")?.members.count == 3)
    }

    @Test func rowsOfProfilesOutsideTheRunAreNotUnmatched() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("managers", csv: "Community,Members,FTE,Tools\nTiny Circle,5,1,x\nDemo,3,1,z\n", mapping: Self.managerMapping)
        let (profiles, _) = fixture.loadProfiles()
        let merger = SurveyMerger(profilesRoot: fixture.root, taxonomy: SurveyFixture.taxonomy, currentYear: 2026)
        let others = [CommunityDirectory.entry(forProfileFile: fixture.root + "/tiny.yaml")]
        let result = merger.merge(profiles.filter { $0.id == "demo" }, otherFiles: others, mappingFiles: SurveyMerger.mappingFiles(in: fixture.root))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.profiles.map(\.id) == ["demo"])
    }

    // MARK: - Aggregations

    /// Seven members of demo answered; numbers by aggregate.
    @Test(arguments: [
        ("sum", 1 + 2 + 3 + 4 + 5 + 1200 + 7), ("min", 1), ("max", 1200), ("mean", 175), ("median", 4), ("count", 7),
    ])
    func numberAggregations(aggregate: String, expected: Int) throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let cells = ["1", "2", "3", "4", "5", "\"1,200\"", "7"]
        try fixture.survey("members", csv: "Community,Volunteers\n" + cells.map { "demo,\($0)\n" }.joined() + "demo,\n",
                           mapping: "key: {column: Community}\nfields:\n  staffing.volunteers: {column: Volunteers, aggregate: \(aggregate)}\n")
        let result = fixture.merge()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.profile("demo")?.staffing.volunteers == expected)
        // The empty cell of row 9 is no answer: the value rests on rows 2–8.
        if case .survey(_, let rows, _, _, _)? = result.profile("demo")?.origins["staffing.volunteers"] {
            #expect(rows == [2, 3, 4, 5, 6, 7, 8])
        } else {
            Issue.record("no survey origin")
        }
    }

    @Test func meanOfDecimalsRoundsToTheFieldsPrecision() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("m", csv: "Community,FTE\n" + ["0.5", "0.25", "1", "0.125", "2"].map { "demo,\($0)\n" }.joined(),
                           mapping: "key: {column: Community}\nfields:\n  staffing.paid_fte: {column: FTE, aggregate: mean}\n")
        let result = fixture.merge()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.profile("demo")?.staffing.paidFTE == 0.78)  // 3.875 / 5 = 0.775 → 0.78
    }

    @Test func textInANumberFieldIsAnErrorNeverZero() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("managers", csv: "Community,Members,FTE,Tools\nDemo,about 200,n/a,x\nSustain,1200.5,\"1,5\",y\n", mapping: Self.managerMapping)
        let result = fixture.merge()
        let rendered = fixture.rendered(result)
        #expect(rendered.contains("""
            surveys/managers.csv:2:2: error: 'members.count' must be a number, found 'about 200' (in column 2 'Members')
            hint: write digits, with ',' between thousands and '.' before decimals if need be (1,200 or 0.5); leave the cell empty when there is no answer, as text is never read as zero
            surveys/managers.csv:2:3: error: 'staffing.paid_fte' must be a number, found 'n/a' (in column 3 'FTE')
            """))
        #expect(rendered.contains("surveys/managers.csv:3:2: error: 'members.count' must be a whole number, found '1200.5' (in column 2 'Members')"))
        #expect(rendered.contains("surveys/managers.csv:3:3: error: 'staffing.paid_fte' must be a number, found '1,5' (in column 3 'FTE')"))
        #expect(result.failedProfiles == [fixture.root + "/demo.yaml", fixture.root + "/sustain-oss.yaml"])
        #expect(result.profile("demo")?.members.count == nil)
        #expect(!rendered.contains(" | "), "no CSV line is quoted")
    }

    @Test func oneWithRowsThatDisagreeIsAnErrorNamingBothRows() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("managers", csv: "Community,Members,FTE,Tools\nDemo,\"1,200\",1,x\nDemo,1200,1,x\nDemo,1300,1,x\n", mapping: Self.managerMapping)
        let result = fixture.merge()
        #expect(result.errors.map(\.message) == ["rows 2 and 4 disagree on 'members.count': '1,200' and '1300' (column 2 'Members')"])
        #expect(result.errors.first?.location?.line == 4)
    }

    @Test func oneOfAListTakesTheRowsItems() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("m", csv: "Community,Plans\nDemo,\"Grow; **Share** more\"\n",
                           mapping: "key: {column: Community}\nmin_cell: 1\nfields:\n  highlights.plans: {column: Plans, split: \";\", aggregate: one}\n")
        let result = fixture.merge()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.profile("demo")?.highlights.plans.map(\.plainText) == ["Grow", "Share more"])
    }

    @Test func unionIsMostFrequentFirstTiesFirstSeenCutToTheLimit() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        // 15 distinct tools; tools hold 12. Zoom 3 rows, GitHub 2 (one row lists it twice), the rest once.
        let cells = ["Slack, Zoom", "zoom, GitHub, GitHub", "Zoom, Jitsi, A1, A2", "Github, A3, A4, A5", "A6, A7, A8, A9, A10, A11"]
        try fixture.survey("m", csv: "Community,Tools\n" + cells.map { "Demo,\"\($0)\"\n" }.joined(),
                           mapping: "key: {column: Community}\nmin_cell: 1\nfields:\n  tools: {column: Tools, split: \",\", aggregate: union}\n")
        let result = fixture.merge()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.profile("demo")?.tools == ["Zoom", "GitHub", "Slack", "Jitsi", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"])
        #expect(result.provenance[fixture.root + "/demo.yaml"]?["tools"]?.first?.cutAnswers == 3)
    }

    @Test func unionItemsAreValidatedAtTheirCell() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let long = String(repeating: "x", count: 40)
        try fixture.survey("m", csv: "Community,Tools,Keywords\nDemo,Slack,open-science\nDemo,\(long),trainig\n" + String(repeating: "Demo,Slack,training\n", count: 3),
                           mapping: "key: {column: Community}\nmin_cell: 1\nfields:\n  tools: {column: Tools}\n  keywords: {column: Keywords}\n")
        let result = fixture.merge()
        #expect(result.errors.map { "\($0.location!.line):\($0.location!.column) \($0.message)" } == [
            "3:2 'tools' is too long: 40 characters (in column 2 'Tools')",
            "3:3 keyword 'trainig' is not in the taxonomy (in column 3 'Keywords')",
        ])
        #expect(result.errors[1].hint == "did you mean 'training'?")
    }

    // MARK: - share, min_responses and min_cell

    /// `counts` rows per answer for demo.
    func regionSurvey(_ fixture: SurveyFixture, _ counts: [(String, Int)], other: Bool = true, extra: String = "") throws {
        let rows = counts.flatMap { answer, count in Array(repeating: "demo,\(answer)\n", count: count) }
        try fixture.survey("members", csv: "Community,Where are you based?\n" + rows.joined(), mapping: """
            key: {column: Community, match: id}
            \(extra)
            fields:
              members.regions:
                column: Where are you based?
                aggregate: share
                values:
                  United States: north-america
                  Canada: north-america
                  Deutschland: europe
                  France: europe
                  Kenya: africa
                  Japan: asia
                  Brazil: south-america
                \(other ? "other: other" : "")

            """)
    }

    @Test func shareRecodesAndSumsToExactly100() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try regionSurvey(fixture, [("United States", 4), ("canada", 4), ("Deutschland", 3), ("France", 3), ("Kenya", 3), ("Japan", 3), ("Mars", 1), ("Brazil", 0)])
        let result = fixture.merge()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let shares = try #require(result.profile("demo")?.members.regions?.shares)
        // 21 rows: 8 / 6 / 3 / 3 / 1 (Mars, via other). Rounded each on its own they would be
        // 38.1, 28.6, 14.3, 14.3, 4.8, which sum to 100.1; largest remainders give 4.7 instead.
        #expect(shares.map(\.category) == ["north-america", "europe", "africa", "asia", "other"])
        #expect(shares.map(\.percent) == [38.1, 28.6, 14.3, 14.3, 4.7])
        #expect(shares.map(\.percent).reduce(0, +).isApproximately(100))
    }

    @Test func minCellFoldsSmallCategoriesIntoOther() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try regionSurvey(fixture, [("United States", 6), ("Deutschland", 3), ("Kenya", 2), ("Japan", 1)])
        let result = fixture.merge()
        let shares = try #require(result.profile("demo")?.members.regions?.shares)
        #expect(shares.map(\.category) == ["north-america", "europe", "other"])
        #expect(shares.map(\.percent) == [50, 25, 25])
        #expect(result.provenance[fixture.root + "/demo.yaml"]?["members.regions"]?.first?.foldedCategories == 2)
    }

    @Test func minCellLeavesSmallCategoriesOutWithoutOther() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try regionSurvey(fixture, [("United States", 6), ("Deutschland", 3), ("Kenya", 2)], other: false, extra: "min_cell: 3")
        let result = fixture.merge()
        let shares = try #require(result.profile("demo")?.members.regions?.shares)
        #expect(shares.map(\.category) == ["north-america", "europe"])
        #expect(shares.map(\.percent) == [66.7, 33.3])
        #expect(result.provenance[fixture.root + "/demo.yaml"]?["members.regions"]?.first?.leftOutCategories == 1)
        if case .survey(_, let rows, _, _, _)? = result.profile("demo")?.origins["members.regions"] {
            #expect(rows.count == 9, "the rows left out are not among the rows the value rests on")
        }
    }

    @Test func anAnswerNotInValuesWithoutOtherIsAnErrorAtItsCell() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try regionSurvey(fixture, [("United States", 6), ("Deutchland", 1)], other: false)
        let result = fixture.merge()
        #expect(result.errors.map(\.message) == ["answer 'Deutchland' for 'members.regions' is not in 'values' (in column 2 'Where are you based?')"])
        #expect(result.errors.first?.location?.line == 8)
        #expect(result.errors.first?.hint?.hasPrefix("did you mean 'Deutschland'?") == true)
    }

    @Test func fewerThanMinResponsesIsSuppressed() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try regionSurvey(fixture, [("United States", 3), ("Kenya", 1)])
        let result = fixture.merge()
        #expect(result.diagnostics.isEmpty)
        let demo = try #require(result.profile("demo"))
        #expect(demo.members.regions == nil)
        #expect(demo.suppressed["members.regions"] == Suppression(minimumResponses: 5, mappingFile: fixture.root + "/surveys/members.survey.yaml"))
        #expect(demo.suppressed["members.regions"]?.notice == "fewer than 5 responses")
        #expect(demo.origins["members.regions"] == nil)
        // Communities without rows are not suppressed: the survey says nothing about them.
        #expect(result.profile("tiny")?.suppressed.isEmpty == true)
    }

    @Test func oneIsNeverSuppressedAndSumIs() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("m", csv: "Community,Members\ndemo,5\ndemo,5\n", mapping: """
            key: {column: Community}
            fields:
              members.count: {column: Members, aggregate: one}
              staffing.volunteers: {column: Members, aggregate: sum}

            """)
        let demo = try #require(fixture.merge().profile("demo"))
        #expect(demo.members.count == 5)
        #expect(demo.staffing.volunteers == nil)
        #expect(demo.suppressed.keys.sorted() == ["staffing.volunteers"])
    }

    @Test func surveyValuesAreValidatedLikeProfileValues() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("m", csv: "Community,Members,Site\ndemo,200000000,ftp://demo.example.org\n", mapping: """
            key: {column: Community}
            fields:
              members.count: {column: Members, aggregate: one}
              website: {column: Site}

            """)
        let result = fixture.merge()
        #expect(result.errors.map { "\($0.location!.line):\($0.location!.column) \($0.message)" } == [
            "2:2 'members.count' is out of range: 200000000 (in column 2 'Members')",
            "2:3 'website' must be an http or https URL, found 'ftp://demo.example.org' (in column 3 'Site')",
        ])
        #expect(result.failedProfiles == [fixture.root + "/demo.yaml"])
    }

    @Test func aColumnTheCSVLacksNamesTheClosestHeader() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("m", csv: "Community,How many members?\ndemo,5\n", mapping: """
            key: {column: Community}
            fields:
              members.count: {column: How many member?, aggregate: one}

            """)
        let result = fixture.merge()
        #expect(fixture.rendered(result) == """
            surveys/m.survey.yaml:5:27: error: column 'How many member?' is not in surveys/m.csv
            5 |   members.count: {column: How many member?, aggregate: one}
              |                           ^
            hint: the closest header is 'How many members?'

            """)
    }

    // MARK: - Precedence

    @Test func profileValuesWinAndDisagreementsAreWarnings() throws {
        let fixture = try fixture(demoExtra: "members:\n  count: 1350\n  active: 100\n")
        defer { fixture.remove() }
        try fixture.survey("m", csv: "Community,Members,Active\ndemo,\"1,320\",100\n", mapping: """
            key: {column: Community}
            fields:
              members.count: {column: Members, aggregate: one}
              members.active: {column: Active, aggregate: one}

            """)
        let result = fixture.merge()
        let demo = try #require(result.profile("demo"))
        #expect(demo.members.count == 1350)
        #expect(demo.origins["members.count"] == .profile(SourceLocation(file: fixture.root + "/demo.yaml", line: 11, column: 10)))
        #expect(result.warnings.count == 1, "the agreeing 'members.active' is no warning")
        #expect(fixture.rendered(result) == """
            demo.yaml:11:10: warning: 'members.count' is 1350 here (demo.yaml:11:10), but 1320 in surveys/m.csv (row 2, column 'Members'); the profile's value is used
            hint: remove the value from the profile to use the survey's, or correct the survey

            """)
        let contributions = result.provenance[fixture.root + "/demo.yaml"]
        #expect(contributions?["members.count"]?.first?.outcome == .overriddenByProfile(SourceLocation(file: fixture.root + "/demo.yaml", line: 11, column: 10)))
        #expect(contributions?["members.count"]?.first?.disagrees == true)
        #expect(contributions?["members.active"]?.first?.disagrees == false)
    }

    @Test func theFirstMappingByNameWinsOverALaterOne() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.survey("a", csv: "Community,Members\ndemo,10\n", mapping: "key: {column: Community}\nfields:\n  members.count: {column: Members}\n")
        try fixture.survey("b", csv: "Community,Members\ndemo,12\n", mapping: "key: {column: Community}\nfields:\n  members.count: {column: Members}\n")
        let result = fixture.merge()
        #expect(result.profile("demo")?.members.count == 10)
        #expect(result.warnings.map(\.location?.line) == [2])
        #expect(result.warnings.first?.location?.file == fixture.root + "/surveys/b.csv")
    }

    // MARK: - Privacy of diagnostics, provenance and fingerprints

    @Test func noCSVLineIsEverQuotedAndUnmappedCellsAreNeverRead() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        var bytes = Array("Community,Name,Email,Comment,Members\n".utf8)
        bytes += Array("demo,Ada Secretperson,ada@secret.example,\"I dislike my PI, really\",1\n".utf8)
        bytes += Array("demo,Bob Hiddenname,bob@secret.example,Pr".utf8) + [0xE9] + Array("f\u{00E9}r\u{00E9},2,extra\n".utf8)
        try fixture.write(bytes: bytes, as: "surveys/m.csv")
        try fixture.write("format: 1\nsource: m.csv\nkey: {column: Community}\nfields:\n  members.count: {column: Members}\n", as: "surveys/m.survey.yaml")
        let result = fixture.merge()
        let text = fixture.rendered(result)
            + DiagnosticRenderer(format: .json, sources: result.sources).render(result.diagnostics)
        #expect(result.errors.count == 2, "\(text)")
        for secret in ["Secretperson", "secret.example", "dislike", "Hiddenname", "féré"] {
            #expect(!text.contains(secret), "'\(secret)' leaked into:\n\(text)")
        }
        #expect(result.sources.line(3, of: fixture.root + "/surveys/m.csv") == nil)
    }

    @Test func fingerprintsChangeWithMatchedRowsOnly() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let mapping = "key: {column: Community}\nmin_responses: 1\nfields:\n  members.count: {column: Members}\n"
        try fixture.survey("m", csv: "Community,Members,Comment\ndemo,10,hello\nsustain-oss,20,x\n", mapping: mapping)
        let first = fixture.merge().fingerprints
        #expect(first["demo"]?.count == 64)
        #expect(first["tiny"] == "")
        // Same data, an unmapped column and another community's row changed: demo's is unchanged.
        try fixture.survey("m", csv: "Community,Members,Comment\ndemo,10,goodbye\nsustain-oss,21,y\n", mapping: mapping)
        let second = fixture.merge().fingerprints
        #expect(second["demo"] == first["demo"])
        #expect(second["sustain-oss"] != first["sustain-oss"])
        // The mapping changed: every profile it fed changes.
        try fixture.survey("m", csv: "Community,Members,Comment\ndemo,10,goodbye\nsustain-oss,21,y\n", mapping: mapping + "min_cell: 4\n")
        #expect(fixture.merge().fingerprints["demo"] != first["demo"])
    }

    // MARK: - explain

    @Test func explainNamesTheSourceAndWhatWasOverriddenOrWithheld() throws {
        let fixture = try fixture(demoExtra: "members:\n  count: 1350\n")
        defer { fixture.remove() }
        try fixture.survey("m", csv: "Community,Members,Region\n" + String(repeating: "demo,1320,United States\n", count: 3) + "tiny,5,Kenya\n", mapping: """
            key: {column: Community}
            fields:
              members.count: {column: Members, aggregate: max}
              members.regions: {column: Region, values: {United States: north-america, Kenya: africa}}
              staffing.volunteers: {column: Members, aggregate: one}

            """)
        let result = fixture.merge()
        let demo = try #require(result.profile("demo"))
        let file = fixture.root + "/demo.yaml"
        func explain(_ field: String, _ profile: Profile) -> String {
            FieldExplanation.text(field: field, profile: profile, contributions: result.provenance[profile.file]?[field] ?? [])
                .replacingOccurrences(of: fixture.root + "/", with: "")
        }
        #expect(explain("members.regions", demo) == """
            members.regions of demo (demo.yaml)
            value: not set
            withheld: 3 answering rows, fewer than min_responses (5), so the sheet says "fewer than 5 responses"; survey surveys/m.csv, column 'Region', rows 2–4 (3 rows), aggregate share, mapped by surveys/m.survey.yaml

            """)
        #expect(explain("staffing.volunteers", demo) == """
            staffing.volunteers of demo (demo.yaml)
            value: 1320
            from: survey surveys/m.csv, column 'Members', rows 2–4 (3 rows), aggregate one, mapped by surveys/m.survey.yaml

            """)
        // max over 3 rows is suppressed, so nothing is said to override the profile's count.
        #expect(explain("members.count", demo) == """
            members.count of demo (demo.yaml)
            value: 1350
            from: the profile, demo.yaml:11:10
            withheld: 3 answering rows, fewer than min_responses (5), so the sheet says "fewer than 5 responses"; survey surveys/m.csv, column 'Members', rows 2–4 (3 rows), aggregate max, mapped by surveys/m.survey.yaml

            """)
        #expect(demo.suppressed["members.count"] == nil, "a profile value is never suppressed")
        #expect(explain("license", demo).contains("from: the format's default; demo.yaml does not set it"))
        #expect(explain("tools", demo).contains("from: neither the profile nor a survey sets it"))
        #expect(file.hasSuffix("demo.yaml"))
    }
}

extension Double {
    func isApproximately(_ other: Double) -> Bool { abs(self - other) < 1e-9 }
}
