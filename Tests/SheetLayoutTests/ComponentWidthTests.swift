import Foundation
import SheetCore
@testable import SheetLayout
import Testing

/// What row balancing assumes of a component's height as its width changes
/// (`ComponentSpec.heightMayGrowWithWidth`), checked with fixed metrics on every sample and
/// fixture profile, for every component of both templates.
@Suite("Component heights against width")
struct ComponentWidthTests {
    static func templates() throws -> [Template] {
        try ["standard", "compact"].map { name in
            let result = TemplateLoader.load(directory: LayoutFixture.repositoryRoot + "/templates/" + name)
            guard let template = result.template else { throw LayoutFixture.FixtureError.template(result.diagnostics.map(\.message)) }
            return template
        }
    }

    static func specs(_ blocks: [BlockTemplate]) -> [ComponentSpec] {
        blocks.flatMap { block -> [ComponentSpec] in
            switch block {
            case .component(let spec): [spec]
            case .columns(let columns): columns.flatMap { specs($0.blocks) }
            }
        }
    }

    static let widths = Array(stride(from: 120.0, through: 400, by: 4))

    /// A component said not to grow with width is never taller at a wider width, from a
    /// third of a column to a whole page.
    @Test func textAndBarChartsNeverGrowWithWidth() throws {
        var checked = Set<ComponentKind>()
        for template in try Self.templates() {
            let engine = SheetLayoutEngine(template: template, measurer: FixedMetricMeasurer())
            let specs = Self.specs((template.firstPage?.blocks ?? []) + (template.flow?.blocks ?? [])).filter { !$0.heightMayGrowWithWidth }
            for (profile, taxonomy) in ColumnBalanceTests.profiles() {
                var context = LayoutFixture.context(template, profile: profile)
                context.taxonomy = taxonomy
                for spec in specs {
                    let heights = Self.widths.map { engine.component(spec, pageTitle: "").layout(context, width: $0)?.size.height ?? 0 }
                    checked.insert(spec.kind)
                    for index in heights.indices.dropFirst() {
                        #expect(heights[index] <= heights[index - 1] + 0.01,
                                "\(profile.id) \(spec.kind) \(spec.field ?? ""): \(heights[index - 1]) pt at \(Self.widths[index - 1]) wide, \(heights[index]) pt at \(Self.widths[index])")
                    }
                }
            }
        }
        #expect(checked.isSuperset(of: [.paragraphs, .keywordChips, .barChart, .toolList, .bulletList, .structure, .contact]), "\(checked)")
    }

    /// A donut does grow with its column (its diameter is 0.46 of the width up to 104 pt), so
    /// balancing must not count on it getting shorter when wider.
    @Test func aDonutGrowsWithWidth() throws {
        let template = try LayoutFixture.template()
        let spec = ComponentSpec(kind: .donutChart, field: "funding")
        #expect(spec.heightMayGrowWithWidth)
        let engine = SheetLayoutEngine(template: template, measurer: FixedMetricMeasurer())
        let context = LayoutFixture.context(template)
        let heights = Self.widths.map { engine.component(spec, pageTitle: "").layout(context, width: $0)?.size.height ?? 0 }
        #expect(zip(heights, heights.dropFirst()).contains { $1 > $0 + 1 }, "\(heights)")
    }
}
