import Foundation
import SheetCore
@testable import SheetPipeline
import TestSupport
import Testing

/// `manifest.json` in its line layout, and the entry store a build keeps it in instead of
/// memory.
@Suite("Manifest file")
struct ManifestFileTests {
    static func sheet(_ id: String, name: String = "A Community", warnings: [Diagnostic] = []) -> Manifest.Sheet {
        Manifest.Sheet(
            id: id, profile: "profiles/\(id).yaml", name: name, language: "en", type: "Network", keywords: ["Open science"], pages: 2,
            sha256: String(repeating: "a", count: 64),
            inputs: Manifest.SheetInputs(
                profile: "p", logo: nil, logoPath: nil, taxonomy: "t", template: "m", surveys: "s", surveyRows: "", tool: "x",
                paper: "a4", date: "2025-01-01"),
            warnings: warnings)
    }

    /// The file a build writes for `sheets`, laid out a line per sheet.
    static func lineLayout(_ head: Manifest.Head, _ sheets: [Manifest.Sheet]) throws -> [UInt8] {
        var bytes = try Manifest.headLine(head)
        for (index, sheet) in sheets.enumerated() {
            bytes += try Manifest.entryLine(sheet) + (index + 1 < sheets.count ? Array(",\n".utf8) : [0x0A])
        }
        return bytes + Manifest.closing
    }

    @Test func theLineLayoutIsOrdinaryJSON() throws {
        let warning = Diagnostic.warning(at: nil, "a \"quoted\"\nline")
        let sheets = [Self.sheet("a/b", name: "Naïve\n<Network>"), Self.sheet("c", warnings: [warning])]
        let head = Manifest.Head(collection: "k", tool: "profilesheet 1", warnings: [warning])
        let bytes = try Self.lineLayout(head, sheets)
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5)
        #expect(lines[0] == #"{"collection":"k","format":1,"tool":"profilesheet 1","warnings":[{"column":null,"file":null,"hint":null,"line":null,"message":"a \"quoted\"\nline","severity":"warning"}],"sheets":["#)
        #expect(lines[1].hasPrefix(#"{"id":"a/b","inputs":{"#) && lines[1].hasSuffix(","))
        #expect(lines[3] == "]}" && lines[4] == "")
        var expected = Manifest(tool: "profilesheet 1", sheets: sheets, collection: "k")
        expected.warnings = [warning]
        #expect(try JSONDecoder().decode(Manifest.self, from: Data(bytes)) == expected)
        #expect(Manifest.id(ofEntryLine: lines[1].utf8.dropLast().map { $0 }[...]) == "a/b")
    }

    @Test func theStoreIndexesAManifestWhereItLies() throws {
        let root = try CommandRunner.temporaryDirectory()
        let sheets = [Self.sheet("a"), Self.sheet("b", name: "B")]
        let file = root + "/manifest.json"
        try Data(Self.lineLayout(Manifest.Head(collection: "k", tool: "x", warnings: []), sheets)).write(to: URL(fileURLWithPath: file))
        let store = try SheetEntryStore(directory: root)
        try store.index(manifest: file)
        #expect(store.ids.sorted() == ["a", "b"])
        #expect(store.sheet("b") == sheets[1])
        #expect(store.entryLine("a") == (try Manifest.entryLine(sheets[0])))
        #expect(Manifest.head(in: file)?.collection == "k")
        // A sheet stored now replaces the indexed one; the spill file is nowhere to be seen.
        try store.put(Self.sheet("a", name: "Renamed"))
        #expect(store.sheet("a")?.name == "Renamed")
        #expect(store.sheet("c") == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["manifest.json"])
    }

    @Test func aManifestLaidOutOtherwiseIsDecodedWhole() throws {
        let root = try CommandRunner.temporaryDirectory()
        // As earlier versions wrote it: pretty-printed.
        var manifest = Manifest(tool: "x", sheets: [Self.sheet("a"), Self.sheet("b")], collection: "old")
        manifest.warnings = [Diagnostic.warning(at: nil, "w")]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: root + "/manifest.json"))
        let store = try SheetEntryStore(directory: root)
        try store.index(manifest: root + "/manifest.json")
        #expect(store.ids.sorted() == ["a", "b"])
        #expect(store.sheet("a") == manifest.sheets[0])
        #expect(Manifest.head(in: root + "/manifest.json") == Manifest.Head(collection: "old", tool: "x", warnings: manifest.warnings))
    }

    @Test func damageLosesNoMoreThanItTouches() throws {
        let root = try CommandRunner.temporaryDirectory()
        let good = try Self.lineLayout(Manifest.Head(collection: nil, tool: "x", warnings: []), [Self.sheet("a"), Self.sheet("b")])
        var text = String(decoding: good, as: UTF8.self)
        // A damaged entry whose id still reads: that sheet alone counts as never built.
        text = text.replacingOccurrences(of: #"{"id":"b","inputs":{"#, with: #"{"id":"b","inputs":{{"#)
        try text.write(toFile: root + "/manifest.json", atomically: true, encoding: .utf8)
        let store = try SheetEntryStore(directory: root)
        try store.index(manifest: root + "/manifest.json")
        #expect(store.sheet("a") != nil)
        #expect(store.sheet("b") == nil)

        // A file cut short is not indexed at all (nor decodable whole).
        try Data(good.dropLast(4)).write(to: URL(fileURLWithPath: root + "/manifest.shard-1-of-2.json"))
        let other = try SheetEntryStore(directory: root)
        try other.index(manifest: root + "/manifest.shard-1-of-2.json")
        #expect(other.ids.isEmpty)
    }

    @Test func anUnchangedFileIsLeftAlone() throws {
        let root = try CommandRunner.temporaryDirectory()
        let path = root + "/index.html"
        let content = Array(String(repeating: "0123456789", count: 300_000).utf8)
        func write(_ bytes: [UInt8]) throws -> Bool {
            let writer = try AtomicFileWriter(path: path, keepIfUnchanged: true)
            // In pieces, so that comparing spans several blocks.
            var rest = bytes[...]
            while !rest.isEmpty {
                writer.write(rest.prefix(70_001))
                rest = rest.dropFirst(70_001)
            }
            return try writer.commit()
        }
        func inode() throws -> UInt64 {
            try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
        }
        #expect(try write(content))
        let first = try inode()
        #expect(try !write(content))
        #expect(try inode() == first)
        // Longer, shorter, or one byte different: replaced.
        for changed in [content + [0x0A], Array(content.dropLast()), Array(content.prefix(1_500_000)) + [0x41] + content.dropFirst(1_500_001)] {
            #expect(try write(changed))
            #expect(FileManager.default.contents(atPath: path) == Data(changed))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["index.html"])
    }
}
