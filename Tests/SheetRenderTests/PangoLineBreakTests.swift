import Foundation
import SheetCore
import SheetLayout
@testable import SheetRender
import Testing

/// Pango honours the breaks the layout decided (LineBreakRules through `TextBlock.breaks`):
/// what it would break by UAX #14 alone, and what it breaks with them.
@Suite("Line breaks with Pango")
struct PangoLineBreakTests {
    let measurer = PangoTextMeasurer()
    static let korean = "우리는 연구 소프트웨어를 만드는 사람들이 서로 배우고 함께 성장하도록 돕습니다. 모든 회원이 자신의 경험을 나누고 새로운 동료를 환영합니다."

    func block(_ text: String, width: Double, language: String, kind: LineBreakRules.Kind, rules: Bool) -> TextBlock {
        var block = Fixtures.block(text, width: width, language: language)
        if rules { block.breaks = [LineBreakRules.breaks(text, language: language, kind: kind)] }
        return block
    }

    /// Without the rules Pango breaks between syllables somewhere at these widths; with them,
    /// every line ends at a space.
    @Test func koreanBreaksOnlyAtSpaces() {
        let words = Set(Self.korean.split(separator: " ").map(String.init))
        var brokeInsideAWord = false
        for width in stride(from: 90.0, through: 260, by: 17) {
            let plain = measurer.measure(block(Self.korean, width: width, language: "ko", kind: .text, rules: false))
            brokeInsideAWord = brokeInsideAWord || plain.lines.dropLast().contains { !$0.text.hasSuffix(" ") }
            let ruled = measurer.measure(block(Self.korean, width: width, language: "ko", kind: .text, rules: true))
            for line in ruled.lines {
                #expect(line.text.split(separator: " ").allSatisfy { words.contains(String($0)) }, "\(width): \(line.text)")
                #expect(line.width <= width + 0.01)
            }
            #expect(ruled.lines.map(\.text).joined() == Self.korean)
        }
        #expect(brokeInsideAWord)
    }

    /// A Japanese title breaks between dictionary words: at 160 pt, not inside コミュニティ.
    @Test func aJapaneseTitleBreaksBetweenWords() {
        let title = "研究データ基盤ユーザーコミュニティ"
        let style = TextStyle(family: "Noto Sans", size: 12)
        var plain = Fixtures.block(title, width: 160, language: "ja", style: style)
        let unruled = measurer.measure(plain).lines.map(\.text)
        #expect(unruled == ["研究データ基盤ユーザーコ", "ミュニティ"])
        plain.breaks = [LineBreakRules.breaks(title, language: "ja", kind: .title)]
        #expect(measurer.measure(plain).lines.map(\.text) == ["研究データ基盤ユーザー", "コミュニティ"])
    }
}
