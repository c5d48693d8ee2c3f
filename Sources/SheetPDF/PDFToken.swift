/// A lexical token of PDF syntax, as a byte range of the file it was read from.
package struct PDFToken {
    package enum Kind: Equatable {
        case number
        case name
        case literalString
        case hexString
        case dictionaryStart
        case dictionaryEnd
        case arrayStart
        case arrayEnd
        case keyword
        case comment
    }

    package var kind: Kind
    package var range: Range<Int>

    package init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// Splits PDF object syntax into tokens: enough of ISO 32000's lexical rules (white space,
/// delimiters, comments, balanced literal strings with escapes, hex strings, names, numbers,
/// keywords) to find and renumber indirect references without touching anything else.
package struct PDFTokenizer {
    package let bytes: [UInt8]
    package var position: Int

    package init(bytes: [UInt8], position: Int) {
        self.bytes = bytes
        self.position = position
    }

    package static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    package static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            true
        default:
            false
        }
    }

    /// The next token, or nil at the end of the bytes.
    package mutating func next() throws(PDFSyntaxError) -> PDFToken? {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
        guard position < bytes.count else { return nil }
        let start = position
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "%"):
            while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            return PDFToken(kind: .comment, range: start..<position)
        case UInt8(ascii: "/"):
            position += 1
            while position < bytes.count, !Self.isWhitespace(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
            return PDFToken(kind: .name, range: start..<position)
        case UInt8(ascii: "("):
            var depth = 0
            while position < bytes.count {
                let current = bytes[position]
                if current == UInt8(ascii: "\\") {
                    position += 2
                    continue
                }
                if current == UInt8(ascii: "(") { depth += 1 }
                if current == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 {
                        position += 1
                        return PDFToken(kind: .literalString, range: start..<position)
                    }
                }
                position += 1
            }
            throw .malformed("an unterminated string")
        case UInt8(ascii: "<"):
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") {
                position += 2
                return PDFToken(kind: .dictionaryStart, range: start..<position)
            }
            while position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
            guard position < bytes.count else { throw .malformed("an unterminated hex string") }
            position += 1
            return PDFToken(kind: .hexString, range: start..<position)
        case UInt8(ascii: ">"):
            guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else { throw .malformed("a stray '>'") }
            position += 2
            return PDFToken(kind: .dictionaryEnd, range: start..<position)
        case UInt8(ascii: "["):
            position += 1
            return PDFToken(kind: .arrayStart, range: start..<position)
        case UInt8(ascii: "]"):
            position += 1
            return PDFToken(kind: .arrayEnd, range: start..<position)
        default:
            position += 1
            while position < bytes.count, !Self.isWhitespace(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
            let isNumber = bytes[start..<position].allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
            return PDFToken(kind: isNumber ? .number : .keyword, range: start..<position)
        }
    }
}
