import Foundation
import SheetCore
import SheetLayout
import SheetRender
import TestSupport
import Testing

@Suite("PDF rendering")
struct PDFRenderingTests {
    let measurer = PangoTextMeasurer()
    var renderer: SheetRenderer { SheetRenderer() }

    private func withPDF<T>(_ document: SheetDocument, _ body: (String) throws -> T) throws -> T {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sheet.pdf").path
        try renderer.renderPDF(document, to: path)
        return try body(path)
    }

    @Test func documentStructureTextFontsAndLinks() throws {
        try withPDF(Fixtures.document(measurer: measurer)) { path in
            let info = try CommandRunner.run("pdfinfo", ["-isodates", path]).stdout
            #expect(info.contains("Pages:           2"))
            #expect(info.contains("Title:           Test Sheet"))
            #expect(info.contains("Subject:         A community profile"))
            #expect(info.contains("Keywords:        community, profile"))
            #expect(info.contains("Author:          Tester"))
            #expect(info.contains("Creator:         profilesheet tests"))
            #expect(info.contains("CreationDate:    2023-11-14T22:13:20Z"))
            #expect(info.contains("ModDate:         2023-11-14T22:13:20Z"))
            #expect(info.contains("Page size:       595 x 842 pts"))
            // The structure tree cairo needs for valid link annotations makes the file tagged.
            #expect(info.contains("Tagged:          yes"))

            let fonts = try CommandRunner.run("pdffonts", [path]).stdout.split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty)
            for font in fonts {
                let columns = font.split(separator: " ", omittingEmptySubsequences: true)
                #expect(columns.count >= 5 && columns[columns.count - 5] == "yes", "not embedded: \(font)")
            }

            let text = try CommandRunner.run("pdftotext", [path, "-"]).stdout
            #expect(text.contains("Literal <b>&amp; stays as typed"))
            #expect(text.contains("Second page"))
            #expect(text.contains("write to us"))

            // cairo 1.16 leaves dangling objects unless the structure tree is written.
            let check = try CommandRunner.run("qpdf", ["--check", path])
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
            #expect(!check.stderr.contains("WARNING"))

            let expanded = try CommandRunner.run("qpdf", ["--qdf", "--object-streams=disable", path, "-"]).stdout
            let uris = expanded.components(separatedBy: "/URI (https://example.org/report?a=1&b='x')").count - 1
            #expect(uris == Fixtures.document(measurer: measurer).pages[0].frame.items.filter { if case .link = $0 { true } else { false } }.count)
            #expect(uris >= 2)
            #expect(expanded.contains("/Title (At a glance)"))
            #expect(expanded.contains("/Title (Details)"))
            #expect(expanded.contains("/Subtype /Link"))
            #expect(expanded.contains("/S /Document"))
            #expect(expanded.components(separatedBy: "/S /P\n").count - 1 == 3, "one P element per text item")
        }
    }

    /// With link tags and no other structure, cairo 1.16 writes references to objects it never
    /// writes; the renderer's `Document` element prevents that. (A page must draw something:
    /// cairo drops the tags of a page with no drawing at all.)
    @Test func linksWithoutTextMakeAValidFile() throws {
        var frame = Frame(size: Size(width: 200, height: 200))
        frame.append(.shape(Shape(.rectangle(Rect(x: 100, y: 100, width: 20, height: 20), cornerRadius: 0), fill: Fixtures.red)))
        frame.append(.link(LinkBox(url: "https://example.org/a\\b'c(d)é%41%4", rect: Rect(x: 10, y: 10, width: 50, height: 20))))
        let document = SheetDocument(pages: [Page(size: frame.size, frame: frame, title: "Link")], metadata: Fixtures.metadata())
        try withPDF(document) { path in
            let check = try CommandRunner.run("qpdf", ["--check", path])
            #expect(check.status == 0 && !check.stderr.contains("WARNING"), "\(check.stderr)")
            let expanded = try CommandRunner.run("qpdf", ["--qdf", "--object-streams=disable", path, "-"]).stdout
            // Percent-encoded to ASCII, parentheses too (cairo writes the string unescaped); a
            // `%XX` escape is kept, a lone `%` encoded.
            #expect(expanded.contains("/URI (https://example.org/a%5Cb'c%28d%29%C3%A9%41%254)"), "\(expanded)")
            // Cairo writes annotations uncompressed; PDF's y axis points up.
            let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: Unicode.ASCII.self)
            #expect(raw.contains("/Rect [ 10 170 60 190 ]"))
        }
    }

    @Test func renderingIsByteReproducible() throws {
        let document = Fixtures.document(measurer: measurer)
        let first = try renderer.pdfData(document)
        let second = try SheetRenderer().pdfData(document)
        #expect(first == second)
        let fromFile = try withPDF(document) { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(fromFile == first)
        #expect(first.starts(with: Array("%PDF-1.5".utf8)))
    }

    @Test func pagesHaveTheirOwnSizes() throws {
        var document = Fixtures.document(measurer: measurer)
        document.pages[1].size = Size(width: 612, height: 792)
        try withPDF(document) { path in
            let info = try CommandRunner.run("pdfinfo", ["-f", "1", "-l", "2", path]).stdout
                .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            #expect(info.contains("Page 1 size: 595 x 842 pts"))
            #expect(info.contains("Page 2 size: 612 x 792 pts"))
        }
    }

    /// The PDF shows the text where, and as wide as, it was measured, in the lines measured.
    @Test func drawnTextMatchesTheMeasurement() throws {
        let style = TextStyle(family: "Noto Sans", size: 12, lineHeight: 1.5)
        let block = TextBlock(Fixtures.pangram + " " + Fixtures.pangram, style: style, width: 170)
        let metrics = measurer.measure(block)
        let single = TextBlock("Widthcheck", style: style, width: nil)
        let singleMetrics = measurer.measure(single)
        var frame = Frame(size: Size(width: 300, height: 300))
        frame.append(.text(PositionedText(origin: Point(x: 20, y: 30), block: block, metrics: metrics)))
        frame.append(.text(PositionedText(origin: Point(x: 20, y: 250), block: single, metrics: singleMetrics)))
        let document = SheetDocument(pages: [Page(size: frame.size, frame: frame, title: "Text")], metadata: Fixtures.metadata())
        try withPDF(document) { path in
            let lines = try CommandRunner.run("pdftotext", ["-f", "1", "-l", "1", path, "-"]).stdout
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "\u{0C}" }
            #expect(metrics.lineCount >= 4)
            #expect(lines.count == metrics.lineCount + 1, "\(lines)")

            // pdftotext -bbox: <word xMin=".." yMin=".." xMax=".." yMax="..">Widthcheck</word>
            let html = try CommandRunner.run("pdftotext", ["-bbox", path, "-"]).stdout
            let word = try #require(html.split(separator: "\n").first { $0.contains(">Widthcheck<") })
            func value(_ name: String) -> Double? {
                guard let range = word.range(of: name + "=\"") else { return nil }
                return Double(word[range.upperBound...].prefix { $0 != "\"" })
            }
            let xMin = try #require(value("xMin")), xMax = try #require(value("xMax"))
            #expect(abs(xMin - 20) < 0.5)
            #expect(abs((xMax - xMin) - singleMetrics.size.width) < 0.5)
        }
    }

    /// Right-to-left lines end at the right edge layout gave them, the wrapped ones too (each
    /// wrapped line's letters used to end one space past it), and start where it says.
    @Test(arguments: [TextBlock.Direction.rightToLeft, .automatic])
    func rightToLeftLinesEndWhereTheyWereMeasured(direction: TextBlock.Direction) throws {
        let style = TextStyle(family: "Noto Sans, Noto Sans Arabic", size: 12, lineHeight: 1.5)
        let words = "تقدم الشبكة العربية لمهندسي البرمجيات البحثية لقاءات شهرية عبر الإنترنت وورش عمل ودعما للأعضاء في جامعاتهم"
        let block = TextBlock(
            paragraphs: [[RichSpan(words)]], style: style, width: 170, alignment: .start, language: "ar", direction: direction)
        let metrics = measurer.measure(block)
        #expect(metrics.lineCount >= 4)
        var frame = Frame(size: Size(width: 300, height: 300))
        frame.append(.text(PositionedText(origin: Point(x: 20, y: 30), block: block, metrics: metrics)))
        let document = SheetDocument(pages: [Page(size: frame.size, frame: frame, title: "Text")], metadata: Fixtures.metadata())
        try withPDF(document) { path in
            // pdftotext -bbox-layout: <line xMin=".." yMin=".." xMax=".." yMax=".."> per line.
            let html = try CommandRunner.run("pdftotext", ["-bbox-layout", path, "-"]).stdout
            let drawn = html.split(separator: "\n").filter { $0.contains("<line ") }.map { line -> (Double, Double) in
                func value(_ name: String) -> Double {
                    guard let range = line.range(of: name + "=\"") else { return .nan }
                    return Double(line[range.upperBound...].prefix { $0 != "\"" }) ?? .nan
                }
                return (value("xMin"), value("xMax"))
            }
            #expect(drawn.count == metrics.lineCount, "\(html)")
            for (line, (xMin, xMax)) in zip(metrics.lines, drawn) {
                #expect(abs(xMax - (20 + line.origin.x + line.width)) < 0.5, "line '\(line.text)' ends at \(xMax)")
                #expect(abs(xMin - (20 + line.origin.x)) < 0.5, "line '\(line.text)' starts at \(xMin)")
                #expect(xMax <= 20 + 170 + 0.5)
            }
        }
    }

    @Test func collectionsNestPagesUnderEachDocument() throws {
        let document = Fixtures.document(measurer: measurer)
        var other = document
        other.metadata.bookmark = "Other community"
        let data = try renderer.collectionPDFData([document, other], metadata: Fixtures.metadata(title: "All sheets"))
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try ImageFiles.write(data, "all.pdf", in: directory)
        #expect(try CommandRunner.run("pdfinfo", [path]).stdout.contains("Pages:           4"))
        #expect(try CommandRunner.run("qpdf", ["--check", path]).status == 0)
        let expanded = try CommandRunner.run("qpdf", ["--qdf", "--object-streams=disable", path, "-"]).stdout
        #expect(expanded.contains("/Title (Test community)"))
        #expect(expanded.contains("/Title (Other community)"))
        #expect(expanded.components(separatedBy: "/Title (At a glance)").count - 1 == 2)
    }

    @Test func imagesAreEmbeddedShrunkAndVector() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = try ImageFiles.write(try ImageFiles.png(Fixtures.red, width: 400, height: 200), "big.png", in: directory)
        let jpeg = try ImageFiles.write(ImageFiles.blueJPEG, "blue.jpg", in: directory)
        let svg = try ImageFiles.write(Data(ImageFiles.greenSVG.utf8), "green.svg", in: directory)
        let images = [
            PositionedImage(rect: Rect(x: 40, y: 600, width: 40, height: 20), path: png, format: .png, description: "red"),
            PositionedImage(rect: Rect(x: 40, y: 700, width: 40, height: 20), path: png, format: .png, description: "red again"),
            PositionedImage(rect: Rect(x: 100, y: 600, width: 32, height: 24), path: jpeg, format: .jpeg, description: "blue"),
            PositionedImage(rect: Rect(x: 160, y: 600, width: 40, height: 20), path: svg, format: .svg, description: "green"),
        ]
        let path = directory.appendingPathComponent("images.pdf").path
        try renderer.renderPDF(Fixtures.document(measurer: measurer, images: images), to: path)
        // page num type width height …: the 400 × 200 PNG shrunk to 3 px per point (120 × 60),
        // embedded once although drawn twice; the SVG adds no image.
        let list = try CommandRunner.run("pdfimages", ["-list", path]).stdout.split(separator: "\n").dropFirst(2)
            .map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(list.count == 3, "three raster images drawn")
        // Distinct objects (column 10) and their sizes.
        let embedded = Set(list.map { "\($0[10]):\($0[3])x\($0[4])" })
        #expect(embedded.map { $0.split(separator: ":")[1] }.sorted() == ["120x60", "16x12"])
    }

    @Test func emptyDocumentsAndBadSizesAreErrors() throws {
        #expect(throws: RenderError.emptyDocument) {
            try renderer.pdfData(SheetDocument(pages: [], metadata: Fixtures.metadata()))
        }
        var document = Fixtures.document(measurer: measurer)
        document.pages[0].size = Size(width: 0, height: 842)
        #expect(throws: RenderError.self) { try renderer.pdfData(document) }
    }

    @Test func missingImagesAreTypedErrors() throws {
        let image = PositionedImage(rect: Rect(x: 0, y: 0, width: 10, height: 10), path: "/nonexistent/logo.png", format: .png, description: "")
        #expect {
            try renderer.pdfData(Fixtures.document(measurer: measurer, images: [image]))
        } throws: { error in
            guard case .imageDecodeFailed(let path, .png, _)? = error as? RenderError else { return false }
            return path == "/nonexistent/logo.png"
        }
    }

    @Test func unwritablePathsThrow() throws {
        let document = Fixtures.document(measurer: measurer)
        #expect {
            try renderer.renderPDF(document, to: "/nonexistent-directory/sheet.pdf")
        } throws: { error in
            guard case .cannotOpen(let path, _)? = error as? RenderError else { return false }
            return path == "/nonexistent-directory/sheet.pdf"
        }
        // /dev/full opens fine and fails every write with ENOSPC: the disk-full case.
        if FileManager.default.fileExists(atPath: "/dev/full") {
            #expect {
                try renderer.renderPDF(document, to: "/dev/full")
            } throws: { error in
                guard case .writeFailed(let path, let reason)? = error as? RenderError else { return false }
                return path == "/dev/full" && reason.contains("space")
            }
            #expect(FileManager.default.fileExists(atPath: "/dev/full"))
            #expect(throws: RenderError.self) { try renderer.renderPNG(Fixtures.redRectanglePage(), scale: 1, to: "/dev/full") }
        }
    }
}
