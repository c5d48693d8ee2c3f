import CPangoCairo
import Foundation
@testable import SheetRender
import Testing

/// Area averaging a row at a time (`RowShrinker`), and PNGs decoded through it.
@Suite("Row shrinker")
struct RowShrinkerTests {
    /// Shrinks rows of RGBA bytes and returns the target's pixels (cairo's words).
    func shrink(_ rows: [[UInt8]], to width: Int, _ height: Int, alpha: Bool) -> [[UInt32]] {
        var shrinker = RowShrinker(
            sourceWidth: rows[0].count / (alpha ? 4 : 3), sourceHeight: rows.count, width: width, height: height, hasAlpha: alpha)
        var out: [[UInt32]] = []
        for row in rows {
            row.withUnsafeBufferPointer { bytes in
                shrinker.add(bytes.baseAddress!) { index, pixels in
                    #expect(index == out.count)
                    out.append(Array(pixels))
                }
            }
        }
        #expect(shrinker.rowsWritten == height)
        return out
    }

    func rgba(_ pixels: [(UInt8, UInt8, UInt8, UInt8)]) -> [UInt8] {
        pixels.flatMap { [$0.0, $0.1, $0.2, $0.3] }
    }

    func rgb(_ pixels: [(UInt8, UInt8, UInt8)]) -> [UInt8] {
        pixels.flatMap { [$0.0, $0.1, $0.2] }
    }

    /// Whole pixels: each target pixel is the plain average of the four it covers.
    @Test func wholePixelsAverage() {
        let rows = [rgb([(0, 0, 0), (100, 0, 0), (200, 40, 0), (0, 0, 0)]),
                    rgb([(100, 0, 0), (200, 0, 0), (0, 0, 8), (0, 0, 0)])]
        #expect(shrink(rows, to: 2, 1, alpha: false) == [[0xFF00_0000 | 100 << 16, 0xFF00_0000 | 50 << 16 | 10 << 8 | 2]])
    }

    /// Three columns into two: the middle one is cut in half, each half weighed as half a pixel.
    @Test func cutPixelsWeighByTheirShare() {
        let rows = [rgb([(0, 0, 0), (90, 0, 0), (180, 0, 0)])]
        // (0 + 90 × 0.5) / 1.5 = 30 and (90 × 0.5 + 180) / 1.5 = 150.
        #expect(shrink(rows, to: 2, 1, alpha: false) == [[0xFF00_0000 | 30 << 16, 0xFF00_0000 | 150 << 16]])
        // Rows the same way: three rows into two.
        let column = [rgb([(0, 0, 0)]), rgb([(0, 90, 0)]), rgb([(0, 180, 0)])]
        #expect(shrink(column, to: 1, 2, alpha: false) == [[0xFF00_0000 | 30 << 8], [0xFF00_0000 | 150 << 8]])
    }

    /// A transparent pixel lends no colour: red beside transparent black averages to red at
    /// half opacity (premultiplied: 128 red, 128 alpha), not to dark red.
    @Test func colourIsAveragedPremultiplied() {
        let rows = [rgba([(255, 0, 0, 255), (0, 0, 0, 0)])]
        #expect(shrink(rows, to: 1, 1, alpha: true) == [[128 << 24 | 128 << 16]])
    }

    /// A PNG decodes shrunk to fit its bound, the same whether it is interlaced or not (libspng
    /// hands interlaced images over whole; plain ones a row at a time).
    @Test func interlacedAndPlainPNGsDecodeAlike() throws {
        let plain = [UInt8](Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAABgAAAAMCAYAAAB4MH11AAAABGdBTUEAALGPC/xhBQAAACBjSFJNAAB6JgAAgIQAAPoAAACA6AAAdTAAAOpgAAA6mAAAF3CculE8AAAABmJLR0QA/wD/AP+gvaeTAAAAB3RJTUUH6gsVCBYqoiwpQQAAAClJREFUOMtj/M/AMJOBhoDlJYM4Lc2ngwUvGCSGuA9GLRh4C0ZTESEAAJ+/DMaWT3PCAAAAJXRFWHRkYXRlOmNyZWF0ZQAyMDI2LTExLTIxVDA4OjIyOjQyKzAwOjAwo/MjeAAAACV0RVh0ZGF0ZTptb2RpZnkAMjAyNi0xMS0yMVQwODoyMjo0MiswMDowMNKum8QAAAAASUVORK5CYII=")!)
        let interlaced = [UInt8](Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAABgAAAAMCAYAAAEPN03jAAAABGdBTUEAALGPC/xhBQAAACBjSFJNAAB6JgAAgIQAAPoAAACA6AAAdTAAAOpgAAA6mAAAF3CculE8AAAABmJLR0QA/wD/AP+gvaeTAAAAB3RJTUUH6gsVCBYqoiwpQQAAAHBJREFUOMtj/M/AMJMBCljcGXbC2AyMuGUWMcTCZZABihZkwLKYIZYBq8QShhisEowXGfSwGoUL4LQCF2AUZ3hBkg04fYfTSZcY9EhyEstFBn3SNJBsA82dxPiCQZykUCIVkOwiki0gNYwGnwVDPogAE/scBQt1Z0EAAAAldEVYdGRhdGU6Y3JlYXRlADIwMjYtMTEtMjFUMDg6MjI6NDIrMDA6MDCj8yN4AAAAJXRFWHRkYXRlOm1vZGlmeQAyMDI2LTExLTIxVDA4OjIyOjQyKzAwOjAw0q6bxAAAAABJRU5ErkJggg==")!)
        for bound in [(width: 24, height: 12), (width: 10, height: 10)] {
            let a = try PNGDecoder.decode(plain, within: bound)
            let b = try PNGDecoder.decode(interlaced, within: bound)
            #expect(a.pixelWidth == bound.width && a.pixelHeight == bound.width / 2)
            #expect(b.pixelWidth == a.pixelWidth && b.pixelHeight == a.pixelHeight)
            #expect(pixels(of: a) == pixels(of: b))
            // 60 % opaque throughout: alpha 153.
            #expect(pixels(of: a).allSatisfy { $0 >> 24 == 153 })
        }
    }

    /// A PNG whose image data is damaged is refused in libspng's words.
    @Test func damagedDataIsRefused() throws {
        var data = [UInt8](Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAABgAAAAMCAYAAAB4MH11AAAABGdBTUEAALGPC/xhBQAAACBjSFJNAAB6JgAAgIQAAPoAAACA6AAAdTAAAOpgAAA6mAAAF3CculE8AAAABmJLR0QA/wD/AP+gvaeTAAAAB3RJTUUH6gsVCBYqoiwpQQAAAClJREFUOMtj/M/AMJOBhoDlJYM4Lc2ngwUvGCSGuA9GLRh4C0ZTESEAAJ+/DMaWT3PCAAAAJXRFWHRkYXRlOmNyZWF0ZQAyMDI2LTExLTIxVDA4OjIyOjQyKzAwOjAwo/MjeAAAACV0RVh0ZGF0ZTptb2RpZnkAMjAyNi0xMS0yMVQwODoyMjo0MiswMDowMNKum8QAAAAASUVORK5CYII=")!)
        // The first bytes of the IDAT chunk's compressed data, past the zlib header.
        guard let idat = (0..<(data.count - 4)).first(where: { data[$0..<$0 + 4] == [0x49, 0x44, 0x41, 0x54] }) else {
            Issue.record("no IDAT chunk")
            return
        }
        for offset in idat + 6..<idat + 12 { data[offset] ^= 0xFF }
        #expect(throws: PNGDecodeError.self) { try PNGDecoder.decode(data, within: nil) }
    }

    func pixels(of image: RasterImage) -> [UInt32] {
        let stride = Int(cairo_image_surface_get_stride(image.surface))
        guard let data = cairo_image_surface_get_data(image.surface) else { return [] }
        return (0..<image.pixelHeight).flatMap { y in
            Array(UnsafeBufferPointer(start: UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self), count: image.pixelWidth))
        }
    }
}
