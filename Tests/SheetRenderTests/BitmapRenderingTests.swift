import Foundation
import SheetCore
import SheetLayout
import SheetRender
import Testing

@Suite("Bitmap rendering")
struct BitmapRenderingTests {
    let renderer = SheetRenderer()

    @Test func filledRectangleLandsOnItsPixels() throws {
        let bitmap = try renderer.bitmap(Fixtures.redRectanglePage(), scale: 2)
        #expect(bitmap.width == 200 && bitmap.height == 160)
        // The rectangle covers x 20..<80, y 40..<70 in pixels.
        #expect(bitmap.color(x: 21, y: 41) == Fixtures.red)
        #expect(bitmap.color(x: 78, y: 68) == Fixtures.red)
        #expect(bitmap.color(x: 19, y: 41) == .white)
        #expect(bitmap.color(x: 80, y: 50) == .white)
        #expect(bitmap.color(x: 50, y: 70) == .white)
        #expect(bitmap.color(x: 5, y: 5) == .white)
    }

    @Test func pngDataAndFiles() throws {
        let data = try renderer.pngData(Fixtures.redRectanglePage(), scale: 1.5)
        guard case .success(let info) = ImageProbe.probe(data) else {
            Issue.record("not a PNG")
            return
        }
        #expect(info.format == .png && info.width == 150 && info.height == 120)

        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("page.png").path
        try renderer.renderPNG(Fixtures.redRectanglePage(), scale: 1.5, to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data)
        #expect(ImageDecoder.check(path: path, format: .png) == .success([]))
    }

    @Test func badScalesAreErrors() {
        for scale in [0, -1, .nan, 1000] {
            #expect(throws: RenderError.self) { try renderer.bitmap(Fixtures.redRectanglePage(), scale: scale) }
        }
    }

    /// Ink falls inside the box measuring gave the text, and fills it.
    @Test func textInkStaysInItsMeasuredBox() throws {
        let block = TextBlock(Fixtures.pangram, style: TextStyle(family: "Noto Sans", size: 10, lineHeight: 1.5), width: 120)
        let metrics = PangoTextMeasurer().measure(block)
        var frame = Frame(size: Size(width: 200, height: 150))
        frame.append(.text(PositionedText(origin: Point(x: 30, y: 20), block: block, metrics: metrics)))
        let page = Page(size: frame.size, frame: frame, title: "")
        let scale = 2.0
        let bitmap = try renderer.bitmap(page, scale: scale)
        let box = Rect(x: 30 * scale, y: 20 * scale, width: metrics.size.width * scale, height: metrics.size.height * scale)
        var inside = 0, outside = 0
        var inkedRows = Set<Int>()
        for y in 0..<bitmap.height {
            for x in 0..<bitmap.width where bitmap.pixels[y * bitmap.width + x] != 0xFFFF_FFFF {
                // Two pixels (one point) of slack for glyphs reaching past their advance, like
                // the hook of a "j" at the start of a line.
                if box.contains(Rect(x: Double(x), y: Double(y), width: 1, height: 1), tolerance: 2) {
                    inside += 1
                    inkedRows.insert(Int((Double(y) - box.minY) / (metrics.size.height * scale / Double(metrics.lineCount))))
                } else {
                    outside += 1
                }
            }
        }
        #expect(inside > 500)
        #expect(outside == 0)
        #expect(inkedRows == Set(0..<metrics.lineCount), "every measured line has ink")
    }

    @Test func imagesFillTheirRectangles() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = try ImageFiles.write(try ImageFiles.png(Fixtures.red, width: 40, height: 20), "red.png", in: directory)
        let jpeg = try ImageFiles.write(ImageFiles.blueJPEG, "blue.jpg", in: directory)
        let svg = try ImageFiles.write(Data(ImageFiles.greenSVG.utf8), "green.svg", in: directory)
        var frame = Frame(size: Size(width: 100, height: 100))
        frame.append(.image(PositionedImage(rect: Rect(x: 0, y: 0, width: 40, height: 20), path: png, format: .png, description: "")))
        frame.append(.image(PositionedImage(rect: Rect(x: 50, y: 0, width: 32, height: 24), path: jpeg, format: .jpeg, description: "")))
        frame.append(.image(PositionedImage(rect: Rect(x: 0, y: 50, width: 40, height: 20), path: svg, format: .svg, description: "")))
        let bitmap = try renderer.bitmap(Page(size: frame.size, frame: frame, title: ""), scale: 1)
        #expect(bitmap.color(x: 20, y: 10) == Fixtures.red)
        let blue = try #require(bitmap.color(x: 66, y: 12))
        #expect(blue.blue > 0.95 && blue.red < 0.05 && blue.green < 0.05)
        #expect(bitmap.color(x: 20, y: 60) == Color(red: 0, green: 1, blue: 0))
        #expect(bitmap.color(x: 45, y: 60) == .white)
    }

    @Test func absurdGeometryDoesNotTrap() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = try ImageFiles.write(try ImageFiles.png(Fixtures.red, width: 4, height: 4), "red.png", in: directory)
        var frame = Frame(size: Size(width: 50, height: 50))
        for value in [Double.nan, .infinity, 1e300, -1e300, 0] {
            let rect = Rect(x: value, y: 1, width: value, height: abs(value))
            frame.append(.image(PositionedImage(rect: rect, path: png, format: .png, description: "")))
            frame.append(.shape(Shape(.rectangle(rect, cornerRadius: value), fill: Fixtures.red, stroke: Stroke(color: .black, width: value, dash: [value, 1]))))
            frame.append(.shape(Shape(.annularSector(center: Point(x: 5, y: 5), innerRadius: value, outerRadius: 4, startAngle: 0, endAngle: value))))
            frame.append(.shape(Shape(.polygon([Point(x: value, y: 0)]), fill: Fixtures.red)))
            frame.append(.link(LinkBox(url: "https://example.org", rect: rect)))
        }
        let page = Page(size: frame.size, frame: frame, title: "")
        _ = try? renderer.bitmap(page, scale: 1)
        _ = try? renderer.pdfData(SheetDocument(pages: [page], metadata: Fixtures.metadata()))
    }

    @Test func shapesOfEveryKind() throws {
        var frame = Frame(size: Size(width: 100, height: 100))
        let blue = Color(red: 0, green: 0, blue: 1)
        // A quarter ring from 12 to 3 o'clock around (50, 50), radii 20…40.
        frame.append(.shape(Shape(.annularSector(center: Point(x: 50, y: 50), innerRadius: 20, outerRadius: 40, startAngle: 0, endAngle: .pi / 2), fill: blue)))
        frame.append(.shape(Shape(.circle(center: Point(x: 15, y: 85), radius: 10), fill: Fixtures.red)))
        frame.append(.shape(Shape(.rectangle(Rect(x: 60, y: 70, width: 30, height: 20), cornerRadius: 10), fill: Fixtures.red)))
        let bitmap = try renderer.bitmap(Page(size: frame.size, frame: frame, title: ""), scale: 1)
        #expect(bitmap.color(x: 65, y: 25) == blue)  // upper right, in the ring
        #expect(bitmap.color(x: 35, y: 25) == .white)  // upper left: not in the sector
        #expect(bitmap.color(x: 65, y: 75) == .white || bitmap.color(x: 60, y: 70) == .white)
        #expect(bitmap.color(x: 55, y: 45) == .white)  // the hole
        #expect(bitmap.color(x: 15, y: 85) == Fixtures.red)
        #expect(bitmap.color(x: 61, y: 71) == .white)  // a rounded corner
        #expect(bitmap.color(x: 75, y: 80) == Fixtures.red)
    }
}
