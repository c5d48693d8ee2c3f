import Foundation
import SheetCore
@testable import SheetLayout
import Testing

/// Contact addresses at full size: beside their label when they fit, under it when not, and
/// broken only where an address may be when wider than the column.
@Suite("Contact addresses")
struct ContactLayoutTests {
    @Test func addressesBreakOnlyAtTheirOwnPoints() {
        #expect(AddressLines.pieces("maximal.example.org/a/long-path?x=1&y=2") == ["maximal", ".example", ".org", "/a", "/long", "-path", "?x", "=", "1", "&", "y", "=", "2"])
        #expect(AddressLines.pieces("ada.lovelace@example.org") == ["ada", ".lovelace", "@example", ".org"])
        #expect(AddressLines.pieces("https://a.org") == ["https:", "//a", ".org"])
        // Filled greedily; a piece too long alone is cut between characters.
        #expect(AddressLines.lines("abc.def/ghi") { $0.count <= 7 } == ["abc.def", "/ghi"])
        #expect(AddressLines.lines("abcdefghij") { $0.count <= 4 } == ["abcd", "efgh", "ij"])
    }

    @Test(arguments: [PaperSize.letter, .a4])
    func longAddressesStayInTheirColumnAtFullSize(paper: PaperSize) throws {
        var profile = LayoutFixture.rich()
        profile.website = "https://maximal.example.org/a/long/path/to/the/community"
        profile.contact.email = "community-managers-and-maintainers@maximal-profile-network.example.org"
        profile.contact.url = "https://maximal.example.org/get-involved/with/the/community/today"
        let result = try LayoutFixture.layout(profile, paper: paper)
        let page = try #require(result.document.pages.first { $0.frame.sections().contains { $0.section.kind == .contact } })
        let contact = try #require(page.frame.sections().first { $0.section.kind == .contact }).bounds
        var shown: [String: String] = [:]
        for placed in page.frame.flattened() where placed.roles.contains(where: { $0.section?.kind == .contact }) {
            guard case .text(let text) = placed.item, let field = text.field else { continue }
            #expect(text.block.style.size == 9.5, "\(field) at \(text.block.style.size) pt")
            #expect(placed.item.bounds.maxX <= contact.maxX + 0.01, "\(field) reaches past its column")
            shown[field] = text.metrics.lines.map { $0.spans.map(\.text).joined() }.joined()
        }
        #expect(shown["contact.email"] == profile.contact.email)
        #expect(shown["website"] == "maximal.example.org/a/long/path/to/the/community")
    }
}
