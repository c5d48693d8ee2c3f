import Foundation
import SheetCore
import SheetLayout
@testable import SheetRender
import Testing

/// Cairo 1.16 keeps at most 10 FreeType faces open for the whole process and closes one to
/// open another, without checking properly whether another thread is using it: workers drawing
/// text in many fonts at once crashed in cairo or FreeType, or failed with "error occurred in
/// libfreetype".
@Suite("Cairo font faces")
struct CairoFontFacesTests {
    /// Sample text in the scripts the sample profiles use, each in fonts of its own.
    static let samples = [
        ("en", "Research software stewardship and open science"),
        ("ja", "研究データ基盤の共同体と日本語の組版"),
        ("ar", "شبكة مهندسي البرمجيات البحثية العربية"),
        ("am", "የኢትዮጵያ ደጋማ አካባቢዎች ጂኖሚክስ ምርምር"),
        ("yo", "Ẹgbẹ́ àwọn onímọ̀ ẹ̀rọ ìwádìí Nàìjíríà"),
    ]
    /// With weights and slants, many more font files than cairo keeps open.
    static let families = ["Noto Sans", "Noto Serif", "DejaVu Sans", "DejaVu Serif"]

    @Test func workersDrawingTextInManyFontsAtOnceAllSucceed() {
        let workers = 4
        let failures = Results<[String]>(count: workers, initial: [])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let measurer = PangoTextMeasurer()
            let renderer = SheetRenderer()
            var failed: [String] = []
            for round in 0..<40 {
                var frame = Frame(size: Size(width: 400, height: 500))
                for slot in 0..<8 {
                    // Workers go through the fonts in different orders, and every size is new,
                    // so faces are opened (and, without the fix, closed) all the time.
                    let font = (slot * 3 + round + worker * 5) % (Self.families.count * 4)
                    let (language, text) = Self.samples[(slot + worker) % Self.samples.count]
                    let style = TextStyle(
                        family: Self.families[font / 4], size: 7 + Double(round) * 0.25 + Double(worker) * 0.06,
                        weight: font % 2 == 0 ? .regular : .bold, italic: font % 4 >= 2)
                    let block = Fixtures.block(text, width: 380, language: language, style: style)
                    let origin = Point(x: 10, y: 10 + Double(slot) * 60)
                    frame.append(.text(PositionedText(origin: origin, block: block, metrics: measurer.measure(block))))
                }
                do {
                    _ = try renderer.bitmap(Page(size: frame.size, frame: frame, title: ""), scale: 1.5)
                } catch {
                    failed.append("round \(round): \(error)")
                }
            }
            failures.set(worker, failed)
        }
        for worker in 0..<workers {
            #expect(failures.get(worker).isEmpty, "worker \(worker): \(failures.get(worker))")
        }
    }

    @Test func pangoFontsDrawWithFacesCairoDidNotOpen() {
        _ = CairoFontFaces.installed
        let measurer = PangoTextMeasurer()
        let block = Fixtures.block("Faces", width: nil)
        var frame = Frame(size: Size(width: 100, height: 40))
        frame.append(.text(PositionedText(origin: Point(x: 5, y: 5), block: block, metrics: measurer.measure(block))))
        #expect(throws: Never.self) { try SheetRenderer().bitmap(Page(size: frame.size, frame: frame, title: ""), scale: 1) }
        #expect(CairoFontFaces.openFaces > 0)
    }
}
