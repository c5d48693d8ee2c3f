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
}
