import Testing
@testable import SheetSurvey

@Suite("Survey numbers, share rounding and the fingerprint hash")
struct NumberAndRoundingTests {
    @Test(arguments: [
        ("1200", 1200, 0), ("1,200", 1200, 0), ("12,345,678", 12_345_678, 0), ("1,234.5", 12345, 1), ("0.25", 25, 2),
        ("  42 ", 42, 0), ("-3", -3, 0), ("007", 7, 0),
    ])
    func numbersThatParse(text: String, units: Int, scale: Int) {
        #expect(SurveyNumber.parse(text) == SurveyNumber(units: units, scale: scale))
        #expect(SurveyNumber.parse(text)?.scale == scale)
    }

    @Test(arguments: ["about 200", "n/a", "", "1 200", "1,20", "1,5", "1.200,5", "12,34,567", ",200", "+3", "1e3", ".5", "5.", "1..2", "١٢", "0x1F", "1_000"])
    func textIsNeverANumber(text: String) {
        #expect(SurveyNumber.parse(text) == nil, "'\(text)'")
    }

    func numbers(_ texts: [String]) -> [SurveyNumber] { texts.map { SurveyNumber.parse($0)! } }

    @Test func meanAndMedianRoundHalfAwayFromZeroToTheFieldsPrecision() {
        #expect(SurveyNumber.mean(numbers(["1", "2"]), places: 0) == SurveyNumber(units: 2, scale: 0))  // 1.5 → 2
        #expect(SurveyNumber.mean(numbers(["1", "2", "2"]), places: 0) == SurveyNumber(units: 2, scale: 0))  // 1.67 → 2
        #expect(SurveyNumber.mean(numbers(["1", "1", "2"]), places: 0) == SurveyNumber(units: 1, scale: 0))  // 1.33 → 1
        // 1.005 rounds up exactly as written; a binary double would give 1.00.
        #expect(SurveyNumber.mean(numbers(["1.00", "1.01"]), places: 2) == SurveyNumber(units: 101, scale: 2))
        #expect(SurveyNumber.median(numbers(["5", "1", "3"]), places: 0) == SurveyNumber(units: 3, scale: 0))
        #expect(SurveyNumber.median(numbers(["1", "2", "3", "4"]), places: 0) == SurveyNumber(units: 3, scale: 0))  // 2.5 → 3
        #expect(SurveyNumber.median(numbers(["0.5", "0.75"]), places: 2) == SurveyNumber(units: 63, scale: 2))  // 0.625 → 0.63
        #expect(SurveyNumber.sum(numbers(["1,200", "0.5", "3"])) == SurveyNumber(units: 12035, scale: 1))
    }

    @Test(arguments: [
        [1, 1, 1], [2, 1], [1, 1, 1, 1, 1, 1, 1], [12, 3, 3], [11, 3, 2], [8, 4, 3, 1], [997, 1, 1, 1], [1], [3, 3, 3, 3, 3, 3, 1],
    ])
    func sharesSumToExactly100(counts: [Int]) {
        let shares = ShareRounding.percentages(counts)
        let tenths = shares.map { Int(($0 * 10).rounded()) }
        #expect(tenths.reduce(0, +) == 1000, "\(counts) → \(shares)")
        let total = Double(counts.reduce(0, +))
        for (count, share) in zip(counts, shares) {
            #expect(abs(share - Double(count) * 100 / total) < 0.1 + 1e-9, "\(counts) → \(shares)")
        }
    }

    @Test func largestRemainderTieBreaks() {
        #expect(ShareRounding.percentages([1, 1, 1]) == [33.4, 33.3, 33.3])
        #expect(ShareRounding.percentages([12, 3, 3]) == [66.7, 16.7, 16.6])
        // Equal remainders: the larger category first (18.75 and 6.25 → 18.8 and 6.2).
        #expect(ShareRounding.percentages([8, 4, 3, 1]) == [50, 25, 18.8, 6.2])
        #expect(ShareRounding.percentages([1, 1, 1], decimals: 0) == [34, 33, 33])
    }

    /// Survey fingerprints are swift-crypto's SHA-256 of a fixed prefix and the inputs, in
    /// lowercase hex: the same digests the earlier hand-written SHA-256 gave, so manifests
    /// written before keep their sheets up to date.
    @Test func surveyFingerprintIsSHA256OfItsInputs() {
        // printf 'profilesheet survey inputs 1\n' | sha256sum
        #expect(SurveyMerger.fingerprint(of: []) == "48153790f5aff1e314d197ca61e10e49701ae55193d5a916b2482921dae7ecc9")
        var input: [UInt8] = []
        SurveyMerger.appendField(&input, "row")
        // printf 'profilesheet survey inputs 1\n3:row\n' | sha256sum
        #expect(SurveyMerger.fingerprint(of: input) == "380cfaf2d1d7d03ff80b1e6c0b614095309297192336455a853fec19aa72868d")
    }

    @Test func rowLists() {
        #expect(RowList.text([4]) == "row 4")
        #expect(RowList.text([4, 5]) == "rows 4, 5")
        #expect(RowList.text([9, 4, 5, 6, 12, 13]) == "rows 4–6, 9 and 12, 13")
    }
}
