@testable import SheetPDF
import Testing

@Suite("XMP metadata")
struct XMPPacketTests {
    @Test func titleAndLanguageAreEscapedAndControlsDropped() {
        let packet = XMPPacket.packet(title: "R&D <\"labs\">\u{7}", language: "ar")
        #expect(packet.contains("<rdf:li xml:lang=\"x-default\">R&amp;D &lt;&quot;labs&quot;&gt;</rdf:li>"))
        #expect(packet.contains("<dc:language><rdf:Bag><rdf:li>ar</rdf:li></rdf:Bag></dc:language>"))
        #expect(packet.contains("<pdfuaid:part>1</pdfuaid:part>"))
    }
}
