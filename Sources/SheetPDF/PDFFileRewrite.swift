/// A PDF written again from one `PDFSourceFile`: every object's bytes copied as they are
/// unless replaced, new objects after them, and a new cross-reference table and trailer.
package struct PDFFileRewrite {
    package let source: PDFSourceFile
    private var replacements: [Int: (value: [UInt8], stream: [UInt8]?)] = [:]
    private var added: [(value: [UInt8], stream: [UInt8]?)] = []
    private let firstNew: Int

    package init(source: PDFSourceFile) {
        self.source = source
        firstNew = (source.offsets.keys.max() ?? 0) + 1
    }

    /// Object `number` becomes `value` (a dictionary), with `stream` data if given.
    package mutating func replace(_ number: Int, with value: [UInt8], stream: [UInt8]? = nil) {
        replacements[number] = (value, stream)
    }

    /// A new object; returns its number.
    package mutating func add(_ value: [UInt8], stream: [UInt8]? = nil) -> Int {
        added.append((value, stream))
        return firstNew + added.count - 1
    }

    package func written() -> [UInt8] {
        let bytes = source.bytes
        let ordered = source.offsets.sorted { $0.value < $1.value }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16_384)
        let size = firstNew + added.count
        var offsets = [Int?](repeating: nil, count: size)
        // The header: everything before the first object.
        out.append(contentsOf: bytes[0..<(ordered.first?.value ?? source.crossReferenceOffset)])
        func emit(_ number: Int, _ value: [UInt8], _ stream: [UInt8]?) {
            offsets[number] = out.count
            out.append(contentsOf: "\(number) 0 obj\n".utf8)
            out.append(contentsOf: value)
            if let stream {
                out.append(contentsOf: "\nstream\n".utf8)
                out.append(contentsOf: stream)
                out.append(contentsOf: "\nendstream".utf8)
            }
            out.append(contentsOf: "\nendobj\n".utf8)
        }
        for (position, entry) in ordered.enumerated() {
            if let replacement = replacements[entry.key] {
                emit(entry.key, replacement.value, replacement.stream)
                continue
            }
            let end = position + 1 < ordered.count ? ordered[position + 1].value : source.crossReferenceOffset
            offsets[entry.key] = out.count
            out.append(contentsOf: bytes[entry.value..<end])
        }
        for (index, object) in added.enumerated() { emit(firstNew + index, object.value, object.stream) }

        let xref = out.count
        out.append(contentsOf: "xref\n0 \(size)\n0000000000 65535 f \n".utf8)
        for number in 1..<size { PDFCrossReferenceTable.appendEntry(offsets[number], to: &out) }
        var trailer = "trailer\n<< /Size \(size) /Root \(source.root) 0 R"
        if let info = source.info { trailer += " /Info \(info) 0 R" }
        trailer += " >>\nstartxref\n\(xref)\n%%EOF\n"
        out.append(contentsOf: trailer.utf8)
        return out
    }
}
