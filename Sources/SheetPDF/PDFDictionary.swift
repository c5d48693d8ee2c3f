/// The top-level entries of a dictionary object read by `PDFSourceFile`, and the dictionary
/// written again with some of them set: the one edit the accessibility pass and the
/// collection writer make to cairo's objects. Keys and words are compared as bytes
/// (`PDFSourceFile.isWord`), never made into strings.
package struct PDFDictionary {
    package let bytes: [UInt8]
    package let tokens: [PDFToken]
    /// Each key's token and the tokens of its value.
    package private(set) var entries: [(key: Int, value: Range<Int>)] = []

    package init(_ object: PDFSourceFile.Object, in bytes: [UInt8]) throws(PDFSyntaxError) {
        self.bytes = bytes
        tokens = object.tokens
        guard let first = tokens.first, first.kind == .dictionaryStart, tokens.last?.kind == .dictionaryEnd else {
            throw .malformed("an object that is not a dictionary where one was expected")
        }
        var index = 1
        while index < tokens.count - 1 {
            guard tokens[index].kind == .name else { throw .malformed("a dictionary key that is not a name") }
            let end = Self.valueEnd(tokens, bytes, from: index + 1)
            entries.append((index, (index + 1)..<end))
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
        case .integer where PDFSourceFile.isReference(tokens, at: start, in: bytes):
            return start + 3
        default:
            return start + 1
        }
    }

    package func text(_ index: Int) -> String { PDFSourceFile.text(bytes, tokens[index].range) }

    /// Whether token `index` is `word`.
    @inlinable
    package func isWord(_ index: Int, _ word: StaticString) -> Bool { PDFSourceFile.isWord(bytes, tokens[index].range, word) }

    /// The integer token `index` is, nil when it is not one.
    @inlinable
    package func integer(_ index: Int) -> Int? {
        tokens[index].kind == .integer ? PDFSourceFile.integer(bytes, tokens[index].range) : nil
    }

    /// The tokens of `key`'s value.
    package func value(_ key: StaticString) -> Range<Int>? { entries.first { isWord($0.key, key) }?.value }

    /// The text of `key`'s value when it is one token (a name, a number).
    package func word(_ key: StaticString) -> String? {
        guard let value = value(key), value.count == 1 else { return nil }
        return text(value.lowerBound)
    }

    /// Whether `key`'s value is the one token `word`.
    package func value(_ key: StaticString, is word: StaticString) -> Bool {
        guard let value = value(key), value.count == 1 else { return false }
        return isWord(value.lowerBound, word)
    }

    /// The object `key`'s value refers to.
    package func reference(_ key: StaticString) -> Int? {
        guard let value = value(key), value.count == 3 else { return nil }
        return integer(value.lowerBound)
    }

    /// The object numbers referred to (`N G R`) among the tokens in `range`, in order.
    package func references(in range: Range<Int>) -> [Int] {
        var out: [Int] = []
        var index = range.lowerBound
        while index + 2 < range.upperBound {
            if PDFSourceFile.isReference(tokens, at: index, in: bytes), let number = integer(index) {
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
    package func written(setting changes: [(key: StaticString, value: String?)]) -> [UInt8] {
        var out = Array("<<".utf8)
        for entry in entries where !changes.contains(where: { isWord(entry.key, $0.key) }) {
            out.append(0x20)
            out.append(contentsOf: bytes[tokens[entry.key].range])
            out.append(0x20)
            out.append(contentsOf: raw(entry.value))
        }
        for change in changes {
            guard let value = change.value else { continue }
            out.append(0x20)
            change.key.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(0x20)
            out.append(contentsOf: value.utf8)
        }
        out.append(contentsOf: " >>".utf8)
        return out
    }
}
