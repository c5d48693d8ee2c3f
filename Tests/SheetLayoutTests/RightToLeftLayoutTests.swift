import Foundation
import SheetCore
import SheetLayout
import Testing

/// Right-to-left sheets (issue 18, point 3): the grid mirrored in the frame tree, measured
/// with fixed metrics so that every position can be worked out.
@Suite("Right-to-left sheets")
struct RightToLeftLayoutTests {
    static let pageWidth = 612.0

    func layout(_ language: String) throws -> LayoutResult {
        var profile = LayoutFixture.rich()
        profile.language = language
        return try LayoutFixture.layout(profile)
    }

    @Test(arguments: ["ar", "fa", "he", "ur"])
    func theseLanguagesWriteRightToLeft(language: String) {
        #expect(LayoutContext.writesRightToLeft(language))
    }

    @Test(arguments: ["en", "ja", "pt-BR", "am", "yo"])
    func theseDoNot(language: String) {
        #expect(!LayoutContext.writesRightToLeft(language))
    }

    /// Hebrew, which the template does not translate, gets the English words, so its sheet is
    /// the English sheet mirrored: every item at the same place in the tree, its box reflected
    /// across the page's middle, its lines at the other end of their box.
    @Test func aHebrewSheetIsTheEnglishSheetMirrored() throws {
        let english = try layout("en")
        let hebrew = try layout("he")
        #expect(hebrew.document.pages.count == english.document.pages.count)
        for (ltr, rtl) in zip(english.document.pages, hebrew.document.pages) {
            let left = ltr.frame.flattened()
            let right = rtl.frame.flattened()
            #expect(left.count == right.count)
            for (a, b) in zip(left, right) {
                #expect(a.roles == b.roles)
                // A link's area is over its words, which keep their order inside a line that
                // moved to the other end of its box: it is checked to be inside its text below.
                if case .link = a.item { continue }
                let (boxA, boxB) = (a.item.bounds, b.item.bounds)
                #expect(abs(boxB.minX - (Self.pageWidth - boxA.maxX)) < 0.001, "\(String(describing: a.item).prefix(300)) / \(String(describing: b.item).prefix(300)) \(a.roles)")
                #expect(abs(boxB.minY - boxA.minY) < 0.001)
                #expect(abs(boxB.width - boxA.width) < 0.001)
                if case .text(let textA) = a.item, case .text(let textB) = b.item {
                    #expect(textA.block.plainText == textB.block.plainText)
                    // The profile's text, in Hebrew, runs right to left; the template's English
                    // words run left to right, aligned at the right like the rest.
                    if textB.block.language == "he" {
                        #expect(textB.block.direction == .rightToLeft)
                        #expect(textB.block.alignment == textA.block.alignment)
                    } else {
                        #expect(textB.block.language == "en")
                        #expect(textB.block.direction == .automatic)
                        #expect(textB.block.alignment == textA.block.alignment.mirrored)
                    }
                    for (lineA, lineB) in zip(textA.metrics.lines, textB.metrics.lines) where textA.block.alignment != .center {
                        #expect(abs(lineB.origin.x - (boxA.width - lineA.origin.x - lineA.width)) < 0.001, "\(lineA.text)")
                    }
                }
            }
        }
    }

    /// Words in a language written left to right, on a right-to-left sheet (the template's
    /// English where it has no Hebrew; an English profile built in Arabic), run left to right,
    /// so that a full stop ends the sentence at its right, and are aligned at the right; a name
    /// in the other direction inside them is isolated, so that "(2025)" stays after it.
    @Test func leftToRightWordsOnARightToLeftSheetKeepTheirOrder() throws {
        var profile = LayoutFixture.rich()
        profile.language = "he"
        profile.name = "קהילת מהנדסי תוכנה"
        let result = try LayoutFixture.layout(profile)
        let texts = result.document.pages.flatMap { $0.frame.flattened() }.compactMap { item -> PositionedText? in
            if case .text(let text) = item.item { return text } else { return nil }
        }
        let intro = try #require(texts.first { $0.block.plainText.hasPrefix("This sheet shows a year in the life of") })
        #expect(intro.block.language == "en")
        #expect(intro.block.direction == .automatic)
        #expect(intro.block.alignment == .end)
        #expect(intro.block.plainText.hasPrefix("This sheet shows a year in the life of \u{2068}קהילת מהנדסי תוכנה\u{2069} (2025)"), "\(intro.block.plainText)")
        for line in intro.metrics.lines {
            #expect(abs(line.origin.x + line.width - intro.bounds.width) < 0.001, "\(line.text) at the right of its box")
        }
        // The name as the title shows it, in the profile's language: no isolates of its own.
        let title = try #require(texts.first { $0.block.plainText.hasPrefix("קהילת") })
        #expect(title.block.direction == .rightToLeft)

        // An English name in Arabic words is isolated too; an Arabic one is not.
        var english = LayoutFixture.rich()
        english.language = "ar"
        let arabicWords = try LayoutFixture.layout(english).document.pages.flatMap { $0.frame.flattened() }.compactMap { item -> PositionedText? in
            if case .text(let text) = item.item { return text } else { return nil }
        }
        #expect(arabicWords.contains { $0.block.language == "ar" && $0.block.plainText.contains("\u{2068}\(english.name)\u{2069}") })
        #expect(arabicWords.allSatisfy { $0.block.language != "ar" || $0.block.direction == .rightToLeft })
    }

    /// The Arabic sheet, in its own words: the named parts of the grid where a reader of
    /// Arabic looks for them.
    @Test func anArabicSheetReadsFromTheRight() throws {
        let result = try layout("ar")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let first = try #require(result.document.pages.first)
        // Every link's area inside the page's content, over text.
        for page in result.document.pages {
            let placed = page.frame.flattened()
            let texts = placed.compactMap { item -> Rect? in if case .text(let text) = item.item { return text.bounds } else { return nil } }
            for case .link(let link) in placed.map(\.item) {
                #expect(texts.contains { $0.contains(link.rect, tolerance: 0.5) }, "\(link)")
            }
        }
        let sections = first.frame.sections()
        func bounds(_ kind: ComponentKind, field: String? = nil) throws -> Rect {
            try #require(sections.first { $0.section.kind == kind && (field == nil || $0.section.field == field) }?.bounds, "\(kind) \(field ?? "")")
        }
        // Columns in reading order from the right: the narrative's 7 columns at the right, the
        // charts' 5 at the left; the section that comes first in the tree is the right one.
        let narrative = try bounds(.paragraphs, field: "narrative")
        let regions = try bounds(.barChart, field: "members.regions")
        #expect(abs(narrative.maxX - (Self.pageWidth - 40)) < 0.001)
        #expect(abs(regions.minX - 40) < 0.001)
        #expect(narrative.minX > regions.maxX)
        let order = sections.map(\.section.field)
        #expect(try #require(order.firstIndex(of: "narrative")) < (try #require(order.firstIndex(of: "members.regions"))))

        // Bars grow from the right: each bar ends where its track ends.
        let placed = first.frame.flattened()
        let barShapes = placed.filter { $0.roles.contains { $0.section?.field == "members.regions" } }.compactMap { item -> Rect? in
            if case .shape(let shape) = item.item, case .rectangle(let rect, _) = shape.geometry { return rect } else { return nil }
        }
        #expect(barShapes.count >= 4, "two tracks and two bars")
        for bar in barShapes {
            let track = try #require(barShapes.filter { abs($0.minY - bar.minY) < 0.001 }.max { $0.width < $1.width })
            #expect(abs(bar.maxX - track.maxX) < 0.001, "bar \(bar) on track \(track)")
        }
        // The figures' labels and the band's words in Arabic, right to left.
        let texts = placed.compactMap { item -> PositionedText? in if case .text(let text) = item.item { return text } else { return nil } }
        let members = try #require(texts.first { $0.block.plainText == "عضو" })
        #expect(members.block.direction == .rightToLeft)
        #expect(members.metrics.lines.first.map { abs($0.origin.x + $0.width - members.bounds.width) < 0.001 } == true, "at the right of its box")
    }

    /// The participation model from right to left: the first mode at the right, the axis
    /// pointing left (its arrowhead the leftmost point), bullets at the right of their items.
    @Test func theParticipationModelAndListsReadRightToLeft() throws {
        let result = try layout("ar")
        let placed = result.document.pages.flatMap { $0.frame.flattened() }
        let model = placed.filter { $0.roles.contains { $0.section?.kind == .participationModel } }
        let titles = model.compactMap { item -> PositionedText? in if case .text(let text) = item.item { return text } else { return nil } }
        let convey = try #require(titles.first { $0.block.plainText == "الإيصال" })
        let coCreate = try #require(titles.first { $0.block.plainText == "الإبداع المشترك" })
        #expect(convey.origin.x > coCreate.origin.x)
        let arrowheads = model.compactMap { item -> [Point]? in
            if case .shape(let shape) = item.item, case .polygon(let points) = shape.geometry { return points } else { return nil }
        }
        let axis = model.compactMap { item -> (Point, Point)? in
            if case .shape(let shape) = item.item, case .line(let from, let to) = shape.geometry, abs(from.y - to.y) < 0.001 { return (from, to) } else { return nil }
        }
        let head = try #require(arrowheads.last)
        let line = try #require(axis.last)
        #expect((head.map(\.x).min() ?? 0) <= min(line.0.x, line.1.x) + 0.001, "the arrowhead at the axis's left end")

        // A list item: its bullet (the label) right of its text (the body).
        let labels = placed.filter { $0.roles.last == .listLabel }
        let bodies = placed.filter { $0.roles.last == .listBody }
        let label = try #require(labels.first)
        let body = try #require(bodies.first { abs($0.item.bounds.minY - label.item.bounds.minY) < 20 })
        #expect(label.item.bounds.minX >= body.item.bounds.maxX - 0.001)
    }
}
