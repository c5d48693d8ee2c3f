import Foundation
import SheetPDF
import TestSupport
import Testing

/// The collection at a glance (issue 20, point 1): `overview.pdf`, and the pages that open
/// `collection.pdf`, as a build of the samples writes them.
@Suite("The collection at a glance end to end", .serialized)
struct OverviewTests {
    static func pages(_ path: String) throws -> Int {
        Int(try CommandRunner.pdfinfo(path)["Pages"] ?? "") ?? -1
    }

    @Test func aBuildOpensTheCollectionWithTheOverview() throws {
        let output = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.profilesheet(["build", "--output", output])
        #expect(run.status == 0, "\(run.stderr)")
        let overview = output + "/overview.pdf"
        let info = try CommandRunner.pdfinfo(overview)
        #expect(info["Title"] == "Community profiles: the collection at a glance")
        #expect(info["Tagged"] == "yes")
        #expect(try CommandRunner.run("qpdf", ["--check", overview]).status == 0)
        // Every community is in its table, with the figures its sheet shows.
        let text = try CommandRunner.run("pdftotext", [overview, "-"]).stdout
        for expected in ["COMMUNITIES BY TYPE", "EVERY COMMUNITY", "United States Research Software Engi", "3,400", "Sustain Open Source",
                         "CONVEY", "CHAMPION", "FUNDING MIXES", "KEYWORDS", "11 communities"] {
            #expect(text.contains(expected), "'\(expected)' missing")
        }
        // The collection: the overview's pages, then every sheet's; its outline starts with it.
        let sheets = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasSuffix(".pdf") && $0 != "overview.pdf" && $0 != "collection.pdf" }
        #expect(sheets.count == 11)
        let sheetPages = try sheets.reduce(0) { $0 + (try Self.pages(output + "/" + $1)) }
        #expect(try Self.pages(output + "/collection.pdf") == (try Self.pages(overview)) + sheetPages)
        let outline = try CommandRunner.run("qpdf", ["--json", "--json-key=outlines", output + "/collection.pdf"]).stdout
        let firstTitle = outline.range(of: "\"title\": \"").map { outline[$0.upperBound...].prefix { $0 != "\"" } }
        #expect(firstTitle == "The collection at a glance")

        // Nothing changed: the overview is not written again; one sheet changed: it is.
        let stamp = try FileManager.default.attributesOfItem(atPath: overview)[.modificationDate] as? Date
        let again = try CommandRunner.profilesheet(["build", "--output", output])
        #expect(again.status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: overview)[.modificationDate] as? Date == stamp)
        try FileManager.default.removeItem(atPath: overview)
        let restored = try CommandRunner.profilesheet(["build", "--output", output])
        #expect(restored.status == 0)
        #expect(FileManager.default.fileExists(atPath: overview), "a missing overview is written again")
    }

    /// A link annotation as read back: the page it is on (an index into the file's pages), its
    /// `/URI` or the page index its `/Dest` goes to, its `/Contents`, and whether it is the
    /// `/OBJR` of a `Link` element that its `/StructParent` leads to in the parent tree.
    struct ReadLink: Equatable {
        var page: Int
        var uri: String?
        var destination: Int?
        var contents: String?
        var inLinkElement: Bool
    }

    static func links(_ path: String) throws -> [ReadLink] {
        let file = try PDFSourceFile(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        let bytes = file.bytes
        let pages = try file.pageNumbers()
        // The parent tree: key to the structure element it names.
        var parents: [Int: Int] = [:]
        let catalog = try PDFDictionary(file.object(file.root), in: bytes)
        if let root = catalog.reference("/StructTreeRoot"), let treeNumber = try PDFDictionary(file.object(root), in: bytes).reference("/ParentTree") {
            let tree = try PDFDictionary(file.object(treeNumber), in: bytes)
            if let nums = tree.value("/Nums") {
                var index = nums.lowerBound + 1
                while index + 3 < nums.upperBound {
                    if let key = Int(tree.text(index)), tree.text(index + 3) == "R", let object = Int(tree.text(index + 1)) { parents[key] = object }
                    index += 4
                }
            }
        }
        func string(_ dictionary: PDFDictionary, _ key: StaticString) -> String? {
            guard let value = dictionary.value(key), value.count == 1 else { return nil }
            let text = dictionary.text(value.lowerBound)
            if text.hasPrefix("(") { return String(text.dropFirst().dropLast()) }
            // A UTF-16 hex string, as PDFTextString writes names outside Latin-1.
            let hex = Array(text.dropFirst(text.hasPrefix("<FEFF") ? 5 : 1).dropLast())
            var units: [UInt16] = []
            var at = 0
            while at + 4 <= hex.count, let unit = UInt16(String(hex[at..<(at + 4)]), radix: 16) {
                units.append(unit)
                at += 4
            }
            return String(decoding: units, as: UTF16.self)
        }
        var out: [ReadLink] = []
        for (pageIndex, page) in pages.enumerated() {
            let dictionary = try PDFDictionary(file.object(page), in: bytes)
            guard let annots = dictionary.value("/Annots") else { continue }
            for number in dictionary.references(in: annots) {
                let annotation = try PDFDictionary(file.object(number), in: bytes)
                guard annotation.word("/Subtype") == "/Link" else { continue }
                var uri: String?
                if let action = annotation.value("/A"),
                   let key = action.first(where: { annotation.text($0) == "/URI" && annotation.tokens[$0 + 1].kind == .string }) {
                    uri = String(annotation.text(key + 1).dropFirst().dropLast())
                }
                let destination = annotation.value("/Dest").flatMap { annotation.references(in: $0).first }.flatMap { pages.firstIndex(of: $0) }
                var inLink = false
                if let key = annotation.word("/StructParent").flatMap(Int.init), let element = parents[key] {
                    let parent = try PDFDictionary(file.object(element), in: bytes)
                    let raw = String(decoding: parent.raw(parent.value("/K") ?? 0..<0), as: UTF8.self)
                    inLink = parent.word("/S") == "/Link" && raw.contains("/OBJR") && raw.contains("/Obj \(number) 0 R")
                }
                out.append(ReadLink(page: pageIndex, uri: uri, destination: destination, contents: string(annotation, "/Contents"), inLinkElement: inLink))
            }
        }
        return out
    }

    /// Issue 20, point 1: each community's name in the overview's table is a link to its sheet,
    /// to the sheet's file in `overview.pdf` and to its first page in `collection.pdf`, in a
    /// `Link` element either way (for PDF/UA).
    @Test func everyNameInTheOverviewLinksToItsSheet() throws {
        let output = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.profilesheet(["build", "--output", output])
        #expect(run.status == 0, "\(run.stderr)")
        let ids = try FileManager.default.contentsOfDirectory(atPath: output)
            .filter { $0.hasSuffix(".pdf") && $0 != "overview.pdf" && $0 != "collection.pdf" }.map { String($0.dropLast(4)) }.sorted()
        #expect(ids.count == 11)

        let alone = try Self.links(output + "/overview.pdf")
        #expect(alone.map(\.uri) == ids.map { "\($0).pdf" })
        #expect(alone.allSatisfy { $0.destination == nil && $0.inLinkElement && $0.contents == $0.uri })

        // In the collection: each sheet's first page, in id order after the overview's pages.
        var first = try Self.pages(output + "/overview.pdf")
        var expected: [Int] = []
        for id in ids {
            expected.append(first)
            first += try Self.pages(output + "/\(id).pdf")
        }
        let overviewPages = try Self.pages(output + "/overview.pdf")
        let collected = try Self.links(output + "/collection.pdf").filter { $0.page < overviewPages }
        #expect(collected.count == ids.count)
        #expect(collected.map(\.destination) == expected)
        #expect(collected.allSatisfy { $0.uri == nil && $0.inLinkElement })
        // Its description names the sheet as the outline does.
        let outline = try CommandRunner.run("qpdf", ["--json", "--json-key=outlines", output + "/collection.pdf"]).stdout
        for link in collected {
            #expect(link.contents.map { outline.contains("\"title\": \"\($0)\"") } == true, "\(link.contents ?? "no /Contents")")
        }
    }

    /// Issue 20: the overview in the collection's language (`build --language`), with its
    /// keywords in the taxonomy's labels for it; the collection's title and first bookmark too.
    @Test func theOverviewIsInTheCollectionsLanguage() throws {
        let output = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.profilesheet(["build", "--language", "ja", "--output", output])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try CommandRunner.run("pdftotext", [output + "/overview.pdf", "-"]).stdout
        // (Japanese headings are not letter-spaced, so pdftotext reads them without spaces.)
        for expected in ["コレクションの概要", "種類別のコミュニティ", "コミュニティ数", "11コミュニティ", "研究ソフトウェア", "未報告"] {
            #expect(text.contains(expected), "'\(expected)' missing")
        }
        #expect(!text.contains("Every community".uppercased()) && !text.contains("Research software"))
        let info = try CommandRunner.pdfinfo(output + "/collection.pdf")
        #expect(info["Title"] == "コミュニティ・プロフィール")
        let outline = try CommandRunner.run("qpdf", ["--json", "--json-key=outlines", output + "/collection.pdf"]).stdout
        let firstTitle = outline.range(of: "\"title\": \"").map { outline[$0.upperBound...].prefix { $0 != "\"" } }
        #expect(firstTitle == "コレクションの概要")
    }
}
