/// The top-level entries of a dictionary object read by `PDFSourceFile`, and the dictionary
/// written again with some of them set: the one edit the accessibility pass and the
/// collection writer make to cairo's objects.
package struct PDFDictionary {
    package let bytes: [UInt8]
    package let tokens: [PDFToken]
    /// Each key (with its slash) and the tokens of its value.
    package private(set) var entries: [(key: String, value: Range<Int>)] = []

    package init(_ object: PDFSourceFile.Object, in bytes: [UInt8]) throws(PDFSyntaxError) {
        self.bytes = bytes
        tokens = object.tokens
        guard let first = tokens.first, first.kind == .dictionaryStart, tokens.last?.kind == .dictionaryEnd else {
            throw .malformed("an object that is not a dictionary where one was expected")
        }
        var index = 1
        while index < tokens.count - 1 {
            if tokens[index].kind == .comment { index += 1; continue }
            guard tokens[index].kind == .name else { throw .malformed("a dictionary key that is not a name") }
            let key = text(index)
            let end = Self.valueEnd(tokens, bytes, from: index + 1)
            entries.append((key, (index + 1)..<end))
            index = end
        }
    }

    /// The index after the value that starts at token `start`: one token, a reference
    /// (`N G R`), or a balanced array or dictionary.
    package static func valueEnd(_ tokens: [PDFToken], _ bytes: [UInt8], from start: Int) -> Int {
        guard start < tokens.count else { return start }
        switch tokens[start].kind {
        case .arrayStart, .dictionaryStart:
            var depth = 0
            var index = start
            while index < tokens.count {
                switch tokens[index].kind {
                case .arrayStart, .dictionaryStart: depth += 1
                case .arrayEnd, .dictionaryEnd:
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default: break
                }
                index += 1
            }
            return tokens.count
        case .number where start + 2 < tokens.count && tokens[start + 1].kind == .number && tokens[start + 2].kind == .keyword
            && bytes[tokens[start + 2].range].elementsEqual("R".utf8):
            return start + 3
        default:
            return start + 1
        }
    }

    package func text(_ index: Int) -> String { PDFSourceFile.text(bytes, tokens[index].range) }

    /// The tokens of `key`'s value.
    package func value(_ key: String) -> Range<Int>? { entries.first { $0.key == key }?.value }

    /// The text of `key`'s value when it is one token (a name, a number).
    package func word(_ key: String) -> String? {
        guard let value = value(key), value.count == 1 else { return nil }
        return text(value.lowerBound)
    }

    /// The object `key`'s value refers to.
    package func reference(_ key: String) -> Int? {
        guard let value = value(key), value.count == 3 else { return nil }
        return Int(text(value.lowerBound))
    }

    /// The object numbers referred to (`N G R`) among the tokens in `range`, in order.
    package func references(in range: Range<Int>) -> [Int] {
        var out: [Int] = []
        var index = range.lowerBound
        while index + 2 < range.upperBound {
            if tokens[index].kind == .number, tokens[index + 2].kind == .keyword, text(index + 2) == "R", let number = Int(text(index)) {
                out.append(number)
                index += 3
            } else {
                index += 1
            }
        }
        return out
    }

    /// The raw bytes of the tokens in `range`, from the first one's start to the last one's end.
    package func raw(_ range: Range<Int>) -> ArraySlice<UInt8> {
        guard let first = range.first, let last = range.last else { return [] }
        return bytes[tokens[first].range.lowerBound..<tokens[last].range.upperBound]
    }

    /// The dictionary with `changes` set (a value of nil removes the key), other entries as
    /// they were, new keys at the end.
    package func written(setting changes: [(key: String, value: String?)]) -> [UInt8] {
        var out = Array("<<".utf8)
        for entry in entries where !changes.contains(where: { $0.key == entry.key }) {
            out.append(0x20)
            out.append(contentsOf: entry.key.utf8)
            out.append(0x20)
            out.append(contentsOf: raw(entry.value))
        }
        for change in changes {
            guard let value = change.value else { continue }
            out.append(0x20)
            out.append(contentsOf: change.key.utf8)
            out.append(0x20)
            out.append(contentsOf: value.utf8)
        }
        out.append(contentsOf: " >>".utf8)
        return out
    }
}
