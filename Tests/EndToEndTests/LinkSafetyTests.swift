import Foundation
import SheetCore
import SheetPipeline
import TestSupport
import Testing

/// Links are only what they say, and every PDF written is checked first (issue 14, points 3
/// and 7): hostile URLs rendered by the real binary and every link annotation of the sheet and
/// of `collection.pdf` read back with `qpdf --json`; damaged PDFs handed to the check through
/// the test seam, and a logo that makes cairo write a PDF qpdf rejects.
@Suite("Link and PDF safety end to end", .serialized)
struct LinkSafetyTests {
    static func profile(id: String, _ extra: String) -> String {
        """
        format: 1
        id: \(id)
        name: Community \(id)
        type: network
        period: 2025
        mission: Help people help each other.
        programming:
          convey: [Monthly newsletter]
        \(extra)

        """
    }

    static let longPath = String(repeating: "a", count: 1_900)

    /// URLs that validation accepts and that must come out normalised and encoded.
    static let hostile = profile(id: "hostile", """
        website: https://example.org/x)/S/JavaScript/JS(app.alert(1)
        narrative: >
          Read [the backslash page](https://example.org/back\\slash),
          [the escaped one](https://example.org/%28already%29),
          [the open one](https://example.org/open(paren),
          [the bookshop](https://bücher.example/),
          [a quote](https://example.org/it's?a=1&b='x')
          and [the long one](https://example.org/\(longPath)).
        contact:
          email: a?cc=eve@example.org
          url: https://example.org/a(b
        """)

    static let expectedHostileLinks: Set<String> = [
        "https://example.org/x%29/S/JavaScript/JS%28app.alert%281%29",
        "https://example.org/back%5Cslash",
        "https://example.org/%28already%29",
        "https://example.org/open%28paren",
        "https://xn--bcher-kva.example/",
        "https://example.org/it's?a=1&b='x'",
        "https://example.org/" + longPath,
        "mailto:a%3Fcc%3Deve@example.org",
        "https://example.org/a%28b",
        // The template's own: the participation model and the licence.
        "https://www.cscce.org/resources/cpm/",
        "https://creativecommons.org/licenses/by/4.0/",
    ]

    func scratch(_ profiles: [String: String]) throws -> String {
        let root = try CommandRunner.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: root + "/profiles/logos", withIntermediateDirectories: true)
        for (name, text) in profiles { try text.write(toFile: root + "/profiles/" + name, atomically: true, encoding: .utf8) }
        return root
    }

    func build(_ root: String, _ extra: [String] = []) throws -> CommandRunner.Output {
        try CommandRunner.profilesheet(
            ["build", "--profiles", root + "/profiles", "--template", CommandRunner.repositoryRoot + "/templates/standard",
             "--output", root + "/output"] + extra,
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
    }

    func configuration(_ root: String, alter: (@Sendable (String, Data) -> Data)?) -> RunConfiguration {
        var configuration = RunConfiguration(
            profilesDirectory: root + "/profiles", templateDirectory: CommandRunner.repositoryRoot + "/templates/standard",
            outputDirectory: root + "/output", date: Date(timeIntervalSince1970: 1_700_000_000), currentYear: 2026)
        configuration.alterPDF = alter
        return configuration
    }

    /// Every object of the PDF at `path`, as `qpdf --json` gives them (`obj:N 0 R` → value).
    static func objects(_ path: String) throws -> [String: Any] {
        let output = try CommandRunner.run("qpdf", ["--json=2", "--json-key=qpdf", path])
        #expect(output.status == 0, "\(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let parts = try #require(json["qpdf"] as? [Any])
        let objects = try #require(parts.last as? [String: Any])
        return objects.compactMapValues { ($0 as? [String: Any])?["value"] ?? ($0 as? [String: Any])?["stream"] }
    }

    /// The URIs of every link annotation in the PDF at `path`, after checking that each is a
    /// plain URI action to an http, https or mailto target with nothing in it that could end a
    /// PDF string, and that no object anywhere carries JavaScript, launch or automatic actions.
    static func linkTargets(_ path: String) throws -> [String] {
        var targets: [String] = []
        func visit(_ value: Any) {
            if let array = value as? [Any] { array.forEach(visit); return }
            guard let dictionary = value as? [String: Any] else { return }
            for key in ["/JS", "/JavaScript", "/AA", "/OpenAction", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/EmbeddedFiles"] {
                #expect(dictionary[key] == nil, "\(key) in \(path)")
            }
            if let action = dictionary["/S"] as? String, dictionary["/URI"] != nil || dictionary["/Type"] as? String == "/Action" {
                #expect(action == "/URI", "an action of type \(action) in \(path)")
            }
            if dictionary["/Subtype"] as? String == "/Link", let destination = dictionary["/Dest"] {
                // The overview's name of a community, in the collection: a destination in the
                // document (its sheet's first page), no action.
                let parts = destination as? [Any]
                #expect(dictionary["/A"] == nil, "\(dictionary)")
                #expect(parts?.count == 2 && (parts?.first as? String)?.hasSuffix(" 0 R") == true && parts?.last as? String == "/Fit",
                        "\(destination)")
            } else if dictionary["/Subtype"] as? String == "/Link" {
                let action = dictionary["/A"] as? [String: Any]
                #expect(action?["/S"] as? String == "/URI", "a link that is no URI action: \(dictionary)")
                #expect(Set((action ?? [:]).keys).isSubset(of: ["/S", "/Type", "/URI"]), "\(action ?? [:])")
                if let uri = action?["/URI"] as? String {
                    // qpdf writes a string as `u:` and its text, or `b:` and hex for bytes that are no text.
                    #expect(uri.hasPrefix("u:"), "\(uri)")
                    let target = String(uri.dropFirst(2))
                    #expect(target.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !"()\\".utf8.contains($0) }, "\(target)")
                    // The overview's name of a community whose sheet is not in the PDF links to
                    // its file beside it (`us-rse.pdf`): not a link of the sheets'.
                    if !URLCheck.isSheetFileLink(target) {
                        #expect(target.hasPrefix("https://") || target.hasPrefix("http://") || target.hasPrefix("mailto:"), "\(target)")
                        targets.append(target)
                    }
                }
            }
            dictionary.values.forEach(visit)
        }
        try objects(path).values.forEach(visit)
        return targets
    }

    @Test func hostileButValidURLsBecomeEncodedLinksAndNothingElse() throws {
        let root = try scratch(["hostile.yaml": Self.hostile])
        let run = try build(root)
        // A lone `(` in a URL used to write a corrupt PDF and stop the run with status 3.
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["hostile.pdf", "hostile.png", "collection.pdf", "index.html", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: root + "/output/" + name), "\(name)")
        }
        for name in ["hostile.pdf", "collection.pdf"] {
            let path = root + "/output/" + name
            let check = try CommandRunner.run("qpdf", ["--check", path])
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
            let targets = try Self.linkTargets(path)
            #expect(Set(targets) == Self.expectedHostileLinks, "\(name): \(Set(targets).symmetricDifference(Self.expectedHostileLinks))")
        }
        // The sheet still shows the addresses as written.
        let text = try CommandRunner.run("pdftotext", [root + "/output/hostile.pdf", "-"]).stdout
        #expect(text.contains("a?cc=eve@example.org"))
        #expect(text.contains("example.org/a(b"))
    }

    @Test func unsafeURLsAreDiagnosticsAndTheOtherSheetsStillLand() throws {
        let refused = Self.profile(id: "refused", """
            website: "javascript:alert(1)"
            narrative: See [the data](data:text/html,hi) and [the file](file:///etc/passwd) and [home](https://good.example@evil.example/).
            contact:
              email: ada@example.org?cc=eve@example.org
              url: "https://example.org/a\\nb"
            """)
        let root = try scratch(["refused.yaml": refused, "plain.yaml": Self.profile(id: "plain", "website: https://example.org/")])
        let run = try build(root)
        #expect(run.status == 1, "\(run.stderr)")
        let errors = run.stderr.split(separator: "\n").filter { $0.contains("error:") }.map {
            $0.replacingOccurrences(of: root + "/", with: "")
        }
        #expect(errors == [
            "profiles/refused.yaml:9:10: error: 'website' must be an http or https URL, found 'javascript:alert(1)'",
            "profiles/refused.yaml:10:27: error: 'narrative' links to 'data:text/html,hi', which is not an http or https URL",
            "profiles/refused.yaml:10:61: error: 'narrative' links to 'file:///etc/passwd', which is not an http or https URL",
            "profiles/refused.yaml:10:92: error: 'narrative' links to 'https://good.example@evil.example/', which names a user or password before its host",
            "profiles/refused.yaml:12:10: error: 'contact.email' is not a plausible e-mail address: 'ada@example.org?cc=eve@example.org'",
            "profiles/refused.yaml:13:8: error: 'contact.url' contains a space or line break, found 'https://example.org/a\\nb'",
        ], "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/output/refused.pdf"))
        for name in ["plain.pdf", "collection.pdf", "index.html", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: root + "/output/" + name), "\(name)")
        }
        #expect(Set(try Self.linkTargets(root + "/output/collection.pdf")).contains("https://example.org/"))
    }

    /// Builds `plain` (with a link) and `other`, lets `edit` change the file `plain.pdf` in the
    /// output folder, as something other than profilesheet might, and builds again for a new
    /// collection: it expects `plain.pdf` left out of it with `reason`, and a collection that
    /// `qpdf --check` passes. Returns the folder.
    private func collectionLeavingOutAnEditedSheet(
        because reason: String, _ edit: (_ sheet: String, _ root: String) throws -> Void
    ) throws -> String {
        let root = try scratch([
            "plain.yaml": Self.profile(id: "plain", "website: https://example.org/"), "other.yaml": Self.profile(id: "other", ""),
        ])
        #expect(try build(root).status == 0)
        try edit(root + "/output/plain.pdf", root)
        try FileManager.default.removeItem(atPath: root + "/output/collection.pdf")
        let run = try build(root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("profiles/plain.yaml:1:1: error: 'plain.pdf' was left out of 'collection.pdf': " + reason), "\(run.stderr)")
        #expect(try CommandRunner.run("qpdf", ["--check", root + "/output/collection.pdf"]).status == 0)
        return root
    }

    /// Replaces `old` with `new` in the file at `path`, read as Latin-1.
    private static func replace(_ old: String, with new: String, in path: String) throws {
        let original = latin1(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(original.contains(old))
        try bytes(original.replacingOccurrences(of: old, with: new)).write(to: URL(fileURLWithPath: path))
    }

    /// A sheet in the output folder whose objects the lexer cannot read (a brace, which PDF
    /// object syntax never has) is left out of the collection, saying what is wrong with it.
    @Test func aSheetTheLexerCannotReadIsLeftOutOfTheCollection() throws {
        _ = try collectionLeavingOutAnEditedSheet(because: "the PDF cannot be read: an unexpected '{'") { sheet, _ in
            try Self.replace("/URI (https://example.org/)", with: "/URI {https://example.org/)", in: sheet)
        }
    }

    /// A sheet in the output folder whose page has a parent-tree key near the largest integer
    /// (edited, then written again by qpdf) is left out of the collection: moved past the keys
    /// of the sheets before it, the key overflowed and stopped the build.
    @Test func aSheetWithAnOverflowingParentTreeKeyIsLeftOutOfTheCollection() throws {
        let reason = "the PDF uses a parent-tree key of 9223372036854775807, which profilesheet's PDF reader does not read"
        _ = try collectionLeavingOutAnEditedSheet(because: reason) { sheet, root in
            let editable = root + "/plain.qdf"
            #expect(try CommandRunner.run("qpdf", ["--qdf", "--object-streams=disable", sheet, editable]).status == 0)
            let original = Self.latin1(try Data(contentsOf: URL(fileURLWithPath: editable)))
            let key = try #require(original.range(of: #"/StructParents [0-9]+\n"#, options: .regularExpression))
            try Self.bytes(original.replacingCharacters(in: key, with: "/StructParents 9223372036854775807\n")).write(to: URL(fileURLWithPath: editable))
            // qpdf reads the edited file (its offsets now off) and writes it whole again.
            #expect(try CommandRunner.run("qpdf", ["--object-streams=disable", editable, sheet]).status != 2)
        }
    }

    /// A sheet in the output folder that carries a script (written there by something other
    /// than profilesheet) is left out of the collection with an error; the run goes on.
    @Test func aSheetWithAScriptIsLeftOutOfTheCollection() throws {
        // The same length, so that every offset of the file stays right.
        let link = "/URI (https://example.org/)"
        let script = "/JS (app.alert(1234567890))"
        #expect(link.count == script.count)
        let root = try collectionLeavingOutAnEditedSheet(because: "the PDF has the entry /JS, which a sheet never carries") { sheet, _ in
            try Self.replace(link, with: script, in: sheet)
        }
        let collection = root + "/output/collection.pdf"
        // The overview's pages, then the other sheet's: the plain one is not in it.
        let pages = try CommandRunner.pdfinfo(collection)["Pages"].flatMap { Int($0) }
        let otherPages = try CommandRunner.pdfinfo(root + "/output/other.pdf")["Pages"].flatMap { Int($0) }
        let overviewPages = try CommandRunner.pdfinfo(root + "/output/overview.pdf")["Pages"].flatMap { Int($0) }
        #expect(pages != nil && pages == (otherPages ?? 0) + (overviewPages ?? 0))
        _ = try Self.linkTargets(collection)
        // In the overview, the name of the sheet left out keeps its link to the file; the other
        // goes to its first page, after the overview's.
        let names = try OverviewTests.links(collection).filter { $0.page < (overviewPages ?? 0) }
        #expect(names.map(\.uri) == [nil, "plain.pdf"])
        #expect(names.map(\.destination) == [overviewPages, nil])
        #expect(names.allSatisfy { $0.inLinkElement })
    }

    static func latin1(_ data: Data) -> String { String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) })) }
    static func bytes(_ text: String) -> Data { Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }) }

    // MARK: - Every PDF checked before it takes its name

    /// A PDF cut short: its cross-reference table and trailer are gone.
    @Sendable static func truncated(_ bytes: Data) -> Data { bytes.prefix(bytes.count / 2) }

    @Test func aDamagedSheetIsADiagnosticNeverAFile() throws {
        let root = try scratch(["broken.yaml": Self.profile(id: "broken", ""), "plain.yaml": Self.profile(id: "plain", "")])
        let run = SheetRun(configuration: configuration(root) { name, bytes in name == "broken.pdf" ? Self.truncated(bytes) : bytes })
        let report = run.build([], options: BuildOptions(jobs: 2))
        #expect(report.failure == nil)
        #expect(report.exitStatus(strict: false) == 1)
        let messages = report.diagnostics.map { "\($0.location?.description ?? "-"): \($0.message)" }
        #expect(messages.count == 1)
        #expect(messages == [
            root + "/profiles/broken.yaml:1:1: 'broken.pdf' failed the PDF structure check and was not written: the file has no 'startxref' in its last 1024 bytes: it is cut short, or not a PDF",
        ])
        #expect(report.diagnostics.first?.hint == "this is a fault of profilesheet or a library it uses, not of the profile; please report it with the profile and its logo")
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/output").sorted()
        #expect(names == ["collection.pdf", "index.html", "manifest.json", "overview.pdf", "plain.pdf", "plain.png", "profiles.csv", "profiles.json"],
                "no temporary file left either")
        // The collection holds the overview and the sheet that passed, and only them.
        let pages = try CommandRunner.pdfinfo(root + "/output/collection.pdf")["Pages"].flatMap { Int($0) }
        let plainPages = try CommandRunner.pdfinfo(root + "/output/plain.pdf")["Pages"].flatMap { Int($0) }
        let overviewPages = try CommandRunner.pdfinfo(root + "/output/overview.pdf")["Pages"].flatMap { Int($0) }
        #expect(pages != nil && pages == (plainPages ?? 0) + (overviewPages ?? 0))
    }

    @Test func aDamagedCollectionIsNotRenamedIntoPlaceAndIsTriedAgain() throws {
        let root = try scratch(["plain.yaml": Self.profile(id: "plain", "")])
        let damaging = SheetRun(configuration: configuration(root) { name, bytes in name == "collection.pdf" ? Self.truncated(bytes) : bytes })
        let report = damaging.build([], options: BuildOptions(jobs: 1))
        #expect(report.failure == nil)
        #expect(report.diagnostics.map(\.message).count == 1)
        #expect(report.diagnostics.first?.location == nil)
        #expect(report.diagnostics.first?.message.hasPrefix("'collection.pdf' failed the PDF structure check and was not written: ") == true, "\(report.diagnostics)")
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/output").sorted()
        #expect(names == ["index.html", "manifest.json", "overview.pdf", "plain.pdf", "plain.png", "profiles.csv", "profiles.json"])
        // The manifest records no collection, so the next build writes it.
        let again = SheetRun(configuration: configuration(root, alter: nil)).build([], options: BuildOptions(jobs: 1))
        #expect(again.diagnostics.isEmpty, "\(again.diagnostics)")
        #expect(try CommandRunner.run("qpdf", ["--check", root + "/output/collection.pdf"]).status == 0)
    }

    @Test func aDamagedPreviewIsADiagnosticNeverAFile() throws {
        let root = try scratch(["plain.yaml": Self.profile(id: "plain", "")])
        let report = SheetRun(configuration: configuration(root) { _, bytes in Self.truncated(bytes) }).preview("plain")
        #expect(report.exitStatus(strict: false) == 1)
        #expect(report.diagnostics.first?.message.hasPrefix("'plain.pdf' failed the PDF structure check and was not written: ") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/output/preview") == [])
    }

    /// Cairo 1.16 writes an SVG logo's `stroke-width="1e20"` into the page's content as the
    /// integer `52000001042125627392`, which `qpdf --check` rejects ("overflow/underflow
    /// converting … to 64-bit integer"). That sheet is refused with a diagnostic; the other
    /// sheets land. (Should the SVG cleaner come to refuse or clamp such a width, the sheet is
    /// written instead, and then it must pass `qpdf --check`.)
    @Test func aLogoThatMakesCairoWriteABrokenPDFIsADiagnostic() throws {
        let root = try scratch([
            "wide.yaml": Self.profile(id: "wide", "logo: logos/wide.svg"), "plain.yaml": Self.profile(id: "plain", ""),
        ])
        try ##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100"><rect x="10" y="10" width="80" height="80" fill="none" stroke="#000" stroke-width="1e20"/></svg>"##
            .write(toFile: root + "/profiles/logos/wide.svg", atomically: true, encoding: .utf8)
        let run = try build(root)
        #expect(FileManager.default.fileExists(atPath: root + "/output/plain.pdf"))
        #expect(FileManager.default.fileExists(atPath: root + "/output/collection.pdf"))
        #expect(FileManager.default.fileExists(atPath: root + "/output/manifest.json"))
        let wide = root + "/output/wide.pdf"
        if FileManager.default.fileExists(atPath: wide) {
            let check = try CommandRunner.run("qpdf", ["--check", wide])
            #expect(check.status == 0, "a sheet qpdf rejects was written: \(check.stdout)\(check.stderr)")
        } else {
            #expect(run.status == 1)
            #expect(run.stderr.contains(
                "profiles/wide.yaml:1:1: error: 'wide.pdf' failed the PDF structure check and was not written: the content of page 1 cannot be parsed: the integer 52000001042125627392 does not fit in 64 bits"),
                "\(run.stderr)")
        }
    }
}
