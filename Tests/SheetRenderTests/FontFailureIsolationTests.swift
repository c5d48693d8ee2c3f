import Foundation
import SheetCore
import SheetLayout
import SheetRender
import Testing

/// Cairo shares FreeType faces across the process: a size FreeType refuses marks the face as
/// failed for everyone drawing it at that moment. Absurd sizes must never reach FreeType.
@Suite("Font failure isolation")
struct FontFailureIsolationTests {
    @Test func absurdSizesDoNotBreakOtherWorkers() {
        let failures = Results<[String]>(count: 2, initial: [])
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            let measurer = PangoTextMeasurer()
            let renderer = SheetRenderer()
            var failed: [String] = []
            for round in 0..<15 {
                if worker == 0 {
                    let document = Fixtures.document(measurer: measurer)
                    do {
                        _ = try renderer.pdfData(document)
                        _ = try renderer.bitmap(document.pages[0], scale: 0.25)
                    } catch {
                        failed.append("round \(round): \(error)")
                    }
                } else {
                    for size in [Double.infinity, 1e300, 1e6, 5e4, .nan, 0, 1e-9] {
                        let block = Fixtures.block("Absurd", width: nil, style: TextStyle(family: "Noto Sans", size: size))
                        var frame = Frame(size: Size(width: 14_000, height: 100))
                        frame.append(.text(PositionedText(origin: Point(x: 10, y: 10), block: block, metrics: measurer.measure(block))))
                        let page = Page(size: frame.size, frame: frame, title: "")
                        _ = try? renderer.bitmap(page, scale: 0.001)
                        _ = try? renderer.bitmap(Page(size: Size(width: 100, height: 100), frame: frame, title: ""), scale: 16)
                        _ = try? renderer.pdfData(SheetDocument(pages: [page], metadata: Fixtures.metadata()))
                    }
                }
            }
            failures.set(worker, failed)
        }
        #expect(failures.get(0).isEmpty, "\(failures.get(0))")
    }
}
