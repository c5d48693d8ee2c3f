import Foundation
import SheetCore
import SheetLayout
import Testing

@Suite("Layout on the frame tree")
struct SheetLayoutTests {
    @Test func standardTemplateLoads() throws {
        let template = try LayoutFixture.template()
        #expect(template.pages.isEmpty)
        #expect(template.firstPage?.title == "At a glance")
        #expect(template.flow?.maximumPages == 4)
        #expect(template.fit.limited(bodySize: template.style("body").size).minimumScale == 8.5 / 9.5)
        #expect(template.papers[.a4] == Size(width: 595.276, height: 841.89))
        #expect(template.defaultPaper == .letter)
    }

    @Test(arguments: [PaperSize.letter, .a4])
    func richProfileFillsItsPagesWithoutOverlap(paper: PaperSize) throws {
        let result = try LayoutFixture.layout(LayoutFixture.rich(), paper: paper)
        #expect(result.diagnostics.isEmpty)
        #expect(result.document.pages.count == 2)
        let template = try LayoutFixture.template()
        for page in result.document.pages {
            #expect(page.size == template.papers[paper])
            let texts = page.frame.flattened().compactMap { placed -> PositionedText? in
                if case .text(let text) = placed.item { return text } else { return nil }
            }
            // No two texts overlap, and all stay on the page.
            for (index, text) in texts.enumerated() {
                let box = Rect(origin: text.origin, size: text.metrics.size)
                #expect(Rect(x: 0, y: 0, width: page.size.width, height: page.size.height).contains(box))
                for other in texts[(index + 1)...] {
                    let otherBox = Rect(origin: other.origin, size: other.metrics.size)
                    #expect(!box.intersects(otherBox), "'\(text.block.plainText)' overlaps '\(other.block.plainText)'")
                }
            }
        }
    }

    @Test func sectionsWithoutDataCollapse() throws {
        let result = try LayoutFixture.layout(LayoutFixture.minimal())
        let first = result.document.pages[0].frame
        let sections = first.sections().map(\.section)
        #expect(sections.contains(.init(kind: .titleBand)))
        #expect(sections.contains(.init(kind: .paragraphs, field: "mission")))
        #expect(!sections.contains { $0.kind == .keyFigures })
        #expect(!sections.contains { $0.kind == .barChart })
        #expect(!sections.contains(.init(kind: .paragraphs, field: "narrative")))
        // Only the required fields: one page, the participation model and the about text under
        // the at-a-glance part.
        #expect(result.document.pages.count == 1)
        #expect(first.sections().filter { $0.section.kind == .about }.count == 1)
        #expect(first.sections().contains { $0.section.kind == .participationModel })
    }

    @Test func keyFigureTilesReflow() throws {
        var profile = LayoutFixture.minimal()
        profile.staffing = Staffing(paidFTE: 2, volunteers: 12)
        let result = try LayoutFixture.layout(profile)
        let figures = try #require(result.document.pages[0].frame.sections().first { $0.section.kind == .keyFigures })
        let tiles = result.document.pages[0].frame.frames { $0 == .tableRow }.filter { figures.bounds.contains($0.bounds) }
        #expect(tiles.count == 2)
        let labels = result.document.pages[0].frame.flattened().compactMap { placed -> String? in
            guard placed.roles.last == .tableHeaderCell, placed.roles.contains(.section(figures.section)),
                  case .text(let text) = placed.item else { return nil }
            return text.block.plainText
        }
        #expect(labels == ["paid staff (FTE)", "volunteers"])
        let template = try LayoutFixture.template()
        let content = 612 - template.margins.left - template.margins.right
        let expected = (content - template.grid.gutter) / 2
        for tile in tiles { #expect(abs(tile.bounds.width - expected) < 0.001) }
        #expect(abs(tiles[1].bounds.minX - (tiles[0].bounds.maxX + template.grid.gutter)) < 0.001)
    }

    @Test func emptyColumnGivesItsSpanToTheOthers() throws {
        var profile = LayoutFixture.minimal()
        profile.members.regions = Breakdown([.init(category: "europe", percent: 100)])
        let result = try LayoutFixture.layout(profile)
        let chart = try #require(result.document.pages[0].frame.sections().first { $0.section == .init(kind: .barChart, field: "members.regions") })
        let template = try LayoutFixture.template()
        #expect(abs(chart.bounds.width - (612 - template.margins.left - template.margins.right)) < 0.001)
    }

    @Test func donutSegmentsCoverTheCircleInShareOrder() throws {
        let result = try LayoutFixture.layout(LayoutFixture.rich())
        let sectors = result.document.pages.flatMap { $0.frame.flattened() }.compactMap { placed -> (Double, Double)? in
            if case .shape(let shape) = placed.item, case .annularSector(_, _, _, let start, let end) = shape.geometry { return (start, end) }
            return nil
        }
        #expect(sectors.count == 2)
        #expect(abs(sectors[0].1 - sectors[0].0 - 2 * .pi * 0.7) < 1e-9)
        #expect(abs(sectors[1].1 - 2 * .pi) < 1e-9)
    }

    @Test func linksBecomeClickableAreas() throws {
        let result = try LayoutFixture.layout(LayoutFixture.rich())
        let links = result.document.pages.flatMap { page in
            page.frame.flattened().compactMap { placed -> String? in
                if case .link(let link) = placed.item { return link.url } else { return nil }
            }
        }
        #expect(links.contains("https://demo.example.org"))
        #expect(links.contains("mailto:ada@example.org"))
        #expect(links.contains("https://demo.example.org/contact"))
    }

    @Test func textContrastIsAtLeastFourAndAHalf() throws {
        for paper in PaperSize.allCases {
            let result = try LayoutFixture.layout(LayoutFixture.rich(), paper: paper)
            for page in result.document.pages {
                let placed = page.frame.flattened()
                for (index, item) in placed.enumerated() {
                    guard case .text(let text) = item.item else { continue }
                    let probe = Point(x: text.origin.x + 1, y: text.origin.y + text.metrics.firstBaseline / 2)
                    // The background is the last filled shape painted before the text under it.
                    var background = Color.white
                    for earlier in placed[..<index] {
                        guard case .shape(let shape) = earlier.item, let fill = shape.fill, Self.covers(shape, probe) else { continue }
                        background = fill.composited(over: background)
                    }
                    for span in text.block.paragraphs.flatMap({ $0 }) {
                        let color = span.link != nil ? (text.block.linkColor ?? text.block.style.color) : text.block.style.color
                        let ratio = color.contrast(with: background)
                        #expect(ratio >= 4.5, "'\(span.text)' has contrast \(ratio) on \(background.hex)")
                    }
                }
            }
        }
    }

    static func covers(_ shape: Shape, _ point: Point) -> Bool {
        switch shape.geometry {
        case .rectangle(let rect, _): rect.contains(Rect(origin: point, size: .zero))
        case .circle(let center, let radius): (point.x - center.x) * (point.x - center.x) + (point.y - center.y) * (point.y - center.y) <= radius * radius
        default: false
        }
    }
}
