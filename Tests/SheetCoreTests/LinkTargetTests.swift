import Foundation
import SheetCore
import Testing

/// Links are only what they say (issue 14): every URL that becomes a link is normalised and
/// percent-encoded so that nothing in it can end a PDF string or start an action.
@Suite("Link targets")
struct LinkTargetTests {
    /// The bytes a link target may hold: nothing that ends or opens a PDF string (`(`, `)`,
    /// `\`), no white space or control character, ASCII only.
    static func isPDFSafe(_ link: String) -> Bool {
        link.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "(") && byte != UInt8(ascii: ")") && byte != UInt8(ascii: "\\")
        }
    }

    @Test(arguments: [
        ("https://example.org/x)/S/JavaScript/JS(app.alert(1)", "https://example.org/x%29/S/JavaScript/JS%28app.alert%281%29"),
        ("https://example.org/a(b", "https://example.org/a%28b"),
        ("https://example.org/a)b", "https://example.org/a%29b"),
        ("https://example.org/a\\b", "https://example.org/a%5Cb"),
        ("https://example.org/%28ok%29", "https://example.org/%28ok%29"),
        ("https://example.org/100%", "https://example.org/100%25"),
        ("https://de.wikipedia.org/wiki/Köln_(Stadt)", "https://de.wikipedia.org/wiki/K%C3%B6ln_%28Stadt%29"),
        ("https://example.org/café%20menu?q=ä%26", "https://example.org/caf%C3%A9%20menu?q=%C3%A4%26"),
        ("https://exämple.org/über?q=ä#frag#x", "https://xn--exmple-cua.org/%C3%BCber?q=%C3%A4#frag%23x"),
        ("https://例え.jp/パス", "https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9"),
        ("HTTPS://Example.ORG/Path", "https://example.org/Path"),
        ("https://example.org/it's?a=1&b='x'", "https://example.org/it's?a=1&b='x'"),
        ("https://example.org/<script>\"", "https://example.org/%3Cscript%3E%22"),
        ("https://example.org:8443/p", "https://example.org:8443/p"),
        ("http://[::1]/x", "http://[::1]/x"),
    ])
    func webLinksAreNormalisedAndPercentEncoded(_ input: String, _ expected: String) throws {
        let link = try URLCheck.webLink(input).get()
        #expect(link == expected)
        #expect(Self.isPDFSafe(link))
        // Normalising twice changes nothing, so the painter's gate keeps what validation made.
        #expect(URLCheck.linkTarget(link) == link)
    }

    @Test(arguments: [
        ("javascript:alert(1)", URLProblem.notWeb),
        ("JavaScript:alert(1)", .notWeb),
        ("data:text/html,<script>alert(1)</script>", .notWeb),
        ("file:///etc/passwd", .notWeb),
        ("ftp://example.org/", .notWeb),
        ("https://example.org/a\nb", .whitespace),
        ("https://example.org/a b", .whitespace),
        ("https://example.org/a\u{7F}b", .whitespace),
        ("//example.org/", .notWeb),
        ("https://good.example.org@evil.example/", .credentials),
        ("https://example.org\\@evil.example/", .credentials),
        ("https://user:secret@example.org/", .credentials),
        ("https:///path", .host),
        ("https://intranet/", .host),
        ("https://exa(mple.org/", .host),
        ("https://ex%41mple.org/", .host),
        ("https://example.org:99999/", .port),
        ("https://example.org/\u{202E}gpj.exe", .invisible("\u{202E}")),
        ("https://exam\u{200B}ple.org/", .invisible("\u{200B}")),
    ])
    func unsafeOrForeignURLsAreRefused(_ input: String, _ problem: URLProblem) {
        #expect(URLCheck.webLink(input) == .failure(problem))
        #expect(!URLCheck.isWebURL(input))
        #expect(URLCheck.linkTarget(input) == nil)
    }

    @Test func aVeryLongURLIsCappedOnceEncoded() throws {
        let long = "https://example.org/" + String(repeating: "a", count: 1_980)
        #expect(try URLCheck.webLink(long).get() == long)
        // A character of two bytes takes 6 once percent-encoded, one of three 9.
        let wide = "https://example.org/" + String(repeating: "ü", count: 1_000)
        #expect(try URLCheck.webLink(wide).get().utf8.count == 6_020)
        let wider = "https://example.org/" + String(repeating: "€", count: 1_000)
        #expect(URLCheck.webLink(wider) == .failure(.tooLong(bytes: 9_020)))
    }

    @Test(arguments: [
        ("ada@example.org", "mailto:ada@example.org"),
        ("Ada.Lovelace+sheets@Example.ORG", "mailto:Ada.Lovelace+sheets@example.org"),
        ("a?cc=eve@example.org", "mailto:a%3Fcc%3Deve@example.org"),
        ("a%0Acc@example.org", "mailto:a%250Acc@example.org"),
        ("a&body=hi#x@example.org", "mailto:a%26body%3Dhi%23x@example.org"),
        ("jürgen@bücher.de", "mailto:j%C3%BCrgen@xn--bcher-kva.de"),
    ])
    func mailtoLinksCannotAddHeaders(_ address: String, _ expected: String) throws {
        #expect(URLCheck.isPlausibleEmail(address))
        let link = try URLCheck.mailtoLink(address).get()
        #expect(link == expected)
        #expect(Self.isPDFSafe(link))
        #expect(!link.dropFirst(7).contains("?"))
        #expect(URLCheck.linkTarget(link) == link)
    }

    @Test(arguments: ["ada@example.org?cc=eve", "ada@exa(mple.org", "ada@example.org%0Acc", "ada@exam ple.org", "ada@example"])
    func addressesWhoseDomainIsNoDomainAreNotPlausible(_ address: String) {
        #expect(!URLCheck.isPlausibleEmail(address))
    }

    /// The painter's last gate: only http, https and mailto links as the checks make them.
    @Test(arguments: [
        "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "mailto:a@example.org?cc=eve@example.org",
        "mailto:a@example.org%0Acc:eve@example.org", "mailto:a(b@example.org", "mailto:", "mailto:@example.org",
        "mailto:a@EXAMPLE.org", "launch:calc.exe", "",
        // Relative links only to a sheet's file beside the PDF: a slug and `.pdf`.
        "../us-rse.pdf", "/etc/x.pdf", "us-rse.PDF", "Us-rse.pdf", "us rse.pdf", "us-rse.pdf#page=2", "a(b).pdf", ".pdf", "-x.pdf",
        "x.pdf.exe", "javascript:x.pdf",
    ])
    func theGateRefusesEverythingElse(_ uri: String) {
        #expect(URLCheck.linkTarget(uri) == nil)
    }

    /// The overview's names link to their sheets' files (`us-rse.pdf`), which
    /// `collection.pdf` turns into links to their pages.
    @Test func aSheetFileIsALinkTargetAsMade() {
        #expect(URLCheck.sheetFileLink("us-rse") == "us-rse.pdf")
        #expect(URLCheck.sheetFileLink("../x") == nil)
        #expect(URLCheck.linkTarget("us-rse.pdf") == "us-rse.pdf")
        #expect(URLCheck.linkTarget("kenkyu-data-kiban.pdf").map(Self.isPDFSafe) == true)
    }

    // MARK: - Diagnostics

    @Test func unsafeWebsitesAreDiagnosticsAtTheirPosition() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let text = ProfileFixture.minimal(extra: """
            website: "https://good.example.org@evil.example/"
            contact:
              url: https://example.org:99999/join
              email: ada@example.org?cc=eve
            narrative: See [our page](https://exa\u{202E}mple.org/) and [the wiki](https://wiki.example.org/A_(b)).
            """)
        let rendered = try fixture.rendered(text)
        #expect(rendered == """
            demo.yaml:9:10: error: 'website' names a user or password before its host, found 'https://good.example.org@evil.example/'
            9 | website: "https://good.example.org@evil.example/"
              |          ^
            hint: remove the part up to '@' after '://': a link must go where it says
            demo.yaml:11:8: error: 'contact.url' has a port outside 1 to 65535, found 'https://example.org:99999/join'
            11 |   url: https://example.org:99999/join
               |        ^
            hint: remove the port or use one from 1 to 65535
            demo.yaml:12:10: error: 'contact.email' is not a plausible e-mail address: 'ada@example.org?cc=eve'
            12 |   email: ada@example.org?cc=eve
               |          ^
            hint: write it as name@example.org
            demo.yaml:13:27: error: 'narrative' links to 'https://exa\\u{202E}mple.org/', which contains the invisible character U+202E
            13 | narrative: See [our page](https://example.org/) and [the wiki](https://wiki.example.org/A_(b)).
               |                           ^
            hint: remove it: a link must go where it says

            """)
    }

    @Test func aRichTextLinkKeepsItsLabelAndLinksToTheEncodedTarget() {
        let (text, rejected) = RichTextParser().parse("[the wiki](https://wiki.example.org/Ünïcode_(x) and [x](https://exämple.org/\\y)")
        #expect(rejected.isEmpty)
        let links = text.paragraphs.flatMap { $0 }.compactMap(\.link)
        #expect(links == ["https://wiki.example.org/%C3%9Cn%C3%AFcode_%28x", "https://xn--exmple-cua.org/%5Cy"])
    }
}
