import Foundation

/// Joins finished sheet PDFs into one collection PDF with a bookmark per community, streaming:
/// each sheet is read, its pages' objects renumbered and copied, and the sheet dropped before
/// the next is read. Only the new objects' offsets stay in memory.
///
/// The sheets' structure trees are not carried over (each belongs to its own file); their
/// pages, fonts, images and link annotations are.
final class PDFCollectionWriter {
    private let output: AtomicFileWriter
    /// Offsets of the objects written, indexed by new object number; 0 for none (nothing
    /// starts at 0, where the header is). An array: a collection holds some fifty objects a
    /// sheet, and a dictionary of them grew the build's memory by some 10 MiB at 4000 sheets.
    private var offsets: [Int] = []
    private var nextNumber = 5
    private var pages: [Int] = []
    private var bookmarks: [(title: String, page: Int)] = []

    static let catalog = 1
    static let pageTree = 2
    static let outlines = 3
    static let info = 4

    init(output: AtomicFileWriter) {
        self.output = output
        output.write("%PDF-1.5\n%\u{B5}\u{ED}\u{AE}\u{FB}\n".unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    }

    /// Copies every page of the PDF `bytes` and adds a bookmark `title` pointing at its first.
    /// Every object is read, and checked for actions (`checkActions`), before anything is
    /// written, so a sheet that cannot be read or carries something no sheet does (and is left
    /// out) leaves no trace in the collection.
    func add(_ bytes: [UInt8], title: String) throws(PDFCollectionError) {
        let source = try PDFSourceFile(bytes: bytes)
        let sourcePages = try source.pageNumbers()
        guard !sourcePages.isEmpty else { throw .malformed("no pages") }
        // Every object the pages need, each given a new number.
        var mapping: [Int: Int] = [:]
        var order: [Int] = []
        var objects: [Int: PDFSourceFile.Object] = [:]
        var queue = sourcePages
        var number = nextNumber
        while let next = queue.popLast() {
            guard mapping[next] == nil else { continue }
            mapping[next] = number
            number += 1
            order.append(next)
            let object = try source.object(next)
            try source.checkActions(in: object.tokens)
            objects[next] = object
            queue.append(contentsOf: source.references(in: object.tokens).reversed())
        }
        nextNumber = number
        for number in order {
            guard let newNumber = mapping[number], let object = objects[number] else { continue }
            record(newNumber)
            output.write("\(newNumber) 0 obj\n")
            output.write(rewrite(object.tokens, of: source, mapping: mapping))
            if let stream = object.stream {
                output.write("\nstream\n")
                output.write(source.bytes[stream])
                output.write("\nendstream")
            }
            output.write("\nendobj\n")
        }
        guard let first = sourcePages.first, let firstPage = mapping[first] else { throw .malformed("no pages") }
        bookmarks.append((title, firstPage))
        pages += sourcePages.compactMap { mapping[$0] }
    }

    /// The object's value with every reference renumbered; a page's `/Parent` points at the
    /// collection's page tree.
    private func rewrite(_ tokens: [PDFToken], of source: PDFSourceFile, mapping: [Int: Int]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if index + 2 < tokens.count, token.kind == .number, tokens[index + 1].kind == .number,
               tokens[index + 2].kind == .keyword, PDFSourceFile.text(source.bytes, tokens[index + 2].range) == "R",
               let number = Int(PDFSourceFile.text(source.bytes, token.range)) {
                let isParent = index > 0 && tokens[index - 1].kind == .name && PDFSourceFile.text(source.bytes, tokens[index - 1].range) == "/Parent"
                // A reference to an object that is not copied (the old page tree, structure
                // elements) becomes null.
                let target = isParent ? Self.pageTree : mapping[number]
                out += Array((target.map { "\($0) 0 R" } ?? "null").utf8)
                out.append(0x20)
                index += 3
                continue
            }
            if token.kind == .comment {
                index += 1
                continue
            }
            out += source.bytes[token.range]
            // A separator after every token keeps names, numbers and keywords apart.
            out.append(token.kind == .comment ? 0x0A : 0x20)
            index += 1
        }
        return out
    }

    /// Writes the page tree, outline, information dictionary, catalog and cross-reference
    /// table, then commits the file once `check` (see `AtomicFileWriter.commit(check:)`)
    /// passes it.
    func finish(title: String, creator: String, date: Date, check: ((String) -> String?)? = nil) throws(PipelineError) {
        record(Self.pageTree)
        output.write("\(Self.pageTree) 0 obj\n<< /Type /Pages /Count \(pages.count) /Kids [ " + pages.map { "\($0) 0 R" }.joined(separator: " ") + " ] >>\nendobj\n")

        let firstEntry = nextNumber
        for (index, bookmark) in bookmarks.enumerated() {
            let number = firstEntry + index
            record(number)
            var entry = "<< /Title \(Self.textString(bookmark.title)) /Parent \(Self.outlines) 0 R /Dest [ \(bookmark.page) 0 R /Fit ]"
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
        output.write("\(Self.info) 0 obj\n<< /Title \(Self.textString(title)) /Creator \(Self.textString(creator)) /CreationDate (\(stamp)) /ModDate (\(stamp)) >>\nendobj\n")
        record(Self.catalog)
        output.write("\(Self.catalog) 0 obj\n<< /Type /Catalog /Pages \(Self.pageTree) 0 R /Outlines \(Self.outlines) 0 R /PageMode /UseOutlines >>\nendobj\n")

        let xref = output.count
        output.write("xref\n0 \(nextNumber)\n0000000000 65535 f \n")
        for number in 1..<nextNumber {
            let offset = number < offsets.count ? offsets[number] : 0
            let digits = String(offset)
            output.write(String(repeating: "0", count: max(0, 10 - digits.count)) + digits + (offset == 0 ? " 00000 f \n" : " 00000 n \n"))
        }
        output.write("trailer\n<< /Size \(nextNumber) /Root \(Self.catalog) 0 R /Info \(Self.info) 0 R >>\nstartxref\n\(xref)\n%%EOF\n")
        try output.commit(check: check)
    }

    /// Notes that object `number` starts here.
    private func record(_ number: Int) {
        if offsets.count <= number { offsets += repeatElement(0, count: number + 1 - offsets.count) }
        offsets[number] = output.count
    }

    /// A PDF text string: literal for printable ASCII, else UTF-16BE with a byte order mark.
    static func textString(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            var escaped = ""
            for character in text {
                if character == "(" || character == ")" || character == "\\" { escaped.append("\\") }
                escaped.append(character)
            }
            return "(\(escaped))"
        }
        var hex = "<FEFF"
        for unit in text.utf16 { hex += String(format: "%04X", unit) }
        return hex + ">"
    }

    /// `D:20250101000000Z`.
    static func dateString(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "D:%04d%02d%02d%02d%02d%02dZ", c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
