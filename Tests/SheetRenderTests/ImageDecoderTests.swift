import Foundation
import SheetCore
import SheetLayout
import SheetRender
import Testing

@Suite("ImageDecoder")
struct ImageDecoderTests {
    @Test func validImagesDecode() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = try ImageFiles.write(try ImageFiles.png(Fixtures.red, width: 30, height: 20), "a.png", in: directory)
        #expect(ImageDecoder.check(path: png, format: PositionedImage.Format.png) == .success([]))
        let jpeg = try ImageFiles.write(ImageFiles.blueJPEG, "a.jpg", in: directory)
        #expect(ImageDecoder.check(path: jpeg, format: PositionedImage.Format.jpeg) == .success([]))
        let svg = try ImageFiles.write(Data(ImageFiles.greenSVG.utf8), "a.svg", in: directory)
        #expect(ImageDecoder.check(path: svg, format: PositionedImage.Format.svg) == .success([]))
    }

    @Test func brokenImagesAreReportedWithTheirPath() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = try ImageFiles.png(Fixtures.red, width: 300, height: 200)
        var cases: [(String, PositionedImage.Format)] = []
        cases.append((try ImageFiles.write(png.prefix(png.count / 2), "half.png", in: directory), .png))
        cases.append((try ImageFiles.write(png.prefix(png.count - 20), "tail.png", in: directory), .png))
        let jpeg = ImageFiles.blueJPEG
        cases.append((try ImageFiles.write(jpeg.prefix(jpeg.count / 2), "half.jpg", in: directory), .jpeg))
        cases.append((try ImageFiles.write(jpeg.prefix(jpeg.count - 2), "no-end.jpg", in: directory), .jpeg))
        cases.append((try ImageFiles.write(ImageFiles.blueJPEG, "wrong.png", in: directory), .png))
        cases.append((try ImageFiles.write(Data("not an image".utf8), "text.png", in: directory), .png))
        cases.append((try ImageFiles.write(Data("<svg xmlns='http://www.w3.org/2000/svg'><rect".utf8), "open.svg", in: directory), .svg))
        // A PNG header claiming 20 000 × 20 000 pixels: refused before decoding.
        var huge = Data(png.prefix(33))
        huge.replaceSubrange(16..<24, with: [0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20])
        cases.append((try ImageFiles.write(huge, "huge.png", in: directory), .png))
        cases.append((directory.appendingPathComponent("missing.png").path, .png))

        for (path, format) in cases {
            let problem = ImageDecoder.check(path: path, format: format)
            guard case .failure(.imageDecodeFailed(let reported, let reportedFormat, let reason)) = problem else {
                Issue.record("\(path) was not reported: \(String(describing: problem))")
                continue
            }
            #expect(reported == path && reportedFormat == format && !reason.isEmpty)
        }
    }

    /// An SVG whose only shape is an image of a file: everything that drew was left out.
    @Test func anSVGWithNothingLeftToDrawIsReported() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let external = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='10' height='10'><image xlink:href='file:///etc/passwd' width='10' height='10'/></svg>"
        let path = try ImageFiles.write(Data(external.utf8), "external.svg", in: directory)
        #expect(ImageDecoder.check(path: path, format: .svg) == .failure(.svgLeftEmpty(path: path, leftOut: ["<image>"])))
    }
}
