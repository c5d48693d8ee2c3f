import Foundation
import TestSupport
import Testing

/// Logos from strangers, built end to end (issue 14): what tries to reach the build machine's
/// files changes nothing on the sheet.
@Suite("Hostile logos end to end", .serialized)
struct HostileLogoTests {
    /// A copy of the sample profiles with a file a logo should never be able to show.
    func samples() throws -> String {
        let root = try CommandRunner.temporaryDirectory()
        #expect(try CommandRunner.run("cp", ["-R", CommandRunner.repositoryRoot + "/profiles", root + "/profiles"]).status == 0)
        let secret = "name,email\nAda Secret,ada@example.org\n"
        try Data(secret.utf8).write(to: URL(fileURLWithPath: root + "/profiles/surveys/secret.csv"))
        let red = ##"<svg xmlns="http://www.w3.org/2000/svg" width="360" height="120"><rect id="r" width="360" height="120" fill="#FF0000"/><linearGradient id="g"><stop offset="0" stop-color="#FF0000"/></linearGradient></svg>"##
        try Data(red.utf8).write(to: URL(fileURLWithPath: root + "/profiles/logos/secret.svg"))
        try Data("rect { fill: #FF0000 !important }".utf8).write(to: URL(fileURLWithPath: root + "/profiles/logos/secret.css"))
        return root
    }

    func build(_ root: String, _ extra: [String] = []) throws -> CommandRunner.Output {
        try CommandRunner.profilesheet(
            ["build", "--profiles", root + "/profiles", "--template", CommandRunner.repositoryRoot + "/templates/standard",
             "--output", root + "/output"] + extra,
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
    }

    /// us-rse's logo with every way we know of to pull a file in, each added so that, left
    /// out, the logo is the clean one.
    static func hostileUSRSE(_ clean: String) -> String {
        var text = clean.replacingOccurrences(
            of: ##"<svg xmlns="http://www.w3.org/2000/svg""##,
            with: ##"<?xml-stylesheet type="text/css" href="secret.css"?>"## + "\n"
                + ##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xi="http://www.w3.org/2001/XInclude""##)
        text = text.replacingOccurrences(
            of: "<title>US-RSE</title>",
            with: ##"<title>US-RSE</title><style>@import url(secret.css); circle { fill: \75 rl(secret.svg#g) }</style>"##
                + ##"<image href="../surveys/secret.csv" width="360" height="120"/><image xlink:href="secret.svg" width="360" height="120"/>"##
                + ##"<use href="secret.svg#r"/><use xlink:href="file:///etc/passwd#x"/><foreignObject width="360" height="120"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>"##
                + ##"<a xlink:href="javascript:alert(1)"/><script>alert(1)</script>"##)
        text = text.replacingOccurrences(of: ##"fill="#0072B2""##, with: ##"fill="#0072B2" style="fill: \75 rl(secret.svg#g)""##)
        text = text.replacingOccurrences(of: ##"font-weight="bold" fill="#1F2A37">US-RSE</text>"##,
                                         with: ##"font-weight="bold" fill="#1F2A37">US-RSE<xi:include href="../surveys/secret.csv" parse="text"/></text>"##)
        return text
    }

    @Test func aLogoReachingForFilesDrawsTheSameSheetAsTheCleanLogo() throws {
        let root = try samples()
        let clean = try build(root, ["us-rse"])
        #expect(clean.status == 0, "\(clean.stderr)")
        let cleanPNG = try #require(FileManager.default.contents(atPath: root + "/output/us-rse.png"))
        #expect(try CommandRunner.run("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", root + "/output/us-rse.pdf", root + "/clean"]).status == 0)

        let logo = root + "/profiles/logos/us-rse.svg"
        let hostile = Self.hostileUSRSE(try String(contentsOfFile: logo, encoding: .utf8))
        #expect(hostile.contains("xi:include") && hostile.contains(##"\75 rl("##) && hostile.contains("xml-stylesheet"))
        try Data(hostile.utf8).write(to: URL(fileURLWithPath: logo))
        let attacked = try build(root, ["us-rse", "--force"])
        #expect(attacked.status == 0, "\(attacked.stderr)")
        #expect(attacked.stderr.contains("warning: logo 'logos/us-rse.svg' holds what a logo may not, left out: '<?xml-stylesheet?>', '<image>', 'href=\"secret.svg#r\"' and "), "\(attacked.stderr)")
        let attackedPNG = try #require(FileManager.default.contents(atPath: root + "/output/us-rse.png"))
        #expect(attackedPNG == cleanPNG, "the thumbnail changed")
        #expect(try CommandRunner.run("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", root + "/output/us-rse.pdf", root + "/attacked"]).status == 0)
        let pages = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix("clean") }
        #expect(pages.count == 1)
        for page in pages {
            let twin = "attacked" + page.dropFirst("clean".count)
            #expect(FileManager.default.contents(atPath: root + "/" + page) == FileManager.default.contents(atPath: root + "/" + twin), "\(page) changed")
        }
        let text = try CommandRunner.run("pdftotext", [root + "/output/us-rse.pdf", "-"])
        #expect(!text.stdout.contains("Secret") && !text.stdout.contains("ada@"))
    }

    /// A progressive JPEG whose last scan is repeated `scans` times: each repeat is 28 bytes
    /// (one Huffman symbol meaning "the next 32 767 blocks are empty", a few times over) that
    /// make libjpeg visit every block of the image again; 1.2 MB of them took gdk-pixbuf 51 s.
    /// Made from a sample sheet's page by pdftoppm and jpegtran (libjpeg-turbo-progs).
    static func repeatedScanJPEG(from pdf: String, in folder: String, scans: Int) throws -> Data {
        #expect(try CommandRunner.run("pdftoppm", ["-jpeg", "-scale-to", "4000", "-f", "1", "-l", "1", pdf, folder + "/page"]).status == 0)
        let progressive = try CommandRunner.run("jpegtran", ["-progressive", "-outfile", folder + "/progressive.jpg", folder + "/page-1.jpg"])
        #expect(progressive.status == 0, "\(progressive.stderr)")
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: folder + "/progressive.jpg")))
        let frame = try #require((0..<(bytes.count - 10)).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC2 })
        let height = Int(bytes[frame + 5]) << 8 | Int(bytes[frame + 6])
        let width = Int(bytes[frame + 7]) << 8 | Int(bytes[frame + 8])
        let component = bytes[frame + 10]
        let blocks = ((width + 7) / 8) * ((height + 7) / 8)
        // The symbol 0xE0 (a run of 2¹⁴ + 14 bits of empty blocks) as the one code "0".
        var bits: [Bool] = []
        for _ in 0..<((blocks + 32_766) / 32_767) { bits.append(false); bits += Array(repeating: true, count: 14) }
        while bits.count % 8 != 0 { bits.append(true) }
        var entropy: [UInt8] = []
        for start in stride(from: 0, to: bits.count, by: 8) {
            let byte = bits[start..<(start + 8)].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
            entropy.append(byte)
            if byte == 0xFF { entropy.append(0) }
        }
        let table: [UInt8] = [0xFF, 0xC4, 0x00, 0x14, 0x10, 1] + Array(repeating: 0, count: 15) + [0xE0]
        let scan: [UInt8] = [0xFF, 0xDA, 0x00, 0x08, 0x01, component, 0x00, 1, 63, 0] + entropy
        bytes.removeLast(2)  // EOI
        bytes += table
        for _ in 0..<scans { bytes += scan }
        bytes += [0xFF, 0xD9]
        return Data(bytes)
    }

    /// A logo that keeps its decoder busy past the limits fails its profile alone: every other
    /// sheet, the gallery, the collection and the manifest are written, and the exit status is 1.
    @Test func aLogoThatHangsItsDecoderFailsOnlyItsProfile() throws {
        let root = try samples()
        let first = try build(root)
        #expect(first.status == 0, "\(first.stderr)")
        let jpeg = try Self.repeatedScanJPEG(from: root + "/output/us-rse.pdf", in: root, scans: 8_000)
        #expect(jpeg.count < 1_000_000)
        try jpeg.write(to: URL(fileURLWithPath: root + "/profiles/logos/naija-rse.jpg"))
        try FileManager.default.removeItem(atPath: root + "/output")
        let started = Date()
        let run = try CommandRunner.profilesheet(
            ["build", "--profiles", root + "/profiles", "--template", CommandRunner.repositoryRoot + "/templates/standard", "--output", root + "/output"],
            environment: ["PROFILESHEET_IMAGE_SECONDS": "3"])
        #expect(Date().timeIntervalSince(started) < 120)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("error: logo 'logos/naija-rse.jpg' cannot be decoded: decoding and drawing it took more than "), "\(run.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: root + "/output")
        #expect(!written.contains("naija-rse.pdf"))
        for name in ["us-rse.pdf", "us-rse.png", "sustain-oss.pdf", "cscce.pdf", "index.html", "collection.pdf", "manifest.json"] {
            #expect(written.contains(name), "\(name) is missing")
        }
        #expect(try CommandRunner.run("qpdf", ["--check", root + "/output/collection.pdf"]).status == 0)
    }

    /// A `data:` image claiming 30 000² pixels, and a 1.9 MB `<text>`: left out and cut, with a
    /// warning; the sheet is rendered at once and small.
    @Test func imageBombsAndHugeTextInAnSVGAreLeftOut() throws {
        let root = try samples()
        // A PNG header (signature, IHDR) claiming 30 000 × 30 000 pixels.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 6, 0, 0, 0, 0, 0, 0, 0]
        let logo = root + "/profiles/logos/us-rse.svg"
        var text = try String(contentsOfFile: logo, encoding: .utf8)
        text = text.replacingOccurrences(of: "<title>US-RSE</title>", with: "<title>US-RSE</title>"
            + ##"<image href="data:image/png;base64,"## + Data(png).base64EncodedString() + ##"" width="360" height="120"/>"##
            + ##"<image href="data:image/png;base64,"## + Data(png).base64EncodedString() + ##"" width="10" height="10"/>"##
            + ##"<text x="0" y="119" font-size="1">"## + String(repeating: "x", count: 1_900_000) + "</text>")
        try Data(text.utf8).write(to: URL(fileURLWithPath: logo))
        let started = Date()
        let run = try build(root, ["us-rse"])
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: logo 'logos/us-rse.svg' holds what a logo may not, left out: '<image>', 'text beyond 512 characters'"), "\(run.stderr)")
        let size = try #require(FileManager.default.attributesOfItem(atPath: root + "/output/us-rse.pdf")[.size] as? Int)
        #expect(size < 1_000_000)
    }
    /// Ten levels of ten `<use>`s each naming the level before (10¹⁰ copies; librsvg 2.54 gave
    /// up after 11 s, and a build then did the same again in its own process): refused by the
    /// cleaner at once, an error at the profile's `logo:` that names the file.
    @Test func aUseBombFailsItsProfileAtOnce() throws {
        let root = try samples()
        var logo = ##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100"><defs><g id="l0"><rect width="1" height="1"/></g>"##
        for level in 1...10 { logo += "<g id=\"l\(level)\">" + String(repeating: "<use xlink:href=\"#l\(level - 1)\"/>", count: 10) + "</g>" }
        logo += ##"</defs><use xlink:href="#l10"/></svg>"##
        try Data(logo.utf8).write(to: URL(fileURLWithPath: root + "/profiles/logos/us-rse.svg"))
        let started = Date()
        let run = try build(root, ["us-rse", "cscce"])
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("profiles/us-rse.yaml:9:7: error: logo 'logos/us-rse.svg' cannot be decoded: it draws more than 20000 elements once its <use> elements and references are expanded\n"), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: root + "/output/cscce.pdf") && !FileManager.default.fileExists(atPath: root + "/output/us-rse.pdf"))
    }
    /// Logo paths that lead through links: round a loop, to a device, to a file outside, and
    /// with `..` after a link (resolved where the link leads, so inside here). Each is a
    /// diagnostic at the `logo:` line, nothing is read from outside, and nothing blocks.
    @Test func logoPathsThroughLinksAreResolvedAndChecked() throws {
        let root = try samples()
        let profiles = root + "/profiles"
        try FileManager.default.createDirectory(atPath: profiles + "/loop", withIntermediateDirectories: true)
        #expect(symlink("../loop", profiles + "/loop/self") == 0)
        #expect(symlink("/dev/urandom", profiles + "/logos/random.svg") == 0)
        #expect(symlink("/etc/passwd", profiles + "/logos/passwd.svg") == 0)
        try FileManager.default.createDirectory(atPath: profiles + "/sub", withIntermediateDirectories: true)
        #expect(symlink("../logos", profiles + "/sub/up") == 0)
        let original = try String(contentsOfFile: profiles + "/us-rse.yaml", encoding: .utf8)
        let logos = ["loop": "loop/" + String(repeating: "self/", count: 50) + "x.svg", "random": "logos/random.svg",
                     "passwd": "logos/passwd.svg", "through": "sub/up/../logos/us-rse.svg"]
        for (id, logo) in logos {
            let text = original.replacingOccurrences(of: "id: us-rse", with: "id: \(id)").replacingOccurrences(of: "logo: logos/us-rse.svg", with: "logo: \(logo)")
            try Data(text.utf8).write(to: URL(fileURLWithPath: profiles + "/\(id).yaml"))
        }
        let started = Date()
        let run = try CommandRunner.profilesheet(["validate", "--profiles", profiles, "loop", "random", "passwd", "through"], timeout: 120)
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(run.status == 1)
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        #expect(errors == [
            profiles + "/loop.yaml:9:7: error: 'logo' goes round a loop of symbolic links: '" + String(logos["loop", default: ""].prefix(200)) + "…'",
            profiles + "/passwd.yaml:9:7: error: 'logo' leads outside the profiles folder: 'logos/passwd.svg'",
            profiles + "/random.yaml:9:7: error: 'logo' leads outside the profiles folder: 'logos/random.svg'",
        ], "\(run.stderr)")
    }
}
