import SheetPDF

/// The part of `qpdf --check` that reads each page's content stream token by token, as
/// `QPDFPageObjectHelper::parseContents` does, on `PDFLexer`, told to check integers' range, which
/// refuses what qpdf's parser refuses in a token (an integer outside 64 bits, a string that
/// does not end, …). This adds what only the sequence shows: unbalanced `]` or `>>`, an
/// array or dictionary that does not end, and an inline image without its `EI`.
/// Measured on the sample sheets: about 0.1 ms a sheet (docs/performance.md).
struct ContentStreamScan {
    private var lexer: PDFLexer

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        lexer = PDFLexer(bytes, checksIntegerRange: true)
    }

    /// The first problem, described as qpdf would put it, or nil.
    mutating func problem() -> String? {
        var nesting: [PDFToken.Kind] = []
        do {
            while let token = try lexer.next() {
                switch token.kind {
                case .dictionaryStart: nesting.append(.dictionaryEnd)
                case .arrayStart: nesting.append(.arrayEnd)
                case .dictionaryEnd:
                    guard nesting.last == .dictionaryEnd else { return "an unexpected '>'" }
                    nesting.removeLast()
                case .arrayEnd:
                    guard nesting.last == .arrayEnd else { return "an unexpected ']'" }
                    nesting.removeLast()
                case .keyword where lexer.bytes(token.range, are: "ID"):
                    guard skipInlineImage() else { return "an inline image has no 'EI'" }
                default: break
                }
            }
        } catch {
            return error.reason
        }
        return nesting.isEmpty ? nil : "an array or dictionary does not end"
    }

    /// Past an inline image's data (one white-space byte after `ID`, then up to `EI` between
    /// white space); false when there is no `EI`.
    private mutating func skipInlineImage() -> Bool {
        let bytes = lexer.bytes
        var position = lexer.position + 1
        while position + 1 < bytes.count {
            if bytes[position] == UInt8(ascii: "E"), bytes[position + 1] == UInt8(ascii: "I"), PDFLexer.isWhitespace(bytes[position - 1]),
               position + 2 == bytes.count || PDFLexer.isWhitespace(bytes[position + 2]) {
                lexer.position = position + 2
                return true
            }
            position += 1
        }
        return false
    }
}
