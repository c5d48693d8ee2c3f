import Foundation
import SheetCore
import SheetPipeline
@testable import SheetSurvey
import TestSupport
import Testing

/// The survey stage inside the pipeline: load → merge → check.
@Suite("The survey stage")
struct SurveyStageTests {
    static let template = CommandRunner.repositoryRoot + "/templates/standard"

    func configuration(_ fixture: SurveyFixture) -> RunConfiguration {
        RunConfiguration(profilesDirectory: fixture.root, templateDirectory: Self.template, outputDirectory: fixture.root + "/out", currentYear: 2026)
    }

    @Test func aBadCellMakesOnlyItsProfileInvalid() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        try fixture.write(SurveyFixture.profile("demo", name: "Demo Community"), as: "demo.yaml")
        try fixture.write(SurveyFixture.profile("other", name: "Other Community"), as: "other.yaml")
        try fixture.survey("m", csv: "Community,Members\ndemo,about 200\nother,\"1,500\"\n",
                           mapping: "key: {column: Community, match: id}\nfields:\n  members.count: {column: Members, aggregate: one}\n")
        let loaded = try LoadStage.run(configuration(fixture), selection: [])
        let (merged, details) = SurveyStage.merge(loaded, configuration: configuration(fixture))
        #expect(merged.profiles.map(\.id) == ["other"])
        #expect(merged.profiles.first?.members.count == 1500)
        #expect(merged.invalidFiles == [fixture.root + "/demo.yaml"])
        #expect(merged.diagnostics.filter { $0.severity == .error }.map(\.location?.description) == [fixture.root + "/surveys/m.csv:2:2"])
        #expect(details.profiles.map(\.id) == ["demo", "other"])
        #expect(merged.surveyFingerprints["other"]?.count == 64)
        // The mapping's lines may be quoted; the CSV's may not.
        #expect(merged.sources.line(1, of: fixture.root + "/surveys/m.survey.yaml") == "format: 1")
        #expect(merged.sources.line(2, of: fixture.root + "/surveys/m.csv") == nil)
    }

    @Test func withoutSurveysProfilesPassThrough() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        try fixture.write(SurveyFixture.profile("demo", name: "Demo Community"), as: "demo.yaml")
        let loaded = try LoadStage.run(configuration(fixture), selection: [])
        let merged = SurveyStage.run(loaded, configuration: configuration(fixture))
        #expect(merged.profiles == loaded.profiles)
        #expect(merged.diagnostics.isEmpty)
        #expect(merged.surveyFingerprints == ["demo": ""])
    }

    @Test func explainOnTheCommandLine() throws {
        let ok = try CommandRunner.profilesheet(["explain", "sustain-oss", "members.regions"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("""
            members.regions of sustain-oss (profiles/sustain-oss.yaml)
            value: north-america 50%, europe 25%, other 25%
            from: survey profiles/surveys/member-survey-2025.csv, column Q2 'In which region are you based?', rows
            """))
        #expect(ok.stdout.contains("folded: 3 categories chosen by fewer than 3 rows (min_cell) went into 'other'"))
        let agrees = try CommandRunner.profilesheet(["explain", "us-rse", "members.count"])
        #expect(agrees.stdout.contains("from: the profile, profiles/us-rse.yaml:"))
        #expect(agrees.stdout.contains("overrides: 3400 from survey profiles/surveys/community-managers-2025.csv"))
        let withheld = try CommandRunner.profilesheet(["explain", "cm-reading-circle", "members.career_stages"])
        #expect(withheld.stdout.contains("value: not set\nwithheld: 3 answering rows, fewer than min_responses (5)"))
        let badField = try CommandRunner.profilesheet(["explain", "cscce", "members.region"])
        #expect(badField.status == 2)
        #expect(badField.stderr.contains("unknown field 'members.region'; did you mean 'members.regions'?"))
        let badProfile = try CommandRunner.profilesheet(["explain", "csce", "members.regions"])
        #expect(badProfile.status == 1)
        #expect(badProfile.stderr.contains("no profile 'csce'"))
    }
}
