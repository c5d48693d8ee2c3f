import Foundation
import SheetCore
import SheetLayout
@testable import SheetRender
import TestSupport
import Testing

/// The CJK faces' font programs, which cairo 1.16 embeds with every subroutine of the font,
/// come out with only the subroutines their glyphs call, and the pages look the same.
@Suite("Compact CJK font programs")
struct CFFCompactionTests {
    let measurer = PangoTextMeasurer()
    var renderer: SheetRenderer { SheetRenderer() }

    /// The Japanese sample's kind of text, regular and bold: kana, kanji, Latin, punctuation.
    static let japanese = [
        "全国の大学・研究機関で研究データ基盤を利用する研究者、技術職員、図書館員をつなぎ、データの管理・公開・再利用に関する知見を共有することで、誰もが安心して使える開かれた研究データ環境を育てます。",
        "毎月のオンライン勉強会では、データ管理計画の書き方、メタデータの付け方、計算機資源との連携など、現場で困っている話題を会員自身が持ち寄りました。",
        "秋には京都で初めての対面ハッカソンを開き、技術職員と研究者が一緒にワークフローの改善に取り組みました（GitHubで公開）。",
    ]

    func document() -> SheetDocument {
        var frame = Frame(size: Size(width: 595, height: 842), role: .page)
        var y = 40.0
        for (index, text) in Self.japanese.enumerated() {
            let style = TextStyle(family: "Noto Sans", size: 11, weight: index == 0 ? .bold : .regular, lineHeight: 1.5)
            let block = TextBlock(paragraphs: [[RichSpan(text)]], style: style, width: 500, language: "ja")
            let metrics = measurer.measure(block)
            frame.append(.text(PositionedText(origin: Point(x: 40, y: y), block: block, metrics: metrics)))
            y += metrics.size.height + 12
        }
        return SheetDocument(pages: [Page(size: frame.size, frame: frame, title: "日本語")], metadata: Fixtures.metadata())
    }

    @Test func cjkFontProgramsKeepOnlyTheSubroutinesTheirGlyphsCall() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = directory.appendingPathComponent("cairo.pdf").path
        let after = directory.appendingPathComponent("compact.pdf").path
        let original = try renderer.uncompactedPDFData(document())
        try original.write(to: URL(fileURLWithPath: before))
        let compact = try PDFFontProgramCompactor.compact(original)
        try compact.write(to: URL(fileURLWithPath: after))
        // Measured: 1.05 MB as cairo writes it, 0.06 MB compacted.
        #expect(compact.count * 5 < original.count, "\(original.count) → \(compact.count) bytes")
        #expect(try renderer.pdfData(document()) == compact)

        let check = try CommandRunner.run("qpdf", ["--check", after])
        #expect(check.status == 0 && !check.stderr.contains("WARNING"), "\(check.stdout)\(check.stderr)")
        // The fonts' names, kinds and flags; object numbers change when qpdf writes the file.
        let fonts = { (path: String) in
            try CommandRunner.run("pdffonts", [path]).stdout.split(separator: "\n").map { $0.split(separator: " ").dropLast(2).joined(separator: " ") }
        }
        #expect(try fonts(after) == fonts(before))
        #expect(try fonts(after).contains { $0.contains("NotoSansCJKjp-Regular CID Type 0C") })
        #expect(try fonts(after).contains { $0.contains("NotoSansCJKjp-Bold CID Type 0C") })
        let text = { (path: String) in try CommandRunner.run("pdftotext", [path, "-"]).stdout }
        #expect(try text(after) == text(before))
        #expect(try text(after).contains("研究データ基盤"))

        // The same glyphs: the pages rasterise to the same pixels.
        let pixels = { (path: String, name: String) throws -> Data in
            let prefix = directory.appendingPathComponent(name).path
            _ = try CommandRunner.run("pdftoppm", ["-r", "100", "-gray", "-singlefile", path, prefix])
            return try Data(contentsOf: URL(fileURLWithPath: prefix + ".pgm"))
        }
        let beforePixels = try pixels(before, "before")
        #expect(beforePixels.count > 100_000)
        #expect(try pixels(after, "after") == beforePixels)
    }

    @Test func aPDFWithoutCFFFontProgramsIsLeftAsItIs() throws {
        let pdf = try renderer.pdfData(Fixtures.document(measurer: measurer))
        #expect(try PDFFontProgramCompactor.compact(pdf) == pdf)
        #expect(pdf.range(of: Data("/CIDFontType0C".utf8)) == nil)
    }

    @Test func whatIsNotACFFProgramIsNotSubset() {
        #expect(CFFSubroutineSubsetter.subset(Data()) == nil)
        #expect(CFFSubroutineSubsetter.subset(Data("not a font at all".utf8)) == nil)
        #expect(CFFSubroutineSubsetter.glyphCount(of: Data(repeating: 0xFF, count: 64)) == nil)
    }

    @Test func aDamagedPDFIsAQPDFError() {
        let damaged = Data("%PDF-1.5\n1 0 obj << /Subtype /CIDFontType0C >> endobj\ntrailer << >>\n%%EOF\n".utf8)
        #expect(throws: RenderError.self) { try PDFFontProgramCompactor.compact(damaged) }
    }
}
