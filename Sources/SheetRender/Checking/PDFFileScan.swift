import SheetPDF

/// One pass of `PDFStructureCheck` over a PDF's bytes in place: the cross-reference table
/// and trailer, every object the table lists (at its offset, to its `endobj`, each reference in
/// it resolving, a stream's data exactly `/Length` long and decoding), the page tree, and each
/// page's content (`ContentStreamScan`). What it keeps is the table's sections, a flag an object
/// and the pages' content-stream numbers, never the objects, so what it holds does not grow
/// with a file's size but by some bytes an object.
///
/// The PDFs profilesheet writes are cairo 1.16's, the accessibility pass's (`PDFFileRewrite`),
/// qpdf's (`PDFFontProgramCompactor`, told to write no object streams) and
/// `PDFCollectionWriter`'s: each with one classic cross-reference table, no object streams, no
/// incremental updates, no encryption. A file that uses one of those is refused as such.
struct PDFFileScan {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Told which bytes the scan is done with, for a mapped file to let the system drop those
    /// pages: the objects of the page tree as each is read (they are all over the file, and the
    /// system maps more than a page around each byte read), and, going through the objects in
    /// file order, everything before the one it is at, every `releaseStep` bytes.
    var release: ((Range<Int>) -> Void)?

    /// A subsection of the cross-reference table: object numbers `first..<first + count`, their
    /// 20-byte entries starting at byte `table`.
    private struct Section {
        let first: Int
        let count: Int
        let table: Int
    }

    private var sections: [Section] = []
    private var size = 0
    private var root = 0
    /// Objects read already (the page tree's), by number.
    private var read: [Bool] = []
    /// The page (from 1) of each content stream that is its page's only one, by object number:
    /// it is scanned as it is decoded, in the pass over all objects.
    private var pageOfContent: [Int: Int] = [:]
    /// Pages whose content is several streams, scanned as qpdf reads them: joined by a newline.
    private var severalContents: [(page: Int, streams: [Int])] = []

    /// The most a stream may decode to, and a page's content.
    static let streamLimit = 1 << 30
    static let contentLimit = 64 << 20
    /// Nesting deeper than this is refused, as qpdf refuses it ("ignoring excessively deeply
    /// nested data structure").
    static let nestingLimit = 499
    /// How far from the end `startxref` is looked for, as qpdf does.
    static let tailLength = 1024
    /// How many bytes the scan goes before it tells `done`.
    static let releaseStep = 8 << 20

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Checks everything; throws the first problem.
    mutating func check() throws(PDFCheckError) {
        try readCrossReferences()
        read = Array(repeating: false, count: size)
        try readPageTree()
        var inUse: [(offset: Int, number: Int, generation: Int)] = []
        for section in sections {
            for index in 0..<section.count {
                if let entry = entry(section, index) { inUse.append((entry.offset, section.first + index, entry.generation)) }
            }
        }
        inUse.sort { $0.offset < $1.offset }
        var contentBuffer: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        var released = 0
        for entry in inUse {
            if let release, entry.offset - released >= Self.releaseStep {
                release(released..<entry.offset)
                released = entry.offset
            }
            guard !read[entry.number] else { continue }
            read[entry.number] = true
            let object = try self.object(entry.number, generation: entry.generation, at: entry.offset)
            let page = pageOfContent[entry.number]
            guard object.stream != nil else {
                if let page { throw .structure(problem: "the content of page \(page) (object \(entry.number)) is not a stream", offset: entry.offset) }
                continue
            }
            contentBuffer.removeAll(keepingCapacity: true)
            try decode(object, entry.number, keeping: page != nil, into: &contentBuffer, scratch: &scratch)
            if let page { try scan(contentBuffer, page: page) }
        }
        for (page, streams) in severalContents {
            contentBuffer.removeAll(keepingCapacity: true)
            for number in streams {
                guard let target = lookUp(number) else { continue }
                let object = try self.object(number, generation: target.generation, at: target.offset)
                guard object.stream != nil else {
                    throw .structure(problem: "the content of page \(page) (object \(number)) is not a stream", offset: target.offset)
                }
                try decode(object, number, keeping: true, into: &contentBuffer, scratch: &scratch)
                contentBuffer.append(0x0A)
            }
            try scan(contentBuffer, page: page)
        }
    }

    // MARK: - Cross-reference table and trailer

    private mutating func readCrossReferences() throws(PDFCheckError) {
        guard !bytes.isEmpty else { throw .structure(problem: "the file is empty", offset: nil) }
        let lexer = PDFLexer(bytes, checksIntegerRange: true)
        guard bytes.count >= 5, lexer.bytes(0..<5, are: "%PDF-") else {
            throw .structure(problem: "the file does not start with '%PDF-'", offset: 0)
        }
        guard let startxref = lastStartxref() else {
            throw .structure(problem: "the file has no 'startxref' in its last \(Self.tailLength) bytes: it is cut short, or not a PDF", offset: nil)
        }
        var tail = PDFLexer(bytes, position: startxref + 9, checksIntegerRange: true)
        guard let offsetToken = try lex(&tail, .end), offsetToken.kind == .integer,
              let xref = tail.integer(offsetToken.range)
        else { throw .structure(problem: "'startxref' is not followed by an offset", offset: startxref) }
        var mark = tail.position
        while mark < bytes.count, PDFLexer.isWhitespace(bytes[mark]) { mark += 1 }
        guard mark + 5 <= bytes.count, tail.bytes(mark..<(mark + 5), are: "%%EOF") else {
            throw .structure(problem: "the file does not end with '%%EOF' after 'startxref': it is cut short", offset: mark)
        }
        guard xref >= 0, xref < startxref else {
            throw .structure(problem: "'startxref' gives \(xref), which is not the offset of a cross-reference table", offset: startxref)
        }
        var table = PDFLexer(bytes, position: xref, checksIntegerRange: true)
        guard let keyword = try lex(&table, .table), keyword.kind == .keyword, table.bytes(keyword.range, are: "xref") else {
            var ahead = PDFLexer(bytes, position: xref, checksIntegerRange: true)
            if let number = try? ahead.next(), number.kind == .integer, let generation = try? ahead.next(), generation.kind == .integer,
               let obj = try? ahead.next(), ahead.bytes(obj.range, are: "obj") {
                throw .structure(problem: "the file has a cross-reference stream, which profilesheet never writes", offset: xref)
            }
            throw .structure(problem: "there is no cross-reference table where 'startxref' points", offset: xref)
        }
        while true {
            guard let token = try lex(&table, .table) else {
                throw .structure(problem: "the cross-reference table has no trailer", offset: table.position)
            }
            if token.kind == .keyword, table.bytes(token.range, are: "trailer") { break }
            guard token.kind == .integer, let first = table.integer(token.range), first >= 0,
                  let countToken = try lex(&table, .table), countToken.kind == .integer,
                  let count = table.integer(countToken.range), count >= 0, count <= bytes.count / 20
            else { throw .structure(problem: "the cross-reference table has a damaged subsection header", offset: token.range.lowerBound) }
            var start = table.position
            while start < bytes.count, PDFLexer.isWhitespace(bytes[start]) { start += 1 }
            guard start + count * 20 <= bytes.count else {
                throw .structure(problem: "the cross-reference table runs past the end of the file", offset: start)
            }
            let section = Section(first: first, count: count, table: start)
            for index in 0..<count {
                guard Self.isEntry(bytes, at: start + index * 20) else {
                    throw .structure(problem: "the cross-reference entry of object \(first + index) is damaged", offset: start + index * 20)
                }
                if first + index == 0, entry(section, index) != nil {
                    throw .structure(problem: "the cross-reference table has object 0 in use", offset: start)
                }
                if let entry = entry(section, index), entry.offset >= xref || entry.offset < 5 {
                    throw .structure(problem: "the cross-reference table puts object \(first + index) at byte \(entry.offset), outside the objects",
                                     offset: start + index * 20)
                }
            }
            sections.append(section)
            table.position = start + count * 20
        }
        let trailer = try value(of: .trailer, &table)
        guard trailer.isDictionary else { throw .structure(problem: "the trailer is not a dictionary", offset: table.position) }
        if trailer.has(.prev) { throw .structure(problem: "the file has incremental updates (/Prev), which profilesheet never writes", offset: nil) }
        if trailer.has(.xRefStm) { throw .structure(problem: "the file has a cross-reference stream (/XRefStm), which profilesheet never writes", offset: nil) }
        if trailer.has(.encrypt) { throw .structure(problem: "the file is encrypted, which profilesheet never does", offset: nil) }
        guard let size = trailer.integer, size > 0 else { throw .structure(problem: "the trailer has no /Size", offset: nil) }
        guard let root = trailer.root else { throw .structure(problem: "the trailer has no /Root", offset: nil) }
        for section in sections where section.first + section.count > size {
            throw .structure(problem: "the cross-reference table lists object \(section.first + section.count - 1), past the trailer's /Size \(size)", offset: section.table)
        }
        self.size = size
        self.root = root
    }

    /// `nnnnnnnnnn ggggg n` or `f` and a two-byte end of line.
    private static func isEntry(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        func digit(_ index: Int) -> Bool { bytes[start + index] >= 0x30 && bytes[start + index] <= 0x39 }
        for index in 0..<10 where !digit(index) { return false }
        for index in 11..<16 where !digit(index) { return false }
        let kind = bytes[start + 17]
        let end = (bytes[start + 18], bytes[start + 19])
        return bytes[start + 10] == 0x20 && bytes[start + 16] == 0x20 && (kind == UInt8(ascii: "n") || kind == UInt8(ascii: "f"))
            && (end == (0x20, 0x0A) || end == (0x20, 0x0D) || end == (0x0D, 0x0A))
    }

    /// The offset and generation of entry `index` of `section`, nil when the entry is free.
    private func entry(_ section: Section, _ index: Int) -> (offset: Int, generation: Int)? {
        let start = section.table + index * 20
        guard bytes[start + 17] == UInt8(ascii: "n") else { return nil }
        var offset = 0
        for position in start..<(start + 10) { offset = offset * 10 + Int(bytes[position] - 0x30) }
        var generation = 0
        for position in (start + 11)..<(start + 16) { generation = generation * 10 + Int(bytes[position] - 0x30) }
        return (offset, generation)
    }

    /// Object `number`'s entry, nil when the table does not have it in use.
    private func lookUp(_ number: Int) -> (offset: Int, generation: Int)? {
        for section in sections where number >= section.first && number < section.first + section.count {
            return entry(section, number - section.first)
        }
        return nil
    }

    private func lastStartxref() -> Int? {
        PDFLexer(bytes).lastStart(of: "startxref", inLast: Self.tailLength)
    }

    // MARK: - Page tree

    private mutating func readPageTree() throws(PDFCheckError) {
        guard let catalogEntry = lookUp(root) else { throw .structure(problem: "the trailer's /Root is not an object of the file", offset: nil) }
        let catalog = try object(root, generation: catalogEntry.generation, at: catalogEntry.offset)
        release?(catalogEntry.offset..<catalog.end)
        read[root] = catalog.stream == nil
        guard let pagesRoot = catalog.pages else { throw .structure(problem: "the document catalog (object \(root)) has no /Pages", offset: catalogEntry.offset) }
        var pending = [pagesRoot]
        var visited: Set<Int> = []
        var pageCount = 0
        while let number = pending.popLast() {
            guard visited.insert(number).inserted else {
                throw .structure(problem: "the page tree is broken: object \(number) is in it twice", offset: nil)
            }
            guard let target = lookUp(number) else { throw .structure(problem: "the page tree is broken: object \(number) is missing", offset: nil) }
            let node = try object(number, generation: target.generation, at: target.offset)
            release?(target.offset..<node.end)
            read[number] = node.stream == nil
            guard node.isDictionary, node.stream == nil else {
                throw .structure(problem: "the page tree is broken: object \(number) is not a dictionary", offset: target.offset)
            }
            if node.has(.kids) {
                guard node.kidsIsArray else {
                    throw .structure(problem: "the page tree is broken: the /Kids of object \(number) is not an array", offset: target.offset)
                }
                pending += node.kids.reversed()
                continue
            }
            guard node.isPage else {
                throw .structure(problem: "the page tree is broken: object \(number) is neither a page nor has /Kids", offset: target.offset)
            }
            pageCount += 1
            if node.contents.count == 1 {
                if pageOfContent[node.contents[0]] == nil { pageOfContent[node.contents[0]] = pageCount }
            } else if node.contents.count > 1 {
                severalContents.append((pageCount, node.contents))
            }
        }
    }

    // MARK: - Objects

    /// The keys of a dictionary the check reads values of.
    enum Key: Int {
        case type, kids, contents, pages, length, filter, size, root, prev, xRefStm, encrypt

        var bit: UInt16 { 1 << UInt16(rawValue) }
    }

    /// What the check needs of an object: its own dictionary's entries of `Key`, and where its
    /// stream's data is.
    struct Object {
        var isDictionary = false
        /// The `Key`s its dictionary has, as bits.
        var keys: UInt16 = 0
        /// The value of `/Size` or `/Length` written directly, or of an object that is an integer.
        var integer: Int?
        /// `/Length` given as a reference.
        var lengthReference: (number: Int, generation: Int)?
        var root: Int?
        var pages: Int?
        var kids: [Int] = []
        var kidsIsArray = false
        var contents: [Int] = []
        var isPage = false
        /// Its first filter's name.
        var filter: Range<Int>?
        var stream: Range<Int>?
        /// Where its `endobj` ends.
        var end = 0

        func has(_ key: Key) -> Bool { keys & key.bit != 0 }
    }

    /// Reads object `number` at `offset`: its header, value, stream and `endobj`.
    private func object(_ number: Int, generation: Int, at offset: Int) throws(PDFCheckError) -> Object {
        var lexer = PDFLexer(bytes, position: offset, checksIntegerRange: true)
        let who = Subject.object(number)
        guard let first = try? lexer.next(), first.kind == .integer, lexer.integer(first.range) == number,
              let second = try? lexer.next(), second.kind == .integer, lexer.integer(second.range) == generation,
              let obj = try? lexer.next(), obj.kind == .keyword, lexer.bytes(obj.range, are: "obj")
        else {
            throw .structure(problem: "\(who) is not where the cross-reference table says (no '\(number) \(generation) obj' there)", offset: offset)
        }
        var object = try value(of: who, &lexer)
        guard let end = try lex(&lexer, who), end.kind == .keyword else {
            throw .structure(problem: "\(who) has no 'endobj'", offset: lexer.position)
        }
        if lexer.bytes(end.range, are: "endobj") {
            object.end = end.range.upperBound
            return object
        }
        guard lexer.bytes(end.range, are: "stream"), object.isDictionary else {
            throw .structure(problem: "\(who) has no 'endobj'", offset: end.range.lowerBound)
        }
        var start = lexer.position
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        guard start < bytes.count, bytes[start] == 0x0A else {
            throw .structure(problem: "\(who) has no end of line after 'stream'", offset: start)
        }
        start += 1
        var length = object.integer
        if let reference = object.lengthReference {
            guard let target = lookUp(reference.number), target.generation == reference.generation else {
                throw .structure(problem: "the /Length of \(who) refers to object \(reference.number), which the file does not have", offset: offset)
            }
            length = try self.object(reference.number, generation: reference.generation, at: target.offset).integer
        }
        guard let length, length >= 0 else { throw .structure(problem: "\(who) is a stream without an integer /Length", offset: offset) }
        guard length <= bytes.count - start else {
            throw .structure(problem: "the stream of \(who) runs past the end of the file", offset: start)
        }
        lexer.position = start + length
        guard let endstream = try? lexer.next(), endstream.kind == .keyword, lexer.bytes(endstream.range, are: "endstream") else {
            throw .structure(problem: "the stream of \(who) does not end at its /Length (\(length)) with 'endstream'", offset: start + length)
        }
        guard let endobj = try lex(&lexer, who), endobj.kind == .keyword, lexer.bytes(endobj.range, are: "endobj") else {
            throw .structure(problem: "\(who) has no 'endobj'", offset: lexer.position)
        }
        object.stream = start..<(start + length)
        object.end = endobj.range.upperBound
        return object
    }

    /// What a message is about; put in words only when there is a problem.
    private enum Subject: CustomStringConvertible {
        case object(Int)
        case trailer
        case table
        case end

        var description: String {
            switch self {
            case .object(let number): "object \(number)"
            case .trailer: "the trailer"
            case .table: "the cross-reference table"
            case .end: "the end of the file"
            }
        }
    }

    /// The next token, the lexer's problem thrown as the check's, at `who`.
    private func lex(_ lexer: inout PDFLexer, _ who: Subject) throws(PDFCheckError) -> PDFToken? {
        do {
            return try lexer.next()
        } catch {
            throw .structure(problem: "\(who) is broken: \(error.reason)", offset: lexer.position)
        }
    }

    private enum Container: Equatable {
        case dictionaryKey
        case dictionaryValue
        case array
    }

    /// Reads one value (of `who`, for messages): every reference in it must be to an object the
    /// file has; the entries of its own dictionary the check needs are kept.
    private func value(of who: Subject, _ lexer: inout PDFLexer) throws(PDFCheckError) -> Object {
        var object = Object()
        var stack: [Container] = []
        var key: Key?
        // Up to two tokens read ahead (to tell `N G R` from two integers), to be read again.
        var ahead: (PDFToken?, PDFToken?) = (nil, nil)
        func fail(_ what: String, _ at: Int) -> PDFCheckError { .structure(problem: "\(who) is broken: \(what)", offset: at) }
        func next() throws(PDFCheckError) -> PDFToken? {
            if let first = ahead.0 {
                ahead = (ahead.1, nil)
                return first
            }
            return try lex(&lexer, who)
        }
        repeat {
            guard let token = try next() else { throw fail("the file ends inside it", lexer.position) }
            if stack.last == .dictionaryKey {
                if token.kind == .dictionaryEnd {
                    stack.removeLast()
                } else {
                    guard token.kind == .name else { throw fail("a dictionary key that is not a name", token.range.lowerBound) }
                    stack[stack.count - 1] = .dictionaryValue
                    if stack.count == 1 {
                        key = Self.key(token.range, lexer)
                        if let key { object.keys |= key.bit }
                    }
                    continue
                }
            } else {
                // The value is the object's own dictionary's entry for `key`, or an item of it.
                let entry = stack.count == 1 ? key : (stack.count == 2 && stack[1] == .array ? key : nil)
                let direct = stack.count == 1
                switch token.kind {
                case .dictionaryStart, .arrayStart:
                    if stack.isEmpty, token.kind == .dictionaryStart { object.isDictionary = true }
                    if direct, entry == .kids, token.kind == .arrayStart { object.kidsIsArray = true }
                    stack.append(token.kind == .dictionaryStart ? .dictionaryKey : .array)
                    guard stack.count <= Self.nestingLimit else { throw fail("arrays and dictionaries nested deeper than \(Self.nestingLimit)", token.range.lowerBound) }
                    continue
                case .arrayEnd:
                    guard stack.last == .array else { throw fail("an unexpected ']'", token.range.lowerBound) }
                    stack.removeLast()
                case .dictionaryEnd:
                    throw fail("an unexpected '>>'", token.range.lowerBound)
                case .integer:
                    var reference: (generation: PDFToken, r: PDFToken)?
                    if let second = try next() {
                        if second.kind == .integer, let third = try next() {
                            if third.kind == .keyword, lexer.bytes(third.range, are: "R") {
                                reference = (second, third)
                            } else {
                                ahead = (second, third)
                            }
                        } else {
                            ahead = (second, nil)
                        }
                    }
                    if let (generation, _) = reference {
                        guard let number = lexer.integer(token.range), let generationNumber = lexer.integer(generation.range),
                              let target = lookUp(number), target.generation == generationNumber
                        else {
                            throw fail("it refers to object \(String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range.lowerBound..<generation.range.upperBound]), as: UTF8.self)), which the file does not have", token.range.lowerBound)
                        }
                        switch entry {
                        case .kids?: object.kids.append(number)
                        case .contents?: object.contents.append(number)
                        case .pages? where direct: object.pages = number
                        case .root? where direct: object.root = number
                        case .length? where direct: object.lengthReference = (number, generationNumber)
                        default: break
                        }
                    } else if stack.isEmpty || (direct && (entry == .length || entry == .size)) {
                        object.integer = lexer.integer(token.range)
                    }
                case .name:
                    if entry == .type, direct { object.isPage = lexer.bytes(token.range, are: "/Page") }
                    if entry == .filter, object.filter == nil { object.filter = token.range }
                case .real, .string, .hexString:
                    break
                case .keyword:
                    guard lexer.bytes(token.range, are: "true") || lexer.bytes(token.range, are: "false") || lexer.bytes(token.range, are: "null") else {
                        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]).prefix(40), as: UTF8.self)
                        throw fail(stack.isEmpty && !object.isDictionary ? "it has no value ('\(word)' where one should be)" : "an unexpected '\(word)'", token.range.lowerBound)
                    }
                }
            }
            // A value ended: a dictionary now wants its next key.
            if stack.last == .dictionaryValue {
                stack[stack.count - 1] = .dictionaryKey
                if stack.count == 1 { key = nil }
            }
        } while !stack.isEmpty
        // What was read ahead after a last integer is read again by the caller.
        if let first = ahead.0 { lexer.position = first.range.lowerBound }
        return object
    }

    private static func key(_ range: Range<Int>, _ lexer: PDFLexer) -> Key? {
        switch range.count {
        case 5: if lexer.bytes(range, are: "/Type") { return .type }; if lexer.bytes(range, are: "/Kids") { return .kids }
            if lexer.bytes(range, are: "/Size") { return .size }; if lexer.bytes(range, are: "/Root") { return .root }
            if lexer.bytes(range, are: "/Prev") { return .prev }
        case 6: if lexer.bytes(range, are: "/Pages") { return .pages }
        case 7: if lexer.bytes(range, are: "/Length") { return .length }; if lexer.bytes(range, are: "/Filter") { return .filter }
        case 8: if lexer.bytes(range, are: "/XRefStm") { return .xRefStm }; if lexer.bytes(range, are: "/Encrypt") { return .encrypt }
        case 9: if lexer.bytes(range, are: "/Contents") { return .contents }
        default: break
        }
        return nil
    }

    // MARK: - Streams and content

    /// Decodes the stream of `object` as `qpdf --check` does (Flate, which is all profilesheet's
    /// writers compress with; image filters such as `/DCTDecode` are left to the viewer, as qpdf
    /// leaves them), into `content` when it is a page's content, else into `scratch` and away.
    private func decode(_ object: Object, _ number: Int, keeping: Bool, into content: inout [UInt8], scratch: inout [UInt8]) throws(PDFCheckError) {
        guard let range = object.stream else { return }
        let data = UnsafeBufferPointer(rebasing: bytes[range])
        let lexer = PDFLexer(bytes, checksIntegerRange: true)
        guard let filter = object.filter else {
            if keeping { try Self.append(data, to: &content) }
            return
        }
        if lexer.bytes(filter, are: "/FlateDecode") {
            do throws(PDFSyntaxError) {
                _ = try scratch.withUnsafeMutableBufferPointer { (buffer: inout UnsafeMutableBufferPointer<UInt8>) throws(PDFSyntaxError) in
                    try FlateCodec.inflate(data, limit: Self.streamLimit, scratch: buffer) { (piece: UnsafeBufferPointer<UInt8>) throws(PDFSyntaxError) in
                        guard keeping else { return }
                        guard content.count + piece.count <= Self.contentLimit else {
                            throw .malformed("a page's content that decodes to more than \(Self.contentLimit >> 20) MiB")
                        }
                        content.append(contentsOf: piece)
                    }
                }
            } catch {
                let what = error.reason
                throw .structure(problem: "the stream of object \(number) does not decode: \(what)", offset: range.lowerBound)
            }
            return
        }
        for image in ["/DCTDecode", "/JPXDecode", "/JBIG2Decode", "/CCITTFaxDecode"] as [StaticString] where lexer.bytes(filter, are: image) {
            return
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[filter]).prefix(40), as: UTF8.self)
        throw .structure(problem: "the stream of object \(number) has the filter \(name), which profilesheet never writes", offset: range.lowerBound)
    }

    private static func append(_ piece: UnsafeBufferPointer<UInt8>, to content: inout [UInt8]) throws(PDFCheckError) {
        guard content.count + piece.count <= contentLimit else {
            throw .structure(problem: "a page's content decodes to more than \(contentLimit >> 20) MiB", offset: nil)
        }
        content.append(contentsOf: piece)
    }

    private func scan(_ content: [UInt8], page: Int) throws(PDFCheckError) {
        let problem = content.withUnsafeBufferPointer { buffer in
            var scan = ContentStreamScan(buffer)
            return scan.problem()
        }
        if let problem { throw .content(page: page, problem: problem) }
    }
}
