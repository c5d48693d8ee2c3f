import Foundation
import SheetCore
@testable import SheetLayout
import Testing

@Suite("Donut charts")
struct DonutChartTests {
    static func texts(_ frame: Frame) -> [PositionedText] {
        frame.flattened().compactMap { placed in
            guard case .text(let text) = placed.item else { return nil }
            return text
        }
    }

    /// The label in the donut's hole never breaks inside a word ("Sponsorshi-p" on the compact
    /// A4 sheet of sustain-oss): it is set at the hole's width where its line stands, or left
    /// out when even that is too narrow; the share above it is always there.
    @Test(arguments: [120.0, 150, 165, 180, 190, 200, 260, 320])
    func centreLabelKeepsItsWordsWhole(width: Double) throws {
        let template = try LayoutFixture.template()
        let funding = Breakdown([.init(category: "sponsorship", percent: 65), .init(category: "donations", percent: 20),
                                 .init(category: "in-kind", percent: 15)])
        let chart = DonutChartComponent(spec: ComponentSpec(kind: .donutChart, field: "funding"))
            .chart(funding, context: LayoutFixture.context(template), width: width, field: "funding")
        let texts = Self.texts(chart)
        for text in texts {
            let breaksAWord = text.metrics.lines.contains(where: \.hyphenated)
            #expect(!breaksAWord, "\(width): '\(text.block.plainText)' breaks a word")
        }
        let centre = texts.filter { $0.block.style == template.style("donut-label") }
        #expect(centre.count <= 1)
        #expect(centre.allSatisfy { $0.metrics.lines.map(\.text).joined() == "Sponsorship" })
        #expect(texts.filter { $0.block.plainText == "65%" }.count == 2, "the share in the hole and in the legend")
        // Where 0.8 of the hole is too narrow but the hole is wide enough at the label's line,
        // the label is there on one line; where the hole is too narrow, it is left out.
        if width == 180 { #expect(centre.count == 1) }
        if width <= 150 { #expect(centre.isEmpty) }
        if width >= 200 { #expect(centre.count == 1) }
    }

    /// A legend beside the donut whose label would break inside a word goes under the donut,
    /// at the column's width, where the label fits whole.
    @Test func legendMovesUnderTheDonutRatherThanBreakAWord() throws {
        let template = try LayoutFixture.template()
        let context = LayoutFixture.context(template)
        let component = DonutChartComponent(spec: ComponentSpec(kind: .donutChart, field: "funding"))
        let long = Breakdown([.init(category: "intergovernmental", percent: 60), .init(category: "grants", percent: 40)])
        let short = Breakdown([.init(category: "grants", percent: 60), .init(category: "donations", percent: 40)])
        let width = 215.0
        let diameter = min(104, width * 0.46)
        // Beside it, the label would have this width, too narrow for the word.
        let besideWidth = width - diameter - 14 - 8 - 6 - context.text("100.0%", style: "legend-value", width: nil).metrics.size.width - 4
        #expect(context.text("Intergovernmental", style: "legend", width: nil).metrics.size.width > besideWidth)

        func legendLabels(_ chart: Frame) -> [PositionedText] {
            chart.flattened().compactMap { placed in
                guard case .text(let text) = placed.item, placed.roles.contains(.tableHeaderCell) else { return nil }
                return text
            }
        }
        let shortLabels = legendLabels(component.chart(short, context: context, width: width, field: "funding"))
        #expect(shortLabels.count == 2 && shortLabels.allSatisfy { $0.origin.x > diameter }, "beside the donut when the labels fit")
        let longLabels = legendLabels(component.chart(long, context: context, width: width, field: "funding"))
        #expect(longLabels.count == 2)
        #expect(longLabels.allSatisfy { $0.origin.x < diameter && $0.origin.y > diameter }, "under the donut")
        #expect(longLabels.allSatisfy { !$0.metrics.lines.contains(where: \.hyphenated) && $0.metrics.lineCount == 1 })
    }
}
