import Foundation
import SheetCore
import Testing

@Suite("Hostile input")
struct HostileInputTests {
    @Test func billionLaughsIsRejectedQuickly() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        var text = "format: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "a\(level - 1)"
            text += "a\(level): &a\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let result = try fixture.load(text)
        #expect(result.profile == nil)
        #expect(result.diagnostics.contains { $0.message == "anchors and aliases are not allowed" })
    }

    @Test(arguments: [100_000])
    func deepNestingIsRejected(_ depth: Int) throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let flow = "format: 1\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let flowResult = try fixture.load(flow)
        #expect(flowResult.diagnostics.map(\.message) == ["the file nests deeper than 16 levels"])
        let block = "format: 1\nx:\n" + String(repeating: "- ", count: depth) + "x\n"
        let blockResult = try fixture.load(block)
        #expect(blockResult.diagnostics.map(\.message) == ["the file nests deeper than 16 levels"])
    }

    @Test func invalidUTF8NamesLineAndByte() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        var data = Data(ProfileFixture.minimal().utf8)
        data.append(contentsOf: Array("short_name: ab".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        let path = try fixture.writeData(data, as: "demo.yaml")
        let result = ProfileLoader(profilesRoot: fixture.root, taxonomy: .empty, currentYear: 2026).load(file: path)
        #expect(result.diagnostics.map(\.message) == ["the file is not valid UTF-8: invalid byte 0xC3 at byte \(data.count - 3)"])
        #expect(result.diagnostics.first?.location?.line == 9)
        #expect(result.diagnostics.first?.location?.column == 15)
    }

    @Test func duplicateKeysPointAtTheSecond() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let result = try fixture.load(ProfileFixture.minimal(extra: "name: Again"))
        #expect(result.diagnostics.map(\.message) == ["duplicate key 'name'"])
        #expect(result.diagnostics.first?.location?.line == 9)
    }

    @Test func multipleDocumentsMergeKeysAndTagsAreErrors() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let twoDocs = try fixture.load(ProfileFixture.minimal() + "\n---\nformat: 1\n")
        #expect(twoDocs.diagnostics.map(\.message) == ["the file holds more than one YAML document"])
        let merge = try fixture.load(ProfileFixture.minimal(extra: "staffing:\n  <<: {volunteers: 3}"))
        #expect(merge.diagnostics.map(\.message) == ["merge keys ('<<') are not allowed"])
        let tag = try fixture.load(ProfileFixture.minimal(extra: "founded: !!int 2001"))
        #expect(tag.diagnostics.map(\.message) == ["tags are not allowed: '!!int'"])
    }

    @Test func controlCharactersAndTabs() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let nul = try fixture.load(ProfileFixture.minimal(extra: "short_name: a\u{0}b"))
        #expect(nul.diagnostics.map(\.message) == ["the file contains the control character U+0000"])
        #expect(nul.diagnostics.first?.location == SourceLocation(file: fixture.root + "/demo.yaml", line: 9, column: 14))
        let tab = try fixture.load(ProfileFixture.minimal(extra: "short_name: \"a\\tb\""))
        #expect(tab.diagnostics.map(\.message) == ["'short_name' contains the control character U+0009"])
    }

    @Test func logoPathsMustStayInsideTheProfilesRoot() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let sibling = fixture.root + "2"
        try FileManager.default.createDirectory(atPath: sibling, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: sibling) }
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 0, 10, 0, 0, 0, 10, 8, 6, 0, 0, 0, 0, 0, 0, 0])
        try png.write(to: URL(fileURLWithPath: sibling + "/x.png"))
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/logos/link.png", withDestinationPath: sibling + "/x.png")
        let cases: [(String, String)] = [
            ("../\(URL(fileURLWithPath: sibling).lastPathComponent)/x.png", "'logo' leads outside the profiles folder: '../\(URL(fileURLWithPath: sibling).lastPathComponent)/x.png'"),
            ("/etc/passwd", "'logo' must be a path relative to the profile's folder, found '/etc/passwd'"),
            ("logos/link.png", "'logo' leads outside the profiles folder: 'logos/link.png'"),
            ("logos/missing.png", "logo file 'logos/missing.png' does not exist"),
        ]
        for (path, message) in cases {
            let result = try fixture.load(ProfileFixture.minimal(extra: "logo: \(path)"))
            #expect(result.diagnostics.map(\.message) == [message])
        }
    }

    @Test func oversizedRasterHeadersAreRejectedBeforeDecoding() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        // A PNG header claiming 20000 × 20000 pixels, with no image data at all.
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20, 8, 6, 0, 0, 0, 0, 0, 0, 0])
        _ = try fixture.writeData(png, as: "logos/huge.png")
        let result = try fixture.load(ProfileFixture.minimal(extra: "logo: logos/huge.png"))
        #expect(result.diagnostics.map(\.message) == ["logo 'logos/huge.png' is 20000×20000 pixels"])
    }

    /// Loading reads an SVG's size only; what it may hold is decided by the renderer's
    /// `SVGCleaner` (the corpus case logo-svg-url has the diagnostic). Entities stay refused here.
    @Test func svgReferencesAreLeftToTheCleanerButEntitiesAreRefused() throws {
        let fixture = try ProfileFixture()
        defer { fixture.remove() }
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="https://example.org/a.png" width="10" height="10"/></svg>"#
        _ = try fixture.write(svg, as: "logos/remote.svg")
        let result = try fixture.load(ProfileFixture.minimal(extra: "logo: logos/remote.svg"))
        #expect(result.diagnostics.map(\.message) == [])
        #expect(result.profile?.logo?.width == 10)
        _ = try fixture.write(#"<!DOCTYPE svg [<!ENTITY a "x">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&a;</text></svg>"#, as: "logos/entity.svg")
        let entity = try fixture.load(ProfileFixture.minimal(extra: "logo: logos/entity.svg"))
        #expect(entity.diagnostics.map(\.message) == ["logo 'logos/entity.svg' refers to something outside the file: '<!ENTITY …>'"])
    }
}
