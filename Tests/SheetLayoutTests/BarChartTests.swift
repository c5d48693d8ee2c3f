import Foundation
import SheetCore
@testable import SheetLayout
import Testing

@Suite("Bar charts")
struct BarChartTests {
    /// Each bar is its share of a track that stands for 100 %: 64 % and 27 % no longer both
    /// fill the track.
    @Test(arguments: [PaperSize.letter, .a4])
    func barsAreProportionalToTheirShares(paper: PaperSize) throws {
        var profile = LayoutFixture.rich()
        profile.members.regions = Breakdown([.init(category: "europe", percent: 64), .init(category: "asia", percent: 27),
                                             .init(category: "africa", percent: 7), .init(category: "other", percent: 2)])
        let template = try LayoutFixture.template()
        let result = try LayoutFixture.layout(profile, paper: paper)
        let placed = result.document.pages.flatMap { $0.frame.flattened() }
            .filter { $0.roles.contains(.section(.init(kind: .barChart, field: "members.regions"))) }
        let rectangles = placed.compactMap { item -> (Rect, Color)? in
            guard case .shape(let shape) = item.item, case .rectangle(let rect, _) = shape.geometry, let fill = shape.fill else { return nil }
            return (rect, fill)
        }
        let tracks = rectangles.filter { $0.1 == template.color("track") }.map(\.0)
        let bars = rectangles.filter { $0.1 == template.color("bar") }.map(\.0)
        #expect(tracks.count == 4)
        #expect(bars.count == 4)
        for (index, share) in [64.0, 27, 7, 2].enumerated() {
            #expect(abs(bars[index].width - tracks[index].width * share / 100) < 1e-9, "\(share)%")
            #expect(bars[index].minX == tracks[index].minX)
        }
        #expect(Set(tracks.map(\.width)).count == 1)
    }

    /// A label that would break inside a word in the designed label column (0.36 of the
    /// chart: "Undergraduat-e" on the standard A4 sheet of naija-rse) gets a column as wide as
    /// its longest word, up to half the chart; the bars start after it, all at one x. A chart
    /// whose labels fit keeps the designed column.
    @Test(arguments: [100.0, 120, 140, 160, 200, 300])
    func labelsKeepTheirWordsWhole(width: Double) throws {
        let template = try LayoutFixture.template()
        let context = LayoutFixture.context(template)
        let stages = Breakdown([.init(category: "postgraduate", percent: 35), .init(category: "undergraduate", percent: 20),
                                .init(category: "industry", percent: 20), .init(category: "lecturer", percent: 25)])
        let chart = BarChartComponent(spec: ComponentSpec(kind: .barChart, field: "members.career_stages"))
            .chart(stages, context: context, width: width, field: "members.career_stages")
        let placed = chart.flattened()
        let labels = placed.compactMap { item -> PositionedText? in
            guard case .text(let text) = item.item, item.roles.contains(.tableHeaderCell) else { return nil }
            return text
        }
        let tracks = placed.compactMap { item -> Rect? in
            guard case .shape(let shape) = item.item, case .rectangle(let rect, _) = shape.geometry, shape.fill == template.color("track") else { return nil }
            return rect
        }
        #expect(labels.count == 4)
        #expect(tracks.count == 4)
        let word = context.text("Undergraduate", style: "bar-label", width: nil).metrics.size.width
        let designed = (width * 0.36).rounded(.down)
        let expected = word > designed ? min((width * 0.5).rounded(.down), word.rounded(.up)) : designed
        #expect(Set(tracks.map(\.minX)) == [expected + 6], "the bars start after the label column")
        for label in labels {
            let breaksAWord = label.metrics.lines.contains(where: \.hyphenated)
            // Only a word wider than half the chart still breaks.
            let own = context.text(label.block.plainText, style: "bar-label", width: nil).metrics.size.width
            #expect(breaksAWord == (own > expected), "\(width): '\(label.block.plainText)'")
            #expect(label.block.width == expected)
        }
        if width == 140 { #expect(expected > designed && labels.allSatisfy { $0.metrics.lineCount == 1 }) }
        if width == 100 { #expect(expected == 50 && labels.contains { $0.metrics.lines.contains(where: \.hyphenated) }) }
        if width == 300 { #expect(expected == designed) }
    }

    @Test func barGeometry() {
        #expect(BarChartComponent.bar(share: 50, trackWidth: 200, height: 8) == (100, 4))
        #expect(BarChartComponent.bar(share: 1, trackWidth: 200, height: 8) == (2, 1))
        #expect(BarChartComponent.bar(share: 0, trackWidth: 200, height: 8) == (0, 0))
        #expect(BarChartComponent.bar(share: 100, trackWidth: 200, height: 8) == (200, 4))
        #expect(BarChartComponent.bar(share: 140, trackWidth: 200, height: 8).filled == 200)
    }
}

@Suite("Labels and names")
struct LabelTests {
    @Test func slugLabelsKeepAcronyms() throws {
        let template = try LayoutFixture.template()
        #expect(template.label(forCategory: "msc-student") == "MSc student")
        #expect(template.label(forCategory: "phd-candidate") == "PhD candidate")
        #expect(template.label(forCategory: "early-career") == "Early career")
        #expect(template.label(forCategory: "us-west", field: "members.regions") == "US West")
        #expect(template.label(forCategory: "trust-building") == "Trust building")
    }

    @Test func shortNameHiddenWhenTheNameSaysIt() {
        #expect(TitleBandComponent.nameContains("The Turing Way", "Turing Way"))
        #expect(TitleBandComponent.nameContains("The Turing-Way community", "turing way"))
        #expect(!TitleBandComponent.nameContains("United States Research Software Engineer Association", "US-RSE"))
        #expect(!TitleBandComponent.nameContains("Turing", "Turing Way"))
        #expect(!TitleBandComponent.nameContains("The Turing Wayfarers", "Turing Way"))
    }
}
