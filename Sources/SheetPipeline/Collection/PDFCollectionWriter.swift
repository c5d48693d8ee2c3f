import Foundation
import SheetCore
import SheetPDF

/// Joins finished sheet PDFs into one collection PDF with a bookmark per community, streaming:
/// each sheet is read, its pages' objects renumbered and copied, and the sheet dropped before
/// the next is read. Only the new objects' offsets stay in memory.
///
/// Each sheet's structure tree comes along as a `Part` of the collection's `Document` element,
/// with its language; the number keys of the sheets' parent trees (pages' `/StructParents`,
/// annotations' `/StructParent`) are moved past those of the sheets before it, and the
/// collection's parent tree lists them all. A sheet without a structure tree (written before
/// sheets were tagged) is copied without one.
///
/// A link to a sheet's file beside the PDF (`URLCheck.sheetFileLink`: the overview's names)
/// becomes a link to that sheet's first page in the collection (`/Dest`), with the sheet's
/// title as its `/Contents`. The overview comes before the sheets, so such an annotation is
/// held back (its number taken, its other entries renumbered) and written by `finish`, when
/// every sheet's first page is known; its `Link` element, `/OBJR` and parent-tree entry are
/// copied like every other. One whose sheet is not in the collection keeps its link to the file.
final class PDFCollectionWriter {
    private let output: AtomicFileWriter
    /// Offsets of the objects written, indexed by new object number; 0 for none (nothing
    /// starts at 0, where the header is). An array: a collection holds some fifty objects a
    /// sheet, and a dictionary of them grew the build's memory by some 10 MiB at 4000 sheets.
    private var offsets: [Int] = []
    private var nextNumber = 7
    private var pages: [Int] = []
    private var bookmarks: [(title: String, page: Int)] = []
    /// Each sheet's `Part` element.
    private var parts: [Int] = []
    /// The collection's parent tree: a key and the object it maps to, keys ascending.
    private var parentTree: [(key: Int, object: Int)] = []
    /// The first parent-tree key not used yet.
    private var nextKey = 0
    /// Each sheet's first page (its new number) and title, by the file name the sheet was
    /// added as (`us-rse.pdf`).
    private var sheetPages: [String: (page: Int, title: String)] = [:]
    /// Link annotations to a sheet's file, written by `finish`: the annotation's new number,
    /// its dictionary without `/A`, `/Contents` and the closing `>>`, and those two as written.
    private var heldLinks: [(number: Int, file: String, entries: [UInt8], action: [UInt8], contents: [UInt8]?)] = []

    static let catalog = 1
    static let pageTree = 2
    static let outlines = 3
    static let info = 4
    static let documentElement = 5
    static let structTreeRoot = 6

    init(output: AtomicFileWriter) {
        self.output = output
        output.write("%PDF-1.5\n%\u{B5}\u{ED}\u{AE}\u{FB}\n".unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    }

    /// Copies every page of the PDF `bytes` and adds a bookmark `title` pointing at its first.
    /// Every object is read, and checked for actions (`checkActions`), before anything is
    /// written, so a sheet that cannot be read or carries something no sheet does (and is left
    /// out) leaves no trace in the collection. `file` is the name links to it use (`ID.pdf`).
    func add(_ bytes: [UInt8], title: String, file: String? = nil) throws(PDFSyntaxError) {
        let source = try PDFSourceFile(bytes: bytes)
        let sourcePages = try source.pageNumbers()
        guard !sourcePages.isEmpty else { throw .malformed("no pages") }
        let tree = try SheetStructure(source)
        // Every object the pages and the structure tree need, each given a new number; the
        // sheet's tree root becomes the collection's Document element.
        var mapping: [Int: Int] = [:]
        var order: [Int] = []
        var objects: [Int: PDFSourceFile.Object] = [:]
        var queue = sourcePages
        if let tree {
            mapping[tree.root] = Self.documentElement
            queue += tree.parentTree.map(\.object).reversed()
            queue.append(tree.element)
        }
        var number = nextNumber
        while let next = queue.popLast() {
            guard mapping[next] == nil else { continue }
            mapping[next] = number
            number += 1
            order.append(next)
            let object = try source.object(next)
            try source.checkActions(in: object.tokens)
            try Self.checkParentTreeKeys(object.tokens, of: source)
            objects[next] = object
            queue.append(contentsOf: source.references(in: object.tokens).reversed())
        }
        // The sheet's Part, made before anything is written (it is read like the rest).
        var part: [UInt8]?
        if let tree, let object = objects[tree.element] {
            part = try self.part(object, of: source, language: tree.language, mapping: mapping)
        }
        // Links to a sheet's file, kept for `finish` (read before anything is written, too).
        let keyBase = tree == nil ? nil : nextKey
        var held: [Int: (file: String, entries: [UInt8], action: [UInt8], contents: [UInt8]?)] = [:]
        for number in order {
            guard let object = objects[number], object.stream == nil, let target = Self.sheetFileTarget(object.tokens, in: source.bytes) else { continue }
            let dictionary = try PDFDictionary(object, in: source.bytes)
            guard let action = dictionary.value("/A") else { continue }
            var kept: [PDFToken] = [object.tokens[0]]
            for entry in dictionary.entries where !dictionary.isWord(entry.key, "/A") && !dictionary.isWord(entry.key, "/Contents") {
                kept += object.tokens[(entry.value.lowerBound - 1)..<entry.value.upperBound]
            }
            held[number] = (target, rewrite(kept, of: source, mapping: mapping, keyBase: keyBase),
                            rewrite(Array(object.tokens[action]), of: source, mapping: mapping, keyBase: keyBase),
                            dictionary.value("/Contents").map { rewrite(Array(object.tokens[$0]), of: source, mapping: mapping, keyBase: keyBase) })
        }
        nextNumber = number
        for number in order {
            guard let newNumber = mapping[number], let object = objects[number] else { continue }
            if let link = held[number] {
                heldLinks.append((newNumber, link.file, link.entries, link.action, link.contents))
                continue
            }
            record(newNumber)
            output.write("\(newNumber) 0 obj\n")
            if let tree, number == tree.element, let part {
                output.write(part)
            } else {
                output.write(rewrite(object.tokens, of: source, mapping: mapping, keyBase: keyBase))
            }
            if let stream = object.stream {
                output.write("\nstream\n")
                output.write(source.bytes[stream])
                output.write("\nendstream")
            }
            output.write("\nendobj\n")
        }
        guard let first = sourcePages.first, let firstPage = mapping[first] else { throw .malformed("no pages") }
        bookmarks.append((title, firstPage))
        if let file { sheetPages[file] = (firstPage, title) }
        pages += sourcePages.compactMap { mapping[$0] }
        if let tree, let keyBase, let element = mapping[tree.element] {
            parts.append(element)
            for entry in tree.parentTree {
                if let object = mapping[entry.object] { parentTree.append((keyBase + entry.key, object)) }
            }
            nextKey = keyBase + (tree.parentTree.map(\.key).max() ?? -1) + 1
        }
    }

    /// The sheet file a link annotation's `/URI` names (`URLCheck.isSheetFileLink`), if the
    /// object is one.
    private static func sheetFileTarget(_ tokens: [PDFToken], in bytes: [UInt8]) -> String? {
        guard tokens.first?.kind == .dictionaryStart else { return nil }
        for index in tokens.indices.dropLast() where tokens[index].kind == .name && PDFSourceFile.isWord(bytes, tokens[index].range, "/URI") {
            let value = tokens[index + 1]
            guard value.kind == .string else { continue }
            let target = PDFSourceFile.text(bytes, (value.range.lowerBound + 1)..<(value.range.upperBound - 1))
            if URLCheck.isSheetFileLink(target) { return target }
        }
        return nil
    }

    /// A sheet's root structure element as a `Part` of the collection's Document, with the
    /// sheet's language.
    private func part(_ object: PDFSourceFile.Object, of source: PDFSourceFile, language: String?, mapping: [Int: Int]) throws(PDFSyntaxError) -> [UInt8] {
        let element = try PDFDictionary(object, in: source.bytes)
        var out = Array("<< /Type /StructElem /S /Part /P \(Self.documentElement) 0 R".utf8)
        if let language { out += Array(" /Lang \(language)".utf8) }
        if let kids = element.value("/K") {
            out += Array(" /K ".utf8)
            out += rewrite(Array(element.tokens[kids]), of: source, mapping: mapping, keyBase: nil)
        }
        out += Array(">>".utf8)
        return out
    }

    /// The object's value with every reference renumbered; a page's `/Parent` points at the
    /// collection's page tree. Parent-tree keys (`/StructParents`, `/StructParent`) are moved
    /// up by `keyBase`, or left out when it is nil (a sheet without a structure tree).
    ///
    /// Tokens are told apart and numbers read and written as bytes: this runs on each of a
    /// sheet's several hundred objects, where making a `String` of each name, `R` and number
    /// was a sixth of what copying a sheet cost (callgrind; docs/performance.md).
    private func rewrite(_ tokens: [PDFToken], of source: PDFSourceFile, mapping: [Int: Int], keyBase: Int?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(tokens.count * 8)
        source.bytes.withUnsafeBufferPointer { bytes in
            let lexer = PDFLexer(bytes)
            var index = 0
            while index < tokens.count {
                let token = tokens[index]
                let next = index + 1 < tokens.count ? tokens[index + 1] : nil
                if token.kind == .name, let next, next.kind == .integer, Self.isParentTreeKey(token, of: source) {
                    if let keyBase, let value = lexer.integer(next.range) {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[token.range]))
                        out.append(0x20)
                        Self.append(keyBase + value, to: &out)
                        out.append(0x20)
                    }
                    index += 2
                    continue
                }
                if PDFSourceFile.isReference(tokens, at: index, in: source.bytes), let number = lexer.integer(token.range) {
                    let isParent = index > 0 && tokens[index - 1].kind == .name && lexer.bytes(tokens[index - 1].range, are: "/Parent")
                    // A reference to an object that is not copied (the old page tree, structure
                    // elements) becomes null.
                    if let target = isParent ? Self.pageTree : mapping[number] {
                        Self.append(target, to: &out)
                        out.append(contentsOf: Self.referenceTail)
                    } else {
                        out.append(contentsOf: Self.null)
                    }
                    index += 3
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[token.range]))
                // A separator after every token keeps names, numbers and keywords apart.
                out.append(0x20)
                index += 1
            }
        }
        return out
    }

    /// Throws when a `/StructParents` or `/StructParent` in `tokens` is not a parent-tree key
    /// `SheetStructure` accepts: `rewrite` moves each up by the keys of the sheets before, and
    /// one near the largest integer made that addition overflow (a sheet in the output folder
    /// edited so stopped the build).
    private static func checkParentTreeKeys(_ tokens: [PDFToken], of source: PDFSourceFile) throws(PDFSyntaxError) {
        for index in tokens.indices.dropLast() where tokens[index].kind == .name {
            guard Self.isParentTreeKey(tokens[index], of: source), tokens[index + 1].kind == .integer else { continue }
            guard let key = source.integer(tokens[index + 1].range), SheetStructure.keys.contains(key) else {
                throw .unsupported("a parent-tree key of \(PDFSourceFile.text(source.bytes, tokens[index + 1].range).prefix(40))")
            }
        }
    }

    /// Whether `name` is `/StructParents` (a page's) or `/StructParent` (an annotation's), the
    /// keys whose values are parent-tree keys.
    private static func isParentTreeKey(_ name: PDFToken, of source: PDFSourceFile) -> Bool {
        source.isWord(name.range, "/StructParents") || source.isWord(name.range, "/StructParent")
    }

    private static let referenceTail = Array(" 0 R ".utf8)
    private static let null = Array("null ".utf8)

    /// Appends the decimal digits of `number` (not negative: an object number or a key).
    private static func append(_ number: Int, to out: inout [UInt8]) {
        let start = out.count
        var rest = number.magnitude
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        out[start...].reverse()
    }

    /// Writes the page tree, outline, information dictionary, catalog and cross-reference
    /// table, then commits the file once `check` (see `AtomicFileWriter.commit(check:)`)
    /// passes it.
    func finish(title: String, language: String, creator: String, date: Date, check: ((String) -> String?)? = nil) throws(PipelineError) {
        for link in heldLinks {
            record(link.number)
            output.write("\(link.number) 0 obj\n")
            output.write(link.entries)
            if let sheet = sheetPages[link.file] {
                output.write("/Dest [ \(sheet.page) 0 R /Fit ] /Contents \(PDFTextString.encode(sheet.title)) >>\nendobj\n")
            } else {
                output.write("/A ")
                output.write(link.action)
                if let contents = link.contents {
                    output.write("/Contents ")
                    output.write(contents)
                }
                output.write(">>\nendobj\n")
            }
        }
        record(Self.pageTree)
        output.write("\(Self.pageTree) 0 obj\n<< /Type /Pages /Count \(pages.count) /Kids [ " + pages.map { "\($0) 0 R" }.joined(separator: " ") + " ] >>\nendobj\n")

        let firstEntry = nextNumber
        for (index, bookmark) in bookmarks.enumerated() {
            let number = firstEntry + index
            record(number)
            var entry = "<< /Title \(PDFTextString.encode(bookmark.title)) /Parent \(Self.outlines) 0 R /Dest [ \(bookmark.page) 0 R /Fit ]"
            if index > 0 { entry += " /Prev \(number - 1) 0 R" }
            if index < bookmarks.count - 1 { entry += " /Next \(number + 1) 0 R" }
            output.write("\(number) 0 obj\n\(entry) >>\nendobj\n")
        }
        nextNumber += bookmarks.count
        record(Self.outlines)
        if bookmarks.isEmpty {
            output.write("\(Self.outlines) 0 obj\n<< /Type /Outlines /Count 0 >>\nendobj\n")
        } else {
            output.write("\(Self.outlines) 0 obj\n<< /Type /Outlines /First \(firstEntry) 0 R /Last \(firstEntry + bookmarks.count - 1) 0 R /Count \(bookmarks.count) >>\nendobj\n")
        }
        let stamp = Self.dateString(date)
        record(Self.info)
        output.write("\(Self.info) 0 obj\n<< /Title \(PDFTextString.encode(title)) /Creator \(PDFTextString.encode(creator)) /CreationDate (\(stamp)) /ModDate (\(stamp)) >>\nendobj\n")
        // The structure: one Document holding every sheet's Part, one parent tree.
        record(Self.documentElement)
        output.write("\(Self.documentElement) 0 obj\n<< /Type /StructElem /S /Document /P \(Self.structTreeRoot) 0 R /K [ " + parts.map { "\($0) 0 R" }.joined(separator: " ") + " ] >>\nendobj\n")
        let parentTreeNumber = nextNumber
        record(parentTreeNumber)
        output.write("\(parentTreeNumber) 0 obj\n<< /Nums [ " + parentTree.map { "\($0.key) \($0.object) 0 R" }.joined(separator: " ") + " ] >>\nendobj\n")
        record(Self.structTreeRoot)
        output.write("\(Self.structTreeRoot) 0 obj\n<< /Type /StructTreeRoot /K [ \(Self.documentElement) 0 R ] /ParentTree \(parentTreeNumber) 0 R /ParentTreeNextKey \(nextKey) >>\nendobj\n")
        let metadataNumber = nextNumber + 1
        let metadata = Array(XMPPacket.packet(title: title, language: language).utf8)
        record(metadataNumber)
        output.write("\(metadataNumber) 0 obj\n<< /Type /Metadata /Subtype /XML /Length \(metadata.count) >>\nstream\n")
        output.write(metadata)
        output.write("\nendstream\nendobj\n")
        nextNumber += 2

        record(Self.catalog)
        output.write("\(Self.catalog) 0 obj\n<< /Type /Catalog /Pages \(Self.pageTree) 0 R /Outlines \(Self.outlines) 0 R /PageMode /UseOutlines"
            + " /StructTreeRoot \(Self.structTreeRoot) 0 R /MarkInfo << /Marked true >> /Lang \(PDFTextString.encode(language))"
            + " /ViewerPreferences << /DisplayDocTitle true >> /Metadata \(metadataNumber) 0 R >>\nendobj\n")

        let xref = output.count
        var table = Array("xref\n0 \(nextNumber)\n0000000000 65535 f \n".utf8)
        table.reserveCapacity(table.count + 20 * nextNumber)
        for number in 1..<nextNumber {
            let offset = number < offsets.count ? offsets[number] : 0
            PDFCrossReferenceTable.appendEntry(offset == 0 ? nil : offset, to: &table)
        }
        output.write(table)
        output.write("trailer\n<< /Size \(nextNumber) /Root \(Self.catalog) 0 R /Info \(Self.info) 0 R >>\nstartxref\n\(xref)\n%%EOF\n")
        try output.commit(check: check)
    }

    /// Notes that object `number` starts here.
    private func record(_ number: Int) {
        if offsets.count <= number { offsets += repeatElement(0, count: number + 1 - offsets.count) }
        offsets[number] = output.count
    }

    /// `D:20250101000000Z`.
    static func dateString(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "D:%04d%02d%02d%02d%02d%02dZ", c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
