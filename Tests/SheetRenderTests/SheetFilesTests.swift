import CPangoCairo
import Foundation
import SheetCore
import SheetLayout
@testable import SheetRender
import Testing

/// A sheet's PDF and PNGs painted together (`SheetRenderer.renderSheet`): text laid out once,
/// images decoded once, PNGs encoded as opaque RGB.
@Suite("Sheet files")
struct SheetFilesTests {
    /// Painting draws the lines measuring decided and lays nothing out: the renderer has no
    /// measurer, and the PDF and the PNG of every page shape each line once between them.
    @Test func paintingShapesEachLineOnce() throws {
        let measurer = PangoTextMeasurer()
        let renderer = SheetRenderer()
        let document = Fixtures.document(measurer: measurer)
        let lines = document.pages.flatMap { $0.frame.flattened() }.reduce(0) { count, placed in
            if case .text(let text) = placed.item { count + text.metrics.lines.count } else { count }
        }
        #expect(measurer.layoutsMade == 3)
        let files = try renderer.renderSheet(document, pngScale: 1, pngPages: .all)
        #expect(files.pngs.count == 2)
        #expect(measurer.layoutsMade == 3)
        #expect(renderer.linesShaped == lines)
        _ = try renderer.pngData(document.pages[0], scale: 1)
        #expect(renderer.linesShaped == lines)
        renderer.finishSheet()
        renderer.finishSheet()
        _ = try renderer.pngData(document.pages[1], scale: 1)
        #expect(renderer.linesShaped > lines)
    }

    /// A finished sheet's layouts serve the next sheet (a template's fixed text), and are
    /// dropped once a sheet goes by without them.
    @Test func theNextSheetReusesTheLayoutsItShares() {
        let measurer = PangoTextMeasurer()
        let heading = TextBlock(paragraphs: [[RichSpan("The year in brief")]], style: Fixtures.body, width: 200)
        let first = TextBlock(paragraphs: [[RichSpan("Only on the first sheet")]], style: Fixtures.body, width: 200)
        let second = TextBlock(paragraphs: [[RichSpan("Only on the second sheet")]], style: Fixtures.body, width: 200)
        _ = measurer.measure(heading)
        _ = measurer.measure(first)
        #expect(measurer.layoutsMade == 2)
        measurer.finishSheet()

        _ = measurer.measure(heading)
        _ = measurer.measure(second)
        #expect(measurer.layoutsMade == 3)
        measurer.finishSheet()

        // The third sheet: the heading was kept through the second; the first sheet's own
        // block was dropped when the second sheet finished without it.
        _ = measurer.measure(heading)
        #expect(measurer.layoutsMade == 3)
        _ = measurer.measure(first)
        #expect(measurer.layoutsMade == 4)
        measurer.finishSheet()
        measurer.finishSheet()
        _ = measurer.measure(heading)
        #expect(measurer.layoutsMade == 5)
    }

    /// The same bytes whether the layouts come from the cache or are made again.
    @Test func cachedLayoutsDrawTheSameBytes() throws {
        let measurer = PangoTextMeasurer()
        let renderer = SheetRenderer()
        let document = Fixtures.document(measurer: measurer)
        let cached = try renderer.renderSheet(document, pngScale: 2, pngPages: .all)
        measurer.discardCachedLayouts()
        let fresh = try SheetRenderer().renderSheet(document, pngScale: 2, pngPages: .all)
        #expect(cached.pdf == fresh.pdf)
        #expect(cached.pngs == fresh.pngs)
    }

    /// The thumbnail draws the image decoded for the PDF, shrunk by cairo, rather than decoding
    /// the file again; `decodeImages` fills the cache so that painting decodes nothing.
    @Test func eachImageIsDecodedOnce() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try ImageFiles.write(try ImageFiles.png(Fixtures.red, width: 400, height: 200), "logo.png", in: directory)
        let image = PositionedImage(rect: Rect(x: 40, y: 600, width: 120, height: 60), path: path, format: .png, description: "Logo")
        let renderer = SheetRenderer()
        let document = Fixtures.document(measurer: PangoTextMeasurer(), images: [image])

        let images = ImageCache()
        #expect(renderer.decodeImages(of: document, into: images) == nil)
        #expect(images.rasterDecodes == 1)
        let files = try renderer.renderSheet(document, images: images, pngScale: 0.5, pngPages: .first)
        #expect(images.rasterDecodes == 1)

        // The thumbnail shows the image: red in the middle of its rectangle.
        let thumbnail = try pixels(of: files.pngs[0])
        #expect(thumbnail.color(x: 50, y: 315) == Fixtures.red)
    }

    @Test func decodeImagesReportsTheFirstBrokenImage() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = try ImageFiles.write(try ImageFiles.png(Fixtures.red, width: 40, height: 20), "good.png", in: directory)
        let png = try ImageFiles.png(Fixtures.red, width: 40, height: 20)
        let broken = try ImageFiles.write(png.prefix(png.count - 20), "broken.png", in: directory)
        let renderer = SheetRenderer()
        let images = [good, broken].map {
            PositionedImage(rect: Rect(x: 40, y: 600, width: 40, height: 20), path: $0, format: .png, description: "Logo")
        }
        let document = Fixtures.document(measurer: PangoTextMeasurer(), images: images)
        let problem = renderer.decodeImages(of: document, into: ImageCache())
        guard case .imageDecodeFailed(let path, .png, _)? = problem else {
            Issue.record("expected a decoding failure, got \(String(describing: problem))")
            return
        }
        #expect(path == broken)
        #expect(problem.map { Result<[String], RenderError>.failure($0) } == ImageDecoder.check(path: broken, format: .png))
    }

    /// PNGs are 8-bit RGB (pages are opaque), and decode to the pixels painted.
    @Test func pngsAreOpaqueRGBWithThePaintedPixels() throws {
        let renderer = SheetRenderer()
        let page = Fixtures.redRectanglePage()
        let data = try renderer.pngData(page, scale: 2)
        // IHDR: bit depth 8, colour type 2 (truecolour without alpha).
        #expect(Array(data[24...25]) == [8, 2])
        let decoded = try pixels(of: data)
        let painted = try renderer.bitmap(page, scale: 2)
        #expect(decoded.width == painted.width && decoded.height == painted.height)
        #expect(decoded.pixels == painted.pixels)
    }

    /// The pixels of PNG bytes, decoded by gdk-pixbuf.
    private func pixels(of png: Data) throws -> PageBitmap {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try ImageFiles.write(png, "page.png", in: directory)
        let raster = try ImageDecoder.loadRaster(path: path, format: .png, maximumPixels: nil)
        let stride = Int(cairo_image_surface_get_stride(raster.surface))
        let data = try #require(cairo_image_surface_get_data(raster.surface))
        var pixels: [UInt32] = []
        for y in 0..<raster.pixelHeight {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            pixels += UnsafeBufferPointer(start: row, count: raster.pixelWidth)
        }
        return PageBitmap(width: raster.pixelWidth, height: raster.pixelHeight, pixels: pixels)
    }
}
