/// A PDF file as Cairo writes it, or qpdf writes it back (`PDFFontProgramCompactor`) — a
/// classic cross-reference table, no object streams, no incremental updates — read just far enough to copy its pages into another file: the
/// cross-reference table, each object's dictionary part and stream data, and the page order.
///
/// Written by hand rather than taken from a library because what is needed is narrow and
/// streaming: qpdf (the obvious library) keeps every source document open until the output is
/// written, so a collection of thousands of sheets would hold them all in memory, while this
/// reads one sheet at a time and keeps only its objects' offsets.
package struct PDFSourceFile {
    package let bytes: [UInt8]
    /// Byte offset of each object (generation 0).
    package private(set) var offsets: [Int: Int] = [:]
    package let root: Int
    /// The document information dictionary's object number, if the trailer names one.
    package let info: Int?
    /// Where the cross-reference table starts: the end of the last object.
    package let crossReferenceOffset: Int

    /// An object's parts: the tokens of its value (up to `stream` or `endobj`) and the range of
    /// its stream data, if it has one.
    package struct Object {
        package var tokens: [PDFToken]
        package var stream: Range<Int>?
    }

    package init(bytes: [UInt8]) throws(PDFSyntaxError) {
        self.bytes = bytes
        guard let startxref = Self.lastRange(of: Array("startxref".utf8), in: bytes) else { throw .malformed("no 'startxref'") }
        var tokenizer = PDFTokenizer(bytes: bytes, position: startxref.upperBound)
        guard let offsetToken = try tokenizer.next(), offsetToken.kind == .number,
              let xref = Int(Self.text(bytes, offsetToken.range)), xref >= 0, xref < bytes.count
        else { throw .malformed("no cross-reference offset") }
        tokenizer = PDFTokenizer(bytes: bytes, position: xref)
        guard let keyword = try tokenizer.next(), Self.text(bytes, keyword.range) == "xref" else {
            throw .unsupported("a cross-reference stream")
        }
        var offsets: [Int: Int] = [:]
        var rootNumber: Int?
        var infoNumber: Int?
        while let token = try tokenizer.next() {
            let word = Self.text(bytes, token.range)
            if word == "trailer" {
                var depth = 0
                var trailer: [PDFToken] = []
                while let item = try tokenizer.next() {
                    trailer.append(item)
                    if item.kind == .dictionaryStart { depth += 1 }
                    if item.kind == .dictionaryEnd { depth -= 1; if depth == 0 { break } }
                }
                for (index, item) in trailer.enumerated() where item.kind == .name {
                    let key = Self.text(bytes, item.range)
                    if key == "/Prev" { throw .unsupported("incremental updates") }
                    if key == "/Root", index + 1 < trailer.count { rootNumber = Int(Self.text(bytes, trailer[index + 1].range)) }
                    if key == "/Info", index + 1 < trailer.count { infoNumber = Int(Self.text(bytes, trailer[index + 1].range)) }
                }
                break
            }
            guard token.kind == .number, let first = Int(word), let countToken = try tokenizer.next(),
                  let count = Int(Self.text(bytes, countToken.range)), count >= 0, count < 10_000_000
            else { throw .malformed("a damaged cross-reference table") }
            for number in first..<(first + count) {
                guard let offset = try tokenizer.next(), let _ = try tokenizer.next(), let use = try tokenizer.next() else {
                    throw .malformed("a short cross-reference table")
                }
                if Self.text(bytes, use.range) == "n", let value = Int(Self.text(bytes, offset.range)) { offsets[number] = value }
            }
        }
        guard let rootNumber else { throw .malformed("no document catalog") }
        self.offsets = offsets
        self.root = rootNumber
        self.info = infoNumber
        self.crossReferenceOffset = xref
    }

    /// The object numbered `number`.
    package func object(_ number: Int) throws(PDFSyntaxError) -> Object {
        guard let offset = offsets[number], offset < bytes.count else { throw .malformed("no object \(number)") }
        var tokenizer = PDFTokenizer(bytes: bytes, position: offset)
        guard let numberToken = try tokenizer.next(), Int(Self.text(bytes, numberToken.range)) == number,
              let _ = try tokenizer.next(), let obj = try tokenizer.next(), Self.text(bytes, obj.range) == "obj"
        else { throw .malformed("object \(number) not where the table says") }
        var tokens: [PDFToken] = []
        while let token = try tokenizer.next() {
            if token.kind == .keyword {
                let word = Self.text(bytes, token.range)
                if word == "endobj" { return Object(tokens: tokens, stream: nil) }
                if word == "stream" {
                    var start = token.range.upperBound
                    if start < bytes.count, bytes[start] == 0x0D { start += 1 }
                    if start < bytes.count, bytes[start] == 0x0A { start += 1 }
                    let length = try streamLength(tokens)
                    guard start + length <= bytes.count else { throw .malformed("a stream running past the end of the file") }
                    return Object(tokens: tokens, stream: start..<(start + length))
                }
            }
            tokens.append(token)
        }
        throw .malformed("object \(number) without 'endobj'")
    }

    /// The stream's `/Length`, written directly or as a reference to an integer object.
    private func streamLength(_ tokens: [PDFToken]) throws(PDFSyntaxError) -> Int {
        guard let key = keyIndex("/Length", in: tokens),
              key + 1 < tokens.count, let value = Int(Self.text(bytes, tokens[key + 1].range))
        else { throw .malformed("a stream without a length") }
        if key + 3 < tokens.count, Self.text(bytes, tokens[key + 3].range) == "R" {
            let lengthObject = try object(value)
            guard let first = lengthObject.tokens.first, let length = Int(Self.text(bytes, first.range)) else {
                throw .malformed("a stream length that is not a number")
            }
            return length
        }
        return value
    }

    /// The pages, in order, by object number.
    package func pageNumbers() throws(PDFSyntaxError) -> [Int] {
        let catalog = try object(root)
        guard let pagesRoot = reference(after: "/Pages", in: catalog.tokens) else { throw .malformed("no page tree") }
        var pages: [Int] = []
        var visited: Set<Int> = []
        try collectPages(pagesRoot, into: &pages, visited: &visited)
        return pages
    }

    private func collectPages(_ number: Int, into pages: inout [Int], visited: inout Set<Int>) throws(PDFSyntaxError) {
        guard visited.insert(number).inserted else { throw .malformed("a loop in the page tree") }
        let node = try object(number)
        let type = value(after: "/Type", in: node.tokens)
        if type == "/Page" {
            pages.append(number)
            return
        }
        guard let kidsKey = keyIndex("/Kids", in: node.tokens) else {
            throw .malformed("a page tree node without kids")
        }
        var index = kidsKey + 2
        while index + 2 < node.tokens.count, node.tokens[index].kind != .arrayEnd {
            if let kid = Int(Self.text(bytes, node.tokens[index].range)), Self.text(bytes, node.tokens[index + 2].range) == "R" {
                try collectPages(kid, into: &pages, visited: &visited)
                index += 3
            } else {
                index += 1
            }
        }
    }

    /// The text of the token after the key `key` of the object's own dictionary.
    package func value(after key: String, in tokens: [PDFToken]) -> String? {
        guard let index = keyIndex(key, in: tokens), index + 1 < tokens.count else { return nil }
        return Self.text(bytes, tokens[index + 1].range)
    }

    /// The object number of the reference after the key `key` of the object's own dictionary.
    package func reference(after key: String, in tokens: [PDFToken]) -> Int? {
        guard let index = keyIndex(key, in: tokens), index + 3 < tokens.count, Self.text(bytes, tokens[index + 3].range) == "R"
        else { return nil }
        return Int(Self.text(bytes, tokens[index + 1].range))
    }

    /// Where the key `key` of the outermost dictionary is, skipping the values (nested
    /// dictionaries among them), so that neither a nested dictionary's key nor a name given as
    /// a value is taken for it: cairo writes `/Type` first, qpdf sorts keys (`/Group << … /Type
    /// /Group >>` comes before a page's own `/Type /Page`).
    package func keyIndex(_ key: String, in tokens: [PDFToken]) -> Int? {
        guard let start = tokens.firstIndex(where: { $0.kind == .dictionaryStart }) else { return nil }
        var index = start + 1
        while index < tokens.count, tokens[index].kind != .dictionaryEnd {
            guard tokens[index].kind == .name else { index += 1; continue }
            if Self.text(bytes, tokens[index].range) == key { return index }
            index = valueEnd(from: index + 1, in: tokens)
        }
        return nil
    }

    /// The index just past the value starting at `index`: a reference's three tokens, a nested
    /// dictionary or array, or one token.
    private func valueEnd(from index: Int, in tokens: [PDFToken]) -> Int {
        guard index < tokens.count else { return index }
        switch tokens[index].kind {
        case .dictionaryStart, .arrayStart:
            var depth = 0
            var position = index
            while position < tokens.count {
                switch tokens[position].kind {
                case .dictionaryStart, .arrayStart: depth += 1
                case .dictionaryEnd, .arrayEnd: depth -= 1
                default: break
                }
                position += 1
                if depth == 0 { return position }
            }
            return position
        case .number where index + 2 < tokens.count && tokens[index + 1].kind == .number
            && tokens[index + 2].kind == .keyword && Self.text(bytes, tokens[index + 2].range) == "R":
            return index + 3
        default:
            return index + 1
        }
    }

    /// Object numbers referred to by `tokens` (`N G R`), except the value of `/Parent`.
    package func references(in tokens: [PDFToken]) -> [Int] {
        var out: [Int] = []
        var index = 0
        while index + 2 < tokens.count {
            if tokens[index].kind == .number, tokens[index + 1].kind == .number, tokens[index + 2].kind == .keyword,
               Self.text(bytes, tokens[index + 2].range) == "R", let number = Int(Self.text(bytes, tokens[index].range)) {
                let isParent = index > 0 && tokens[index - 1].kind == .name && Self.text(bytes, tokens[index - 1].range) == "/Parent"
                if !isParent { out.append(number) }
                index += 3
            } else {
                index += 1
            }
        }
        return out
    }

    package static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    package static func lastRange(of needle: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        guard bytes.count >= needle.count else { return nil }
        var start = bytes.count - needle.count
        let lowest = max(0, bytes.count - 4096 - needle.count)
        while start >= lowest {
            if bytes[start] == needle[0], Array(bytes[start..<(start + needle.count)]) == needle { return start..<(start + needle.count) }
            start -= 1
        }
        return nil
    }
}
