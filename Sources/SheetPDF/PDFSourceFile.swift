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
        let table = try bytes.withUnsafeBufferPointer { (buffer) throws(PDFSyntaxError) in try Self.crossReferences(buffer) }
        self.offsets = table.offsets
        self.root = table.root
        self.info = table.info
        self.crossReferenceOffset = table.xref
    }

    /// The cross-reference table's offsets, the trailer's `/Root` and `/Info`, and where the
    /// table starts.
    private static func crossReferences(
        _ bytes: UnsafeBufferPointer<UInt8>
    ) throws(PDFSyntaxError) -> (offsets: [Int: Int], root: Int, info: Int?, xref: Int) {
        guard let startxref = PDFLexer(bytes).lastStart(of: "startxref", inLast: 4096 + 9) else { throw .malformed("no 'startxref'") }
        var lexer = PDFLexer(bytes, position: startxref + 9)
        guard let offsetToken = try lexer.next(), offsetToken.kind == .integer,
              let xref = lexer.integer(offsetToken.range), xref >= 0, xref < bytes.count
        else { throw .malformed("no cross-reference offset") }
        lexer = PDFLexer(bytes, position: xref)
        guard let keyword = try lexer.next(), lexer.bytes(keyword.range, are: "xref") else {
            throw .unsupported("a cross-reference stream")
        }
        var offsets: [Int: Int] = [:]
        var rootNumber: Int?
        var infoNumber: Int?
        while let token = try lexer.next() {
            if token.kind == .keyword, lexer.bytes(token.range, are: "trailer") {
                var depth = 0
                var trailer: [PDFToken] = []
                while let item = try lexer.next() {
                    trailer.append(item)
                    if item.kind == .dictionaryStart { depth += 1 }
                    if item.kind == .dictionaryEnd { depth -= 1; if depth == 0 { break } }
                }
                for (index, item) in trailer.enumerated() where item.kind == .name {
                    if lexer.bytes(item.range, are: "/Prev") { throw .unsupported("incremental updates") }
                    if lexer.bytes(item.range, are: "/Root"), index + 1 < trailer.count { rootNumber = lexer.integer(trailer[index + 1].range) }
                    if lexer.bytes(item.range, are: "/Info"), index + 1 < trailer.count { infoNumber = lexer.integer(trailer[index + 1].range) }
                }
                break
            }
            guard token.kind == .integer, let first = lexer.integer(token.range), let countToken = try lexer.next(),
                  let count = lexer.integer(countToken.range), count >= 0, count < 10_000_000
            else { throw .malformed("a damaged cross-reference table") }
            for number in first..<(first + count) {
                guard let offset = try lexer.next(), let _ = try lexer.next(), let use = try lexer.next() else {
                    throw .malformed("a short cross-reference table")
                }
                if lexer.bytes(use.range, are: "n"), let value = lexer.integer(offset.range) { offsets[number] = value }
            }
        }
        guard let rootNumber else { throw .malformed("no document catalog") }
        return (offsets, rootNumber, infoNumber, xref)
    }

    /// The object numbered `number`.
    package func object(_ number: Int) throws(PDFSyntaxError) -> Object {
        let object = try unresolvedObject(number)
        guard let stream = object.stream else { return object }
        let length = try streamLength(object.tokens)
        guard stream.lowerBound + length <= bytes.count else { throw .malformed("a stream running past the end of the file") }
        return Object(tokens: object.tokens, stream: stream.lowerBound..<(stream.lowerBound + length))
    }

    /// The tokens of object `number`'s value, and where its stream data starts (an empty range)
    /// if it has any: its `/Length` is not read here, so that a length that refers to a stream
    /// (itself, say) is an error rather than an endless recursion.
    private func unresolvedObject(_ number: Int) throws(PDFSyntaxError) -> Object {
        guard let offset = offsets[number], offset < bytes.count else { throw .malformed("no object \(number)") }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(PDFSyntaxError) -> Object in
            var lexer = PDFLexer(buffer, position: offset)
            guard let numberToken = try lexer.next(), lexer.integer(numberToken.range) == number,
                  let _ = try lexer.next(), let obj = try lexer.next(), lexer.bytes(obj.range, are: "obj")
            else { throw .malformed("object \(number) not where the table says") }
            var tokens: [PDFToken] = []
            tokens.reserveCapacity(32)
            while let token = try lexer.next() {
                if token.kind == .keyword {
                    if lexer.bytes(token.range, are: "endobj") { return Object(tokens: tokens, stream: nil) }
                    if lexer.bytes(token.range, are: "stream") {
                        var start = token.range.upperBound
                        if start < buffer.count, buffer[start] == 0x0D { start += 1 }
                        if start < buffer.count, buffer[start] == 0x0A { start += 1 }
                        return Object(tokens: tokens, stream: start..<start)
                    }
                }
                tokens.append(token)
            }
            throw .malformed("object \(number) without 'endobj'")
        }
    }

    /// The stream's `/Length`, written directly or as a reference to an integer object.
    private func streamLength(_ tokens: [PDFToken]) throws(PDFSyntaxError) -> Int {
        guard let key = keyIndex("/Length", in: tokens),
              key + 1 < tokens.count, let value = integer(tokens[key + 1].range)
        else { throw .malformed("a stream without a length") }
        if isReference(tokens, at: key + 1) {
            let lengthObject = try unresolvedObject(value)
            guard lengthObject.stream == nil, lengthObject.tokens.count == 1, let first = lengthObject.tokens.first,
                  first.kind == .integer, let length = integer(first.range), length >= 0
            else {
                throw .malformed("a stream length that is not a number")
            }
            return length
        }
        guard value >= 0 else { throw .malformed("a stream length that is not a number") }
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
        if let type = keyIndex("/Type", in: node.tokens), type + 1 < node.tokens.count, isWord(node.tokens[type + 1].range, "/Page") {
            pages.append(number)
            return
        }
        guard let kidsKey = keyIndex("/Kids", in: node.tokens) else {
            throw .malformed("a page tree node without kids")
        }
        var index = kidsKey + 2
        while index + 2 < node.tokens.count, node.tokens[index].kind != .arrayEnd {
            if isReference(node.tokens, at: index), let kid = integer(node.tokens[index].range) {
                try collectPages(kid, into: &pages, visited: &visited)
                index += 3
            } else {
                index += 1
            }
        }
    }

    /// The object number of the reference after the key `key` of the object's own dictionary.
    package func reference(after key: StaticString, in tokens: [PDFToken]) -> Int? {
        guard let index = keyIndex(key, in: tokens), isReference(tokens, at: index + 1) else { return nil }
        return integer(tokens[index + 1].range)
    }

    /// Where the key `key` of the outermost dictionary is, skipping the values (nested
    /// dictionaries among them), so that neither a nested dictionary's key nor a name given as
    /// a value is taken for it: cairo writes `/Type` first, qpdf sorts keys (`/Group << … /Type
    /// /Group >>` comes before a page's own `/Type /Page`).
    package func keyIndex(_ key: StaticString, in tokens: [PDFToken]) -> Int? {
        guard let start = tokens.firstIndex(where: { $0.kind == .dictionaryStart }) else { return nil }
        var index = start + 1
        while index < tokens.count, tokens[index].kind != .dictionaryEnd {
            guard tokens[index].kind == .name else { index += 1; continue }
            if isWord(tokens[index].range, key) { return index }
            index = PDFDictionary.valueEnd(tokens, bytes, from: index + 1)
        }
        return nil
    }

    /// Object numbers referred to by `tokens` (`N G R`), except the value of `/Parent`.
    package func references(in tokens: [PDFToken]) -> [Int] {
        var out: [Int] = []
        var index = 0
        while index + 2 < tokens.count {
            if isReference(tokens, at: index), let number = integer(tokens[index].range) {
                let isParent = index > 0 && tokens[index - 1].kind == .name && isWord(tokens[index - 1].range, "/Parent")
                if !isParent { out.append(number) }
                index += 3
            } else {
                index += 1
            }
        }
        return out
    }

    /// Whether `tokens[index...]` is a reference, `N G R`.
    @inlinable
    package func isReference(_ tokens: [PDFToken], at index: Int) -> Bool {
        Self.isReference(tokens, at: index, in: bytes)
    }

    @inlinable
    package static func isReference(_ tokens: [PDFToken], at index: Int, in bytes: [UInt8]) -> Bool {
        index >= 0 && index + 2 < tokens.count && tokens[index].kind == .integer && tokens[index + 1].kind == .integer
            && tokens[index + 2].kind == .keyword && isWord(bytes, tokens[index + 2].range, "R")
    }

    /// The integer the bytes at `range` are, nil when they are not one.
    @inlinable
    package func integer(_ range: Range<Int>) -> Int? { Self.integer(bytes, range) }

    @inlinable
    package static func integer(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        bytes.withUnsafeBufferPointer { PDFLexer($0).integer(range) }
    }

    /// Whether the bytes at `range` are `word`: the readers compare bytes rather than make a
    /// `String` of each name and keyword, which cost copying a sheet into the collection 12.0 M
    /// instructions a sheet against 10.1 M without (callgrind; docs/performance.md).
    @inlinable
    package func isWord(_ range: Range<Int>, _ word: StaticString) -> Bool { Self.isWord(bytes, range, word) }

    @inlinable
    package static func isWord(_ bytes: [UInt8], _ range: Range<Int>, _ word: StaticString) -> Bool {
        bytes.withUnsafeBufferPointer { PDFLexer($0).bytes(range, are: word) }
    }

    package static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
