import Yams

/// Where a character of a scalar's value is in the source. Yams gives a node only its start, so
/// a problem inside a text (a control character, a link target) would otherwise point at the
/// text's first character. This walks the scalar's source span, recorded by `YAMLEventScan`,
/// decoding it the way libyaml does — escapes and doubled quotes, folded line breaks, stripped
/// indentation and trailing white space — and keeps for every value character the offset it
/// came from.
extension YAMLDocument {
    /// The location of the `occurrence`-th (from 0) appearance of `needle` in the value of the
    /// scalar `node`; nil when the node is no scalar or the appearance is not found.
    public func location(in node: Node, occurrence: Int, of needle: [Unicode.Scalar]) -> SourceLocation? {
        decoded(node)?.location(occurrence: occurrence, of: needle)
    }

    /// The scalar `node` decoded with the source offset of each value character, to look up
    /// several characters of one scalar without decoding it each time.
    public func decoded(_ node: Node) -> DecodedScalar? {
        guard case .scalar(let scalar) = node, let mark = scalar.mark,
              let span = spans[YAMLEventScan.Key(line: mark.line, column: mark.column)],
              span.start.offset >= 0, span.end.offset <= scalars.count, span.start.offset < span.end.offset else { return nil }
        let elements = ScalarSource.decode(scalars, from: span.start.offset, to: span.end.offset, style: scalar.style)
        return DecodedScalar(file: file, elements: elements, source: scalars, start: span.start)
    }

    /// The location of the first scalar of `value` (a scalar's text as Yams gives it) for which
    /// `predicate` holds, or the node's start.
    public func location(in node: Node, value: String, firstWhere predicate: (Unicode.Scalar) -> Bool) -> SourceLocation {
        let scalars = Array(value.unicodeScalars)
        guard let index = scalars.firstIndex(where: predicate) else { return location(node) }
        let occurrence = scalars[..<index].count { $0 == scalars[index] }
        return location(in: node, occurrence: occurrence, of: [scalars[index]]) ?? location(node)
    }
}

/// A scalar's value characters with the source offset each came from.
public struct DecodedScalar {
    let file: String
    let elements: [ScalarSource.Element]
    let source: [Unicode.Scalar]
    let start: YAMLEventScan.Position

    /// The location of the `occurrence`-th (from 0) appearance of `needle` in the value.
    public func location(occurrence: Int, of needle: [Unicode.Scalar]) -> SourceLocation? {
        guard !needle.isEmpty else { return nil }
        var seen = 0
        var index = 0
        while index + needle.count <= elements.count {
            if elements[index].value == needle[0], (1..<needle.count).allSatisfy({ elements[index + $0].value == needle[$0] }) {
                if seen == occurrence {
                    let (line, column) = ScalarSource.position(of: elements[index].offset, in: source, from: start)
                    return SourceLocation(file: file, line: line, column: column)
                }
                seen += 1
                index += needle.count
            } else {
                index += 1
            }
        }
        return nil
    }
}

enum ScalarSource {
    struct Element {
        var value: Unicode.Scalar
        /// Offset in the source, in Unicode scalars.
        var offset: Int
        /// Raw white space, which libyaml drops at the end of a line.
        var strippable: Bool
    }

    static func decode(_ source: [Unicode.Scalar], from start: Int, to end: Int, style: Node.Scalar.Style) -> [Element] {
        switch style {
        case .literal, .folded: block(source, from: start, to: end, folded: style == .folded)
        case .singleQuoted: flow(source, from: start + 1, to: end - 1, quote: "'")
        case .doubleQuoted: flow(source, from: start + 1, to: end - 1, quote: "\"")
        case .plain, .any: flow(source, from: start, to: end, quote: nil)
        }
    }

    static func isWhite(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    /// Plain and quoted scalars: line breaks fold, white space around them is dropped.
    static func flow(_ source: [Unicode.Scalar], from start: Int, to end: Int, quote: Unicode.Scalar?) -> [Element] {
        var out: [Element] = []
        var index = start
        func skipBreak(_ at: Int) -> Int {
            source[at] == "\r" && at + 1 < end && source[at + 1] == "\n" ? at + 2 : at + 1
        }
        while index < end {
            let scalar = source[index]
            if SourceLines.isBreak(scalar) {
                while let last = out.last, last.strippable { out.removeLast() }
                let breakOffset = index
                index = skipBreak(index)
                var extraBreaks = 0
                while index < end {
                    if isWhite(source[index]) { index += 1 } else if SourceLines.isBreak(source[index]) {
                        extraBreaks += 1
                        index = skipBreak(index)
                    } else { break }
                }
                if extraBreaks == 0 {
                    out.append(Element(value: " ", offset: breakOffset, strippable: false))
                } else {
                    for _ in 0..<extraBreaks { out.append(Element(value: "\n", offset: breakOffset, strippable: false)) }
                }
                continue
            }
            if quote == "'", scalar == "'", index + 1 < end, source[index + 1] == "'" {
                out.append(Element(value: "'", offset: index, strippable: false))
                index += 2
                continue
            }
            if quote == "\"", scalar == "\\", index + 1 < end {
                let next = source[index + 1]
                if SourceLines.isBreak(next) {
                    // An escaped line break joins the lines, without a space.
                    index = skipBreak(index + 1)
                    while index < end, isWhite(source[index]) { index += 1 }
                    continue
                }
                let hexLength: Int? = switch next {
                case "x": 2
                case "u": 4
                case "U": 8
                default: nil
                }
                if let hexLength {
                    let digits = String(String.UnicodeScalarView(source[(index + 2)..<min(end, index + 2 + hexLength)]))
                    let value = UInt32(digits, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}"
                    out.append(Element(value: value, offset: index, strippable: false))
                    index += 2 + hexLength
                    continue
                }
                let escapes: [Unicode.Scalar: Unicode.Scalar] = [
                    "0": "\0", "a": "\u{07}", "b": "\u{08}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{0B}", "f": "\u{0C}",
                    "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\", "N": "\u{85}", "_": "\u{A0}",
                    "L": "\u{2028}", "P": "\u{2029}",
                ]
                out.append(Element(value: escapes[next] ?? next, offset: index, strippable: false))
                index += 2
                continue
            }
            out.append(Element(value: scalar, offset: index, strippable: isWhite(scalar)))
            index += 1
        }
        return out
    }

    /// Literal and folded scalars: the header line is skipped, then each line's indentation.
    static func block(_ source: [Unicode.Scalar], from start: Int, to end: Int, folded: Bool) -> [Element] {
        var index = start
        while index < end, !SourceLines.isBreak(source[index]) { index += 1 }
        var out: [Element] = []
        var indent: Int?
        var lineStart = true
        var column = 0
        // Where content starts on each line is found from the first line with content (an
        // explicit indentation indicator only matters for text that starts with spaces).
        while index < end {
            let scalar = source[index]
            if SourceLines.isBreak(scalar) {
                if !out.isEmpty { out.append(Element(value: folded ? " " : "\n", offset: index, strippable: false)) }
                index = scalar == "\r" && index + 1 < end && source[index + 1] == "\n" ? index + 2 : index + 1
                lineStart = true
                column = 0
                continue
            }
            if lineStart {
                if scalar == " " && (indent.map { column < $0 } ?? true) {
                    column += 1
                    index += 1
                    continue
                }
                if indent == nil { indent = column }
                lineStart = false
            }
            out.append(Element(value: scalar, offset: index, strippable: false))
            index += 1
        }
        return out
    }

    /// Line and column of `offset`, counting from a known position.
    static func position(of offset: Int, in source: [Unicode.Scalar], from start: YAMLEventScan.Position) -> (Int, Int) {
        var line = start.line
        var column = start.column
        var index = start.offset
        while index < offset, index < source.count {
            let scalar = source[index]
            if SourceLines.isBreak(scalar) {
                if scalar == "\r", index + 1 < source.count, source[index + 1] == "\n" { index += 1 }
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }
}
