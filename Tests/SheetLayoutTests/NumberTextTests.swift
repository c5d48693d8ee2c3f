import SheetLayout
import Testing

@Suite("Numbers on a sheet")
struct NumberTextTests {
    @Test func counts() {
        #expect(NumberText.count(0) == "0")
        #expect(NumberText.count(1200) == "1,200")
        #expect(NumberText.count(9_999_999) == "9,999,999")
        #expect(NumberText.count(12_500_000) == "12.5M")
        #expect(NumberText.count(100_000_000) == "100M")
    }

    @Test func decimalsAndPercentages() {
        #expect(NumberText.decimal(0.5, places: 2) == "0.5")
        #expect(NumberText.decimal(6.75, places: 2) == "6.75")
        #expect(NumberText.decimal(2, places: 2) == "2")
        #expect(NumberText.percent(52.5) == "52.5%")
        #expect(NumberText.percent(62) == "62%")
    }
}
