/// Marks every painting operator of a page content stream that no marked-content sequence
/// holds as an Artifact (`/Artifact BMC … EMC`), so that nothing on the page is left unmarked.
///
/// Cairo 1.16 writes tagged content as `/P << /MCID n >> BDC … EMC` and everything else
/// (backgrounds, rules, the running header and footer, text drawn inside an element that has
/// child elements) with no marking at all, and it refuses "Artifact" as a tag. The painter
/// leaves what is not content outside every structure element, so here what is unmarked is
/// what is not content.
///
/// The sequences follow the rules of ISO 32000-1, 14.6: one opened outside a text object ends
/// before the next `BT`, one opened inside ends before its `ET`, none starts inside a path
/// object, and a sequence without an MCID (cairo's `/Span << /ActualText … >>`) at the top
/// level goes inside an Artifact rather than splitting one.
package enum ContentArtifactMarker {
    /// The operators that matter here, told apart by their bytes (a content stream has some
    /// thousands of operators; making a String of each cost more than the rest of the pass).
    private enum Operator {
        case beginMarked, endMarked, beginText, endText, painting, inlineImage, other

        init(_ bytes: ArraySlice<UInt8>) {
            let first = bytes[bytes.startIndex]
            switch bytes.count {
            case 1:
                // m l c v y h S s f F B b n ' "
                self = "mlcvyhSsfFBbn'\"".utf8.contains(first) ? .painting : .other
            case 2:
                let second = bytes[bytes.startIndex + 1]
                switch (first, second) {
                case (UInt8(ascii: "B"), UInt8(ascii: "T")): self = .beginText
                case (UInt8(ascii: "E"), UInt8(ascii: "T")): self = .endText
                case (UInt8(ascii: "B"), UInt8(ascii: "I")): self = .inlineImage
                case (UInt8(ascii: "r"), UInt8(ascii: "e")), (UInt8(ascii: "s"), UInt8(ascii: "h")), (UInt8(ascii: "D"), UInt8(ascii: "o")),
                     (UInt8(ascii: "T"), UInt8(ascii: "j")), (UInt8(ascii: "T"), UInt8(ascii: "J")), (UInt8(ascii: "f"), UInt8(ascii: "*")),
                     (UInt8(ascii: "B"), UInt8(ascii: "*")), (UInt8(ascii: "b"), UInt8(ascii: "*")):
                    self = .painting
                default: self = .other
                }
            case 3:
                if bytes.elementsEqual("BDC".utf8) || bytes.elementsEqual("BMC".utf8) {
                    self = .beginMarked
                } else if bytes.elementsEqual("EMC".utf8) {
                    self = .endMarked
                } else {
                    self = .other
                }
            default:
                self = .other
            }
        }
    }
    private static let open = Array("/Artifact BMC\n".utf8)
    private static let close = Array("EMC\n".utf8)

    package static func mark(_ bytes: [UInt8]) throws(PDFSyntaxError) -> [UInt8] {
        try bytes.withUnsafeBufferPointer { (buffer) throws(PDFSyntaxError) in try mark(bytes, buffer) }
    }

    private static func mark(_ bytes: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>) throws(PDFSyntaxError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var copied = 0
        func insert(_ text: [UInt8], at position: Int) {
            out.append(contentsOf: bytes[copied..<position])
            out.append(contentsOf: text)
            copied = position
        }
        var lexer = PDFLexer(buffer)
        var depth = 0
        var inText = false
        var artifact: (open: Bool, inText: Bool) = (false, false)
        var operationStart: Int?
        var nesting = 0
        var sawMCID = false
        while let token = try lexer.next() {
            if operationStart == nil { operationStart = token.range.lowerBound }
            switch token.kind {
            case .arrayStart, .dictionaryStart: nesting += 1; continue
            case .arrayEnd, .dictionaryEnd: nesting -= 1; continue
            case .name:
                if nesting > 0, bytes[token.range].elementsEqual("/MCID".utf8) { sawMCID = true }
                continue
            case .keyword where nesting == 0: break
            default: continue
            }
            let start = operationStart ?? token.range.lowerBound
            let operation = Operator(bytes[token.range])
            switch operation {
            case .beginMarked:
                if depth == 0 {
                    if sawMCID, artifact.open {
                        insert(close, at: start)
                        artifact.open = false
                    } else if !sawMCID, !artifact.open {
                        insert(open, at: start)
                        artifact = (true, inText)
                    }
                }
                depth += 1
            case .endMarked:
                depth = max(0, depth - 1)
            case .beginText:
                if depth == 0, artifact.open, !artifact.inText {
                    insert(close, at: start)
                    artifact.open = false
                }
                inText = true
            case .endText:
                if depth == 0, artifact.open, artifact.inText {
                    insert(close, at: start)
                    artifact.open = false
                }
                inText = false
            case .painting, .inlineImage:
                if depth == 0, !artifact.open {
                    insert(open, at: start)
                    artifact = (true, inText)
                }
                if operation == .inlineImage { try skipInlineImage(&lexer) }
            case .other:
                break
            }
            operationStart = nil
            sawMCID = false
        }
        out.append(contentsOf: bytes[copied...])
        if artifact.open {
            out.append(0x0A)
            out.append(contentsOf: close)
        }
        return out
    }

    /// Moves past an inline image's dictionary, `ID`, its data and `EI`.
    private static func skipInlineImage(_ lexer: inout PDFLexer) throws(PDFSyntaxError) {
        while let token = try lexer.next() {
            guard token.kind == .keyword, lexer.bytes(token.range, are: "ID") else { continue }
            let bytes = lexer.bytes
            var index = token.range.upperBound + 1
            while index + 1 < bytes.count {
                if bytes[index] == UInt8(ascii: "E"), bytes[index + 1] == UInt8(ascii: "I"),
                   PDFLexer.isWhitespace(bytes[index - 1]),
                   index + 2 == bytes.count || PDFLexer.isWhitespace(bytes[index + 2]) {
                    lexer.position = index + 2
                    return
                }
                index += 1
            }
            throw .malformed("an inline image without 'EI'")
        }
        throw .malformed("an inline image without 'ID'")
    }
}
