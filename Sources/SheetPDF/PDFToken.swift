/// A lexical token of PDF syntax (`PDFLexer`): what kind, and where in the bytes it was read
/// from.
package struct PDFToken {
    package enum Kind: Equatable {
        case integer
        case real
        case name
        case string
        case hexString
        case dictionaryStart
        case dictionaryEnd
        case arrayStart
        case arrayEnd
        case keyword
    }

    package var kind: Kind
    package var range: Range<Int>

    package init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}
