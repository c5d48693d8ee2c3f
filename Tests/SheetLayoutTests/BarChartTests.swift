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
