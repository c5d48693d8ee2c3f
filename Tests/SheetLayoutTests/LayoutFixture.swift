import Foundation
import SheetCore
@testable import SheetLayout

/// Profiles and the standard template for layout tests, measured with fixed metrics.
enum LayoutFixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func template() throws -> Template {
        let result = TemplateLoader.load(directory: repositoryRoot + "/templates/standard")
        guard let template = result.template else { throw FixtureError.template(result.diagnostics.map(\.message)) }
        return template
    }

    enum FixtureError: Error { case template([String]) }

    static let taxonomy = Taxonomy(keywords: [("research-software", "Research software"), ("open-science", "Open science")])

    static func minimal() -> Profile {
        var profile = Profile(id: "demo", name: "Demo Community", type: .network, period: .year(2025),
                              mission: "Help people help each other.", file: "profiles/demo.yaml")
        profile.programming[.convey] = ["Monthly newsletter"]
        return profile
    }

    static func rich() -> Profile {
        var profile = minimal()
        profile.shortName = "Demo"
        profile.founded = 2017
        profile.website = "https://demo.example.org"
        profile.keywords = ["research-software", "open-science"]
        profile.narrative = RichText(paragraphs: [[RichSpan("A year of steady growth. "), RichSpan("Working groups", strong: true), RichSpan(" met every month.")]])
        profile.structure = CommunityStructure(host: "A university", governance: "A steering group", leadership: [LeadershipRole(role: "Chair", name: "Ada")])
        profile.staffing = Staffing(paidFTE: 1.5, communityManagers: 2, volunteers: 40)
        profile.members = Members(count: 1200, active: 300,
                                  regions: Breakdown([.init(category: "europe", percent: 60), .init(category: "africa", percent: 40)]),
                                  careerStages: Breakdown([.init(category: "early-career", percent: 70), .init(category: "senior", percent: 30)]))
        profile.programming = Programming(activities: [
            .convey: ["Newsletter", "Podcast"], .contribute: ["Forum answers"], .collaborate: ["Working groups"],
            .coCreate: ["Shared guides"], .champion: ["Mentoring", "Office hours"],
        ])
        profile.champions = RichText(plain: "Experienced members mentor new leads.")
        profile.funding = Breakdown([.init(category: "grants", percent: 70), .init(category: "in-kind", percent: 30)])
        profile.tools = ["Slack", "GitHub", "Zoom"]
        profile.highlights = Highlights(successes: [RichText(plain: "Launched a thing")], outputs: [RichText(plain: "A report")],
                                        challenges: [RichText(plain: "Volunteer time")], plans: [RichText(plain: "More things")])
        profile.contact = Contact(name: "Ada", email: "ada@example.org", url: "https://demo.example.org/contact")
        return profile
    }

    static let options = LayoutOptions(paper: .letter, date: Date(timeIntervalSince1970: 1_767_225_600), creator: "profilesheet test")

    /// The context a component is laid out in on page 1 of 1 of an English sheet, at full size.
    static func context(_ template: Template, paper: PaperSize = .a4, profile: Profile = rich()) -> LayoutContext {
        LayoutContext(
            profile: profile, taxonomy: taxonomy, template: template, measurer: FixedMetricMeasurer(), scale: 1,
            paper: paper, pageSize: paper == .a4 ? Size(width: 595, height: 842) : Size(width: 612, height: 792), pageNumber: 1, pageCount: 1,
            generatedOn: "2026-01-01", numbers: .english, strings: template.sheetStrings(for: "en", numbers: .english).strings, language: "en")
    }

    static func layout(_ profile: Profile, paper: PaperSize = .letter, measurer: any TextMeasurer = FixedMetricMeasurer()) throws -> LayoutResult {
        var options = options
        options.paper = paper
        return SheetLayoutEngine(template: try template(), measurer: measurer).layout(profile, taxonomy: taxonomy, options: options)
    }
}
