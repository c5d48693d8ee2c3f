/// PDF's tokens read from bytes in place: the one lexer of every PDF reader here — the
/// structure check's (`PDFFileScan`, `ContentStreamScan`, on a mapped file or a sheet in
/// memory), and `PDFSourceFile`'s and `ContentArtifactMarker`'s, which the accessibility pass
/// and the collection writer read cairo's sheets with.
///
/// It reads as strictly as qpdf's parser: it refuses a string or hex string that does not end,
/// a hex string with other than hex digits, and a stray `)`, `>`, `{` or `}`. Told to
/// (`checksIntegerRange`, the check), it also refuses an integer outside 64 bits, which qpdf
/// cannot read and cairo 1.16 writes for an SVG logo's `stroke-width="1e20"`
/// (`52000001042125627392 w`): the accessibility pass, which runs before the check, must not
/// stop at that, so that the sheet is refused by the check, with the check's message.
///
/// Comments are skipped like white space: no reader here keeps them (cairo writes none inside
/// objects, and the collection writer dropped them when it had a lexer that kept them).
package struct PDFLexer {
    package let bytes: UnsafeBufferPointer<UInt8>
    package var position: Int
    /// Whether an integer outside 64 bits is refused (see the type's comment).
    package let checksIntegerRange: Bool

    package init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int = 0, checksIntegerRange: Bool = false) {
        self.bytes = bytes
        self.position = position
        self.checksIntegerRange = checksIntegerRange
    }

    @inlinable
    package static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    @inlinable
    package static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            true
        default:
            false
        }
    }

    /// The next token, nil at the end of the bytes; throws `.unreadable` with the problem, in
    /// words, where qpdf's parser would fail or warn.
    package mutating func next() throws(PDFSyntaxError) -> PDFToken? {
        skipWhitespaceAndComments()
        guard position < bytes.count else { return nil }
        let start = position
        switch bytes[position] {
        case UInt8(ascii: "("):
            guard skipLiteralString() else { throw .unreadable("a string does not end") }
            return PDFToken(kind: .string, range: start..<position)
        case UInt8(ascii: "<"):
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") {
                position += 2
                return PDFToken(kind: .dictionaryStart, range: start..<position)
            }
            try skipHexString()
            return PDFToken(kind: .hexString, range: start..<position)
        case UInt8(ascii: ">"):
            guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else { throw .unreadable("an unexpected '>'") }
            position += 2
            return PDFToken(kind: .dictionaryEnd, range: start..<position)
        case UInt8(ascii: "["):
            position += 1
            return PDFToken(kind: .arrayStart, range: start..<position)
        case UInt8(ascii: "]"):
            position += 1
            return PDFToken(kind: .arrayEnd, range: start..<position)
        case UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            throw .unreadable("an unexpected '\(Character(Unicode.Scalar(bytes[position])))'")
        case UInt8(ascii: "/"):
            position += 1
            skipRegular()
            return PDFToken(kind: .name, range: start..<position)
        default:
            let kind = skipRegularClassifying()
            let range = start..<position
            switch kind {
            case .integer:
                // Only an integer of 19 or more characters can be outside 64 bits.
                guard !checksIntegerRange || range.count < 19 || integer(range) != nil else {
                    let shown = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]).prefix(40), as: UTF8.self)
                    throw .unreadable("the integer \(shown) does not fit in 64 bits")
                }
                return PDFToken(kind: .integer, range: range)
            case .real: return PDFToken(kind: .real, range: range)
            default: return PDFToken(kind: .keyword, range: range)
            }
        }
    }

    /// Past a token of regular characters, telling what it is: `[+-]?[0-9]+` an integer,
    /// `[+-]?([0-9]+.[0-9]*|.[0-9]+)` a real (qpdf's rules), anything else a keyword. One pass
    /// over the bytes: reading them a second time to tell numbers from keywords was a fifth of
    /// the lexer's cost (callgrind, docs/performance.md).
    private mutating func skipRegularClassifying() -> PDFToken.Kind {
        if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
        var digits = 0
        var points = 0
        var isNumber = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: ".") {
                points += 1
            } else if Self.isWhitespace(byte) || Self.isDelimiter(byte) {
                break
            } else {
                isNumber = false
            }
            position += 1
        }
        guard isNumber, digits > 0, points <= 1 else { return .keyword }
        return points == 0 ? .integer : .real
    }

    /// The value of the integer token at `range`, nil when it does not fit in 64 bits.
    @inlinable
    package func integer(_ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        var negative = false
        if index < range.upperBound, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < range.upperBound else { return nil }
        var value = 0
        while index < range.upperBound {
            let digit = Int(bytes[index]) - 0x30
            guard digit >= 0, digit <= 9 else { return nil }
            // Accumulated negatively, so that Int.min fits.
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.subtractingReportingOverflow(digit)
            guard !overflow, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        if negative { return value }
        return value == Int.min ? nil : -value
    }

    /// Whether the bytes at `range` are `word`.
    @inlinable
    package func bytes(_ range: Range<Int>, are word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != pointer[offset] { return false }
        return true
    }

    /// Where `word` last starts within the last `tail` bytes, nil when it is not there: how
    /// every reader here finds `startxref`.
    package func lastStart(of word: StaticString, inLast tail: Int) -> Int? {
        let length = word.utf8CodeUnitCount
        var start = bytes.count - length
        let lowest = max(0, bytes.count - tail)
        while start >= lowest {
            if self.bytes(start..<(start + length), are: word) { return start }
            start -= 1
        }
        return nil
    }

    package static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66)
    }

    package mutating func skipWhitespaceAndComments() {
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isWhitespace(byte) {
                position += 1
            } else if byte == UInt8(ascii: "%") {
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    private mutating func skipRegular() {
        while position < bytes.count, !Self.isWhitespace(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
    }

    /// Past a `(…)` string with nested parentheses and backslash escapes; false if it does not end.
    private mutating func skipLiteralString() -> Bool {
        var depth = 0
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\\"): position += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 {
                    position += 1
                    return true
                }
            default: break
            }
            position += 1
        }
        return false
    }

    private mutating func skipHexString() throws(PDFSyntaxError) {
        position += 1
        while position < bytes.count, bytes[position] != UInt8(ascii: ">") {
            let byte = bytes[position]
            guard Self.isWhitespace(byte) || Self.isHexDigit(byte) else {
                throw .unreadable("a hex string holds a character that is not a hex digit")
            }
            position += 1
        }
        guard position < bytes.count else { throw .unreadable("a hex string does not end") }
        position += 1
    }
}
