/// The part of `qpdf --check` that `qpdf_check_pdf` leaves out: reading each page's content
/// stream token by token, as `QPDFPageObjectHelper::parseContents` does. libqpdf's C API
/// hands out the decoded content (`qpdf_oh_get_page_content_data`) but has no parser for
/// it, so this lexer is written here; it is not `PDFTokenizer` (the collection writer's, in
/// SheetPipeline), which only finds references in object syntax.
///
/// It refuses what makes qpdf's parser fail or warn: an integer outside 64 bits (cairo 1.16
/// writes an SVG logo's `stroke-width="1e20"` as `52000001042125627392 w`, which `qpdf
/// --check` rejects), a string or hex string that does not end, a hex string with other than
/// hex digits, unbalanced or stray `)`, `>`, `]`, `}`, and an inline image without its `EI`.
/// Measured on the sample sheets: about 0.1 ms a sheet (docs/performance.md).
struct ContentStreamScan {
    let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The first problem, described as qpdf would put it, or nil.
    mutating func problem() -> String? {
        var nesting: [UInt8] = []
        while true {
            skipWhitespaceAndComments()
            guard position < bytes.count else { break }
            let start = position
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "("):
                guard skipLiteralString() else { return "a string does not end" }
            case UInt8(ascii: "<"):
                if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") {
                    nesting.append(UInt8(ascii: ">"))
                    position += 2
                } else if let problem = skipHexString() {
                    return problem
                }
            case UInt8(ascii: ">"):
                guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">"), nesting.last == UInt8(ascii: ">") else {
                    return "an unexpected '>'"
                }
                nesting.removeLast()
                position += 2
            case UInt8(ascii: "["):
                nesting.append(UInt8(ascii: "]"))
                position += 1
            case UInt8(ascii: "]"):
                guard nesting.last == UInt8(ascii: "]") else { return "an unexpected ']'" }
                nesting.removeLast()
                position += 1
            case UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                return "an unexpected '\(Character(Unicode.Scalar(byte)))'"
            case UInt8(ascii: "/"):
                position += 1
                skipRegular()
            default:
                skipRegular()
                let token = bytes[start..<position]
                if Self.isInteger(token), Int64(String(decoding: token, as: UTF8.self)) == nil {
                    return "the integer \(String(decoding: token.prefix(40), as: UTF8.self)) does not fit in 64 bits"
                }
                if token.elementsEqual("ID".utf8), !skipInlineImage() {
                    return "an inline image has no 'EI'"
                }
            }
        }
        return nesting.isEmpty ? nil : "an array or dictionary does not end"
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        "()<>[]{}/%".utf8.contains(byte)
    }

    /// `[+-]?[0-9]+`: what qpdf reads as an integer (a real has a point).
    static func isInteger(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var digits = token[...]
        if let first = digits.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private mutating func skipWhitespaceAndComments() {
        while position < bytes.count {
            if Self.isWhitespace(bytes[position]) {
                position += 1
            } else if bytes[position] == UInt8(ascii: "%") {
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

    private mutating func skipHexString() -> String? {
        position += 1
        while position < bytes.count, bytes[position] != UInt8(ascii: ">") {
            let byte = bytes[position]
            guard Self.isWhitespace(byte) || Unicode.Scalar(byte).properties.isASCIIHexDigit else {
                return "a hex string holds a character that is not a hex digit"
            }
            position += 1
        }
        guard position < bytes.count else { return "a hex string does not end" }
        position += 1
        return nil
    }

    /// Past an inline image's data (one white-space byte after `ID`, then up to `EI` between
    /// white space); false when there is no `EI`.
    private mutating func skipInlineImage() -> Bool {
        position += 1
        while position + 1 < bytes.count {
            if bytes[position] == UInt8(ascii: "E"), bytes[position + 1] == UInt8(ascii: "I"), Self.isWhitespace(bytes[position - 1]),
               position + 2 == bytes.count || Self.isWhitespace(bytes[position + 2]) {
                position += 2
                return true
            }
            position += 1
        }
        return false
    }
}
