import Foundation
import SheetCore
import Testing

@Suite("Loading profiles")
struct ProfileLoaderTests {
    @Test func minimalProfileLoadsWithDefaults() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let result = try fixture.load(ProfileFixture.minimal())
        #expect(result.diagnostics.isEmpty)
        let profile = try #require(result.profile)
        #expect(profile.id == "demo")
        #expect(profile.type == .network)
        #expect(profile.period == .year(2025))
        #expect(profile.language == "en")
        #expect(profile.license == "CC-BY-4.0")
        #expect(profile.programming[.convey] == ["Monthly newsletter"])
        #expect(profile.origins["license"] == .defaultValue)
        #expect(profile.origins["mission"] == .profile(SourceLocation(file: fixture.root + "/demo.yaml", line: 6, column: 10)))
    }

    @Test func everyFieldIsRead() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#0072B2"/></svg>"##
        _ = try fixture.write(svg, as: "logos/demo.svg")
        let text = """
        format: 1
        id: demo
        name: Demo Community
        short_name: Demo
        type: open-source-project
        founded: 2017
        period: {from: 2024-07, to: 2025-06}
        website: https://demo.example.org
        logo: logos/demo.svg
        language: pt-BR
        keywords: [research-software, open-science]
        mission: >
          Help people
          help each other.
        narrative: |
          First *paragraph* with a [link](https://example.org).

          Second **paragraph**.
        structure:
          host: A university
          governance: A steering group
          leadership:
            - role: Chair
              name: Ada
            - role: Treasurer
        staffing: {paid_fte: 1.25, community_managers: 2, volunteers: 30}
        members:
          count: 1200
          active: 150
          regions: {europe: 60, africa: 40}
          career_stages: {early-career: 50.5, senior: 49.5}
        programming:
          convey: [Newsletter]
          contribute: [Forum answers]
          collaborate: [Working groups]
          co-create: [Guides]
          champion: [Mentoring]
        champions: Leaders mentor newcomers.
        funding: {grants: 70, in-kind: 30}
        tools: [Slack, GitHub]
        highlights:
          successes: [Launched a thing]
          outputs: [A report]
          challenges: [Volunteer time]
          plans: [A second thing]
        contact: {name: Ada, email: ada@example.org, url: https://demo.example.org/contact}
        license: CC-BY-SA-4.0
        """
        let result = try fixture.load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let profile = try #require(result.profile)
        #expect(profile.shortName == "Demo")
        #expect(profile.founded == 2017)
        #expect(profile.period == .months(from: YearMonth(year: 2024, month: 7), to: YearMonth(year: 2025, month: 6)))
        #expect(profile.logo?.format == .svg)
        #expect(profile.logo?.width == 120)
        #expect(profile.language == "pt-BR")
        #expect(profile.keywords == ["research-software", "open-science"])
        #expect(profile.mission == "Help people help each other.")
        #expect(profile.narrative?.paragraphs.count == 2)
        #expect(profile.narrative?.links == ["https://example.org"])
        #expect(profile.structure.leadership == [LeadershipRole(role: "Chair", name: "Ada"), LeadershipRole(role: "Treasurer")])
        #expect(profile.staffing == Staffing(paidFTE: 1.25, communityManagers: 2, volunteers: 30))
        #expect(profile.members.count == 1200)
        #expect(profile.members.careerStages?.shares.map(\.percent) == [50.5, 49.5])
        #expect(profile.programming.totalActivities == 5)
        #expect(profile.funding?.shares.map(\.category) == ["grants", "in-kind"])
        #expect(profile.tools == ["Slack", "GitHub"])
        #expect(profile.highlights.plans.first?.plainText == "A second thing")
        #expect(profile.contact == Contact(name: "Ada", email: "ada@example.org", url: "https://demo.example.org/contact"))
        #expect(profile.license == "CC-BY-SA-4.0")
    }

    @Test func yaml11CoercionsDoNotApply() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let result = try fixture.load(ProfileFixture.minimal(extra: "short_name: no\ntools: [1.10, yes, 030]"))
        let profile = try #require(result.profile)
        #expect(profile.shortName == "no")
        #expect(profile.tools == ["1.10", "yes", "030"])
    }

    @Test(arguments: ["030", "0x1F", "1_000", "12:30", "1e3", "2017.0", "+5", "0o17"])
    func integerFieldsRejectNonDecimalForms(_ value: String) throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let result = try fixture.load(ProfileFixture.minimal(extra: "founded: \(value)"))
        #expect(result.profile == nil)
        #expect(result.diagnostics.map(\.message) == ["'founded' must be a whole number, found '\(value)'"])
        #expect(result.diagnostics.first?.location?.line == 9)
        #expect(result.diagnostics.first?.location?.column == 10)
    }

    @Test func allErrorsOfAFileAreReported() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let text = """
        format: 1
        id: demo
        nmae: Demo
        type: netwrk
        period: 2025
        mission: ""
        founded: 1700
        """
        let result = try fixture.load(text)
        #expect(result.diagnostics.map(\.message).sorted() == [
            "'founded' is out of range: 1700",
            "'mission' is empty",
            "'type' must be one of its allowed values, found 'netwrk'",
            "missing required key 'name'",
            "unknown key 'nmae' in a profile",
        ])
    }

    @Test func keywordsMustBeInTheTaxonomy() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let result = try fixture.load(ProfileFixture.minimal(extra: "keywords: [research-sofware, training, training]"))
        let messages = result.diagnostics.map { "\($0.message) | \($0.hint ?? "")" }
        #expect(messages == [
            "keyword 'research-sofware' is not in the taxonomy | did you mean 'research-software'?",
            "keyword 'training' is listed twice in 'keywords' | it is already item 2; remove one",
        ])
    }

    @Test func idMustMatchTheFileName() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let result = try fixture.load(ProfileFixture.minimal(id: "other"))
        #expect(result.diagnostics.map(\.message) == ["'id' is 'other' but the file is named 'demo.yaml'"])
    }

    @Test func breakdownsMustSumToAHundred() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let result = try fixture.load(ProfileFixture.minimal(extra: "funding: {grants: 50, grant: 20, donations: 20.25}"))
        #expect(result.diagnostics.map(\.message) == [
            "unknown category 'grant' in 'funding'",
            "'funding.donations' has 2 decimals, found '20.25'",
        ])
        let sum = try fixture.load(ProfileFixture.minimal(extra: "funding: {grants: 50, donations: 48.5}"))
        #expect(sum.diagnostics.map(\.message) == ["'funding' adds up to 98.5 percent"])
        let fine = try fixture.load(ProfileFixture.minimal(extra: "funding: {grants: 50, donations: 49}"))
        #expect(fine.diagnostics.isEmpty)
    }

    @Test func textLengthsCountGraphemes() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        // 24 flags of two scalars each are 24 characters: within the short name's limit.
        let flags = String(repeating: "🇪🇹", count: 24)
        #expect(try fixture.load(ProfileFixture.minimal(extra: "short_name: \"\(flags)\"")).diagnostics.isEmpty)
        let long = try fixture.load(ProfileFixture.minimal(extra: "short_name: \"\(flags)x\""))
        #expect(long.diagnostics.map(\.message) == ["'short_name' is too long: 25 characters"])
        #expect(long.diagnostics.first?.hint == "the limit is 24 characters; shorten it by 1")
    }

    @Test func crossFieldRulesAfterMerge() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let text = ProfileFixture.minimal(extra: "members: {count: 10, active: 20}")
            .replacingOccurrences(of: "programming:\n  convey: [Monthly newsletter]\n", with: "")
        let result = try fixture.load(text)
        let profile = try #require(result.profile)
        #expect(ProfileChecks.check(profile).map(\.message) == [
            "the profile lists no programming activities",
            "'members.active' is 20, more than 'members.count' (10)",
        ])
    }
}
