import Foundation
import SheetCore
@testable import SheetLayout
import Testing

@Suite("Frame roles")
struct FrameRoleTests {
    /// Every text and image sits in a frame that says what it is; no text is only in groups.
    @Test(arguments: [PaperSize.letter, .a4])
    func everyTextHasARole(paper: PaperSize) throws {
        let result = try LayoutFixture.layout(LayoutFixture.rich(), paper: paper)
        for page in result.document.pages {
            #expect(page.frame.role == .page)
            for placed in page.frame.flattened() {
                switch placed.item {
                case .text(let text):
                    let innermost = placed.roles.last { $0 != .group }
                    #expect(innermost != nil && innermost != .page, "'\(text.block.plainText)' has no role of its own")
                    #expect(innermost?.section == nil, "'\(text.block.plainText)' is directly in a section")
                case .image:
                    #expect(placed.roles.contains { if case .figure = $0 { return true } else { return false } })
                default:
                    continue
                }
            }
        }
    }

    @Test func headingsFiguresTablesAndArtifacts() throws {
        var profile = LayoutFixture.rich()
        profile.members.regions = Breakdown([.init(category: "europe", percent: 64.3), .init(category: "north-america", percent: 21.4), .init(category: "other", percent: 14.3)])
        let result = try LayoutFixture.layout(profile)
        let all = result.document.pages.flatMap { $0.frame.flattened() }
        func texts(_ role: FrameRole) -> [String] {
            all.compactMap { placed in
                guard placed.roles.last == role, case .text(let text) = placed.item else { return nil }
                return text.block.plainText
            }
        }
        // The name, read with the band's label and period (one title, not a repeated header).
        #expect(texts(.heading(level: 1)) == ["Demo Community", "COMMUNITY PROFILE", "2025"])
        #expect(texts(.heading(level: 2)).contains("THE YEAR IN BRIEF"))
        #expect(texts(.heading(level: 3)).contains("Champion"))
        // Figures carry their content in words.
        let figures = result.document.pages.flatMap { $0.frame.frames { if case .figure = $0 { true } else { false } } }.map(\.role)
        #expect(figures.contains(.figure(alt: "Members by region: Europe 64.3%, North America 21.4%, Other 14.3%", language: "en")))
        #expect(figures.contains(.figure(alt: "Members by career stage: Early career 70%, Senior 30%", language: "en")))
        #expect(figures.contains(.figure(alt: "Funding: Grants 70%, In-kind 30%", language: "en")))
        #expect(figures.contains(.figure(alt: "Programming through the Community Participation Model: Convey: Newsletter; Podcast. "
            + "Contribute: Forum answers. Collaborate: Working groups. Co-create: Shared guides. Champion: Mentoring; Office hours.", language: "en")))
        // Label–value pairs are table cells.
        #expect(texts(.tableHeaderCell).contains("members"))
        #expect(texts(.tableDataCell).contains("1,200"))
        #expect(texts(.tableHeaderCell).contains("E-MAIL"))
        #expect(all.contains { $0.roles.contains(.link(url: "mailto:ada@example.org")) })
        // Bullet lists are lists of items, a label and a body each.
        #expect(result.document.pages.contains { !$0.frame.frames { $0 == .listLabel }.isEmpty })
        #expect(texts(.listBody).contains("Launched a thing"))
        // Running headers and footers are artifacts, on every page.
        for (index, page) in result.document.pages.enumerated() {
            let footer = page.frame.flattened().filter { $0.roles.contains(.artifact(.footer)) }
            #expect(footer.contains { if case .text(let text) = $0.item { text.block.plainText == "Page \(index + 1) of \(result.document.pages.count)" } else { false } })
            if index > 0 { #expect(page.frame.flattened().contains { $0.roles.contains(.artifact(.header)) }) }
        }
    }

    /// Whether a section shows anything is decided from the profile's data, and agrees with
    /// what laying the section out gives, for every component the template language has.
    @Test func contentIsDecidedFromTheData() throws {
        let template = try LayoutFixture.template()
        var suppressed = LayoutFixture.minimal()
        for field in ["members.regions", "funding", "tools", "highlights.plans", "programming"] {
            suppressed.suppressed[field] = Suppression(minimumResponses: 5, mappingFile: "surveys/demo.yaml")
        }
        var sparse = LayoutFixture.minimal()
        sparse.staffing = Staffing(volunteers: 3)
        sparse.contact.email = "a@example.org"
        let profiles = [LayoutFixture.minimal(), LayoutFixture.rich(), suppressed, sparse]
        let engine = SheetLayoutEngine(template: template, measurer: FixedMetricMeasurer())
        var specs: [ComponentSpec] = ComponentKind.allCases.filter { TemplateLoader.fieldsByComponent[$0] == nil }.map { ComponentSpec(kind: $0) }
        for (kind, fields) in TemplateLoader.fieldsByComponent {
            specs += fields.map { ComponentSpec(kind: kind, field: $0) }
        }
        specs.append(ComponentSpec(kind: .participationModel))
        for profile in profiles {
            let context = LayoutContext(
                profile: profile, taxonomy: LayoutFixture.taxonomy, template: template, measurer: FixedMetricMeasurer(), scale: 1,
                paper: .letter, pageSize: Size(width: 612, height: 792), pageNumber: 1, pageCount: 1, generatedOn: "2026-01-01",
                numbers: .english, strings: template.sheetStrings(for: "en", numbers: .english).strings, language: "en")
            for spec in specs {
                let laidOut = engine.component(spec, pageTitle: "Page").layout(context, width: 300) != nil
                #expect(spec.hasContent(in: profile) == laidOut, "\(spec.kind) \(spec.field ?? "")")
            }
        }
    }
}
