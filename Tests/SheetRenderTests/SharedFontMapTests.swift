import CPangoCairo
import Foundation
import SheetLayout
@testable import SheetRender
import Testing

/// A worker's measurer and renderer share one font map (`SharedFontMap`), so that drawing
/// loads, sorts and measures no font that measuring did not, and draws exactly what a renderer
/// with a font map of its own draws.
@Suite("Shared font map")
struct SharedFontMapTests {
    /// The font of the first run of each line of `text` as the renderer's shaper draws it.
    private static func drawnFonts(_ text: PositionedText, shaper: LineShaper) -> [UnsafeMutablePointer<PangoFont>?] {
        var fonts: [UnsafeMutablePointer<PangoFont>?] = []
        shaper.withShapedLines(of: text) { _, shaped in
            let run = shaped.line.pointee.runs?.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self)
            fonts.append(run?.pointee.item.pointee.analysis.font)
        }
        return fonts
    }

    /// The font of each line's first run as measuring laid the block out.
    private static func measuredFonts(_ block: TextBlock, measurer: PangoTextMeasurer) -> [UnsafeMutablePointer<PangoFont>?] {
        measurer.withLayout(of: block) { layout in
            layout.paragraphs.flatMap(\.lines).map { line in
                line.line.pointee.runs?.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self).pointee.item.pointee.analysis.font
            }
        }
    }

    @Test func theShaperDrawsWithTheFontObjectsTheMeasurerLoaded() {
        let block = Fixtures.block(Fixtures.pangram, width: 160, style: TextStyle(family: "Noto Sans", size: 9.37, weight: .bold))
        let fonts = SharedFontMap()
        let measurer = PangoTextMeasurer(fonts: fonts)
        let text = PositionedText(origin: .zero, block: block, metrics: measurer.measure(block))
        let measured = Self.measuredFonts(block, measurer: measurer)
        #expect(measured.count == text.metrics.lineCount && measured.count > 1)
        #expect(measured.allSatisfy { $0 != nil })

        // One font map: Pango hands the shaper the font measuring made (its fontconfig sort and
        // metrics done once).
        let shared = Self.drawnFonts(text, shaper: LineShaper(fonts: fonts))
        #expect(shared == measured)
        // A font map of its own makes a font of its own, from scratch.
        let separate = Self.drawnFonts(text, shaper: LineShaper(fonts: SharedFontMap()))
        #expect(separate.count == measured.count)
        #expect(zip(separate, measured).allSatisfy { $0 != nil && $0 != $1 })
    }

    @Test func aRendererOnTheMeasurersFontMapWritesTheSameFilesAsOneWithItsOwn() throws {
        let fonts = SharedFontMap()
        let measurer = PangoTextMeasurer(fonts: fonts)
        let document = Fixtures.document(measurer: measurer)
        let sharing = SheetRenderer(fonts: fonts)
        let own = SheetRenderer()
        #expect(try sharing.pdfData(document) == own.pdfData(document))
        for page in document.pages {
            #expect(try sharing.pngData(page, scale: 1.5) == own.pngData(page, scale: 1.5))
        }
    }

    @Test func workersOnFontMapsOfTheirOwnMeasureAndDrawAtOnce() throws {
        // Two workers, each a measurer and a renderer on one font map, in parallel: each sheet
        // comes out as a lone worker draws it.
        let reference = try SheetRenderer().pdfData(Fixtures.document(measurer: PangoTextMeasurer()))
        let results = Results<Data?>(count: 4, initial: nil)
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            let fonts = SharedFontMap()
            let document = Fixtures.document(measurer: PangoTextMeasurer(fonts: fonts))
            results.set(index, try? SheetRenderer(fonts: fonts).pdfData(document))
        }
        for index in 0..<4 { #expect(results.get(index) == reference) }
    }
}
