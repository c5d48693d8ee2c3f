import Foundation
import TestSupport
import Testing

/// The gallery page opened in headless Chromium (Debian's `chromium`): every image loads,
/// every link resolves, and the page fits a phone's width.
@Suite("Gallery in a browser", .serialized)
struct GalleryTests {
    /// A page that loads the gallery in a phone-sized frame, then lists each image and link
    /// as ok or broken; Chromium prints the resulting DOM.
    static let checker = """
        <!DOCTYPE html><html><body><pre id="result">pending</pre>
        <iframe id="gallery" src="index.html" width="390" height="800"></iframe>
        <script>
        const frame = document.getElementById('gallery');
        frame.addEventListener('load', () => {
          const doc = frame.contentDocument;
          const lines = [];
          const images = [...doc.images];
          // Thumbnails load lazily; ask for all of them now.
          images.forEach(img => { img.loading = 'eager'; });
          const settle = img => new Promise(resolve => {
            if (img.complete) { resolve(img.naturalWidth > 0); return; }
            img.addEventListener('load', () => resolve(img.naturalWidth > 0));
            img.addEventListener('error', () => resolve(false));
            setTimeout(() => resolve(img.complete && img.naturalWidth > 0), 30000);
          });
          Promise.all(images.map(settle)).then(decoded => {
            images.forEach((img, i) => lines.push(`img ${img.getAttribute('src')} ${decoded[i] && img.naturalWidth > 0 ? 'ok' : 'broken'}`));
            for (const a of doc.querySelectorAll('a[href]')) {
              const request = new XMLHttpRequest();
              let ok = false;
              try { request.open('GET', a.href, false); request.send(); ok = (request.status === 0 || request.status === 200) && request.responseText.length > 0; } catch (e) { ok = false; }
              lines.push(`link ${a.getAttribute('href')} ${ok ? 'ok' : 'broken'}`);
            }
            lines.push(`width ${doc.documentElement.scrollWidth}`);
            lines.push(`headings ${doc.querySelectorAll('h2').length}`);
            lines.push(`missing-alt ${images.filter(img => !img.hasAttribute('alt')).length}`);
            document.getElementById('result').textContent = lines.join('\\n');
          });
        });
        </script></body></html>
        """

    func check(_ output: String) throws -> [String] {
        try Self.checker.write(toFile: output + "/check.html", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: output + "/check.html") }
        let run = try CommandRunner.run("chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
            "--virtual-time-budget=60000", "--dump-dom", "file://" + output + "/check.html",
        ])
        guard let start = run.stdout.range(of: "<pre id=\"result\">"), let end = run.stdout.range(of: "</pre>") else {
            Issue.record("chromium printed no result: \(run.stderr.suffix(500))")
            return []
        }
        return run.stdout[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
    }

    @Test func everyImageLoadsAndEveryLinkResolves() throws {
        let root = try CommandRunner.temporaryDirectory()
        let output = root + "/output"
        let build = try CommandRunner.profilesheet(["build", "--output", output])
        #expect(build.status == 0, "\(build.stderr)")
        let lines = try check(output)
        let ids = SampleSheetsTests.samples
        // The page's script sorts the cards by name: compare as sets.
        #expect(lines.filter { $0.hasPrefix("img ") }.sorted() == ids.map { "img \($0).png ok" }.sorted())
        let links = lines.filter { $0.hasPrefix("link ") }
        #expect(links.contains("link collection.pdf ok"))
        for id in ids { #expect(links.contains("link \(id).pdf ok"), "\(id)") }
        #expect(!links.contains { $0.hasSuffix("broken") })
        #expect(lines.contains("headings \(ids.count)"))
        #expect(lines.contains("missing-alt 0"))
        let width = lines.first { $0.hasPrefix("width ") }.flatMap { Int($0.dropFirst(6)) } ?? .max
        #expect(width <= 390, "the gallery is wider than a phone: \(width) px")

        // The check itself notices a missing thumbnail and a missing PDF.
        try FileManager.default.removeItem(atPath: output + "/us-rse.png")
        try FileManager.default.removeItem(atPath: output + "/cscce.pdf")
        let broken = try check(output)
        #expect(broken.contains("img us-rse.png broken"))
        #expect(broken.contains("link cscce.pdf broken"))
    }
}
