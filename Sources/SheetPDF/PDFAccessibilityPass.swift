import Foundation

/// The pass over a PDF cairo 1.16 wrote that adds what cairo cannot write and PDF/UA-1 needs:
/// the catalog's `/Lang`, `/ViewerPreferences /DisplayDocTitle` and XMP metadata
/// (`dc:title`, `pdfuaid:part` 1); `/Alt`, `/Lang` and table header scopes on the structure
/// elements the painter opened (`TaggedElement`, matched to cairo's tree in order);
/// `/Contents` on link annotations and `/Tabs /S` on their pages; and every unmarked painting
/// operator of the pages marked as an Artifact (`ContentArtifactMarker`).
///
/// Written on the repository's own PDF reader (`PDFSourceFile`, `PDFLexer`) rather than
/// libqpdf's C API, for cost: qpdf reading and writing a three-page sheet took 4–6 ms of CPU
/// here (`qpdf_read_memory` 0.5 ms, `qpdf_write` 3.6–5.4 ms with streams preserved, measured
/// over 20–200 passes on the US-RSE sheet while the machine was busy), some 15 % of a
/// sheet's 28 ms, against the issue's 10 % for all of tagging. This pass reads only the
/// objects it changes (the catalog, the structure elements, the pages, their annotations and
/// content streams), copies every other object's bytes as they are, and writes a new
/// cross-reference table, so the file stays one that `PDFSourceFile` reads (the collection
/// copies sheets with it). What it reads is the subset of PDF cairo writes: a classic
/// cross-reference table, no object streams, no incremental updates.
package enum PDFAccessibilityPass {
    package static func apply(
        to bytes: [UInt8], title: String, language: String, elements: [TaggedElement]
    ) throws(PDFSyntaxError) -> [UInt8] {
        let source = try PDFSourceFile(bytes: bytes)
        var file = PDFFileRewrite(source: source)
        let catalog = try PDFDictionary(source.object(source.root), in: bytes)
        guard let treeRoot = catalog.reference("/StructTreeRoot") else { throw .malformed("no structure tree") }

        // The structure elements, depth first, against the painter's list.
        var annotationDescriptions: [Int: String] = [:]
        let tree = try PDFDictionary(source.object(treeRoot), in: bytes)
        var stack = try children(of: tree, in: source).elements.reversed() as [(number: Int, dictionary: PDFDictionary)]
        var index = 0
        while let (number, element) = stack.popLast() {
            let kids = try children(of: element, in: source)
            guard index < elements.count else { throw .malformed("more structure elements than the painter opened") }
            let note = elements[index]
            index += 1
            guard Self.isType(element, note.type) else {
                throw .malformed("structure element \(index) of type \(element.word("/S") ?? "?") where the painter opened \(note.type)")
            }
            var changes: [(key: StaticString, value: String?)] = []
            if let alt = note.alt { changes.append(("/Alt", PDFTextString.encode(alt))) }
            if let language = note.language { changes.append(("/Lang", PDFTextString.encode(language))) }
            if let scope = note.scope { changes.append(("/A", "<< /O /Table /Scope /\(scope.rawValue) >>")) }
            if !changes.isEmpty { file.replace(number, with: element.written(setting: changes)) }
            if let description = note.linkDescription {
                for annotation in kids.annotations { annotationDescriptions[annotation] = description }
            }
            stack.append(contentsOf: kids.elements.reversed())
        }
        guard index == elements.count else { throw .malformed("\(index) structure elements where the painter opened \(elements.count)") }

        for page in try source.pageNumbers() {
            let dictionary = try PDFDictionary(source.object(page), in: bytes)
            var annotations: [Int] = []
            if let value = dictionary.value("/Annots") {
                guard dictionary.tokens[value.lowerBound].kind == .arrayStart else { throw .unsupported("an /Annots array that is not written in its page") }
                annotations = dictionary.references(in: value)
                file.replace(page, with: dictionary.written(setting: [("/Tabs", "/S")]))
            }
            for annotation in annotations {
                let annot = try PDFDictionary(source.object(annotation), in: bytes)
                guard annot.value("/Subtype", is: "/Link") else { continue }
                let description = annotationDescriptions[annotation] ?? uri(of: annot) ?? "Link"
                file.replace(annotation, with: annot.written(setting: [("/Contents", PDFTextString.encode(description))]))
            }
            guard let contents = dictionary.reference("/Contents") else {
                throw .unsupported("page contents that are not one stream")
            }
            let stream = try source.object(contents)
            guard let data = stream.stream else { throw .malformed("page contents that are not a stream") }
            let streamDictionary = try PDFDictionary(stream, in: bytes)
            let plain: [UInt8]
            if streamDictionary.value("/Filter") == nil {
                plain = Array(bytes[data])
            } else if streamDictionary.value("/Filter", is: "/FlateDecode"), streamDictionary.value("/DecodeParms") == nil {
                plain = try FlateCodec.inflate(bytes[data])
            } else {
                throw .unsupported("a page content filter other than FlateDecode")
            }
            let marked = try FlateCodec.deflate(try ContentArtifactMarker.mark(plain))
            file.replace(contents, with: Array("<< /Length \(marked.count) /Filter /FlateDecode >>".utf8), stream: marked)
        }

        let metadata = Array(XMPPacket.packet(title: title, language: language).utf8)
        let metadataNumber = file.add(Array("<< /Type /Metadata /Subtype /XML /Length \(metadata.count) >>".utf8), stream: metadata)
        file.replace(source.root, with: catalog.written(setting: [
            ("/Lang", PDFTextString.encode(language)),
            ("/MarkInfo", "<< /Marked true >>"),
            ("/ViewerPreferences", "<< /DisplayDocTitle true >>"),
            ("/Metadata", "\(metadataNumber) 0 R"),
        ]))
        return file.written()
    }

    /// A structure node's child elements, read (each is read once, here, to tell an element
    /// from an `/MCR` or `/OBJR` object: reading it again for the element itself cost the pass
    /// about 2.5 M of its 15.1 M instructions a sheet), and the annotations it holds (`/OBJR`),
    /// in order.
    private static func children(
        of node: PDFDictionary, in source: PDFSourceFile
    ) throws(PDFSyntaxError) -> (elements: [(number: Int, dictionary: PDFDictionary)], annotations: [Int]) {
        guard let value = node.value("/K") else { return ([], []) }
        var elements: [Int] = []
        var annotations: [Int] = []
        var index = value.lowerBound
        if node.tokens[index].kind == .arrayStart { index += 1 }
        let end = node.tokens[value.upperBound - 1].kind == .arrayEnd ? value.upperBound - 1 : value.upperBound
        while index < end {
            let next = PDFDictionary.valueEnd(node.tokens, node.bytes, from: index)
            if next - index == 3, let number = node.integer(index) {
                elements.append(number)
            } else if node.tokens[index].kind == .dictionaryStart {
                // An /MCR or /OBJR dictionary, written inline by cairo.
                let inner = index..<next
                if let type = inner.first(where: { node.tokens[$0].kind == .name && node.isWord($0, "/Type") }),
                   type + 1 < next, node.isWord(type + 1, "/OBJR"),
                   let obj = inner.first(where: { node.tokens[$0].kind == .name && node.isWord($0, "/Obj") }),
                   obj + 3 < next, let number = node.integer(obj + 1) {
                    annotations.append(number)
                }
            }
            index = next
        }
        // An element whose kids are only references may still be an /MCR or /OBJR object.
        var kept: [(number: Int, dictionary: PDFDictionary)] = []
        for number in elements {
            let object = try PDFDictionary(source.object(number), in: source.bytes)
            if object.value("/Type", is: "/OBJR") {
                if let target = object.reference("/Obj") { annotations.append(target) }
            } else if !object.value("/Type", is: "/MCR") {
                kept.append((number, object))
            }
        }
        return (kept, annotations)
    }

    /// Whether the element's `/S` is `/` and `type`.
    private static func isType(_ element: PDFDictionary, _ type: String) -> Bool {
        guard let value = element.value("/S"), value.count == 1, element.tokens[value.lowerBound].kind == .name else { return false }
        return element.bytes[element.tokens[value.lowerBound].range].dropFirst().elementsEqual(type.utf8)
    }

    /// A link annotation's URI, for a `/Contents` when the painter gave no description.
    private static func uri(of annotation: PDFDictionary) -> String? {
        guard let action = annotation.value("/A") else { return nil }
        guard let key = action.first(where: { annotation.tokens[$0].kind == .name && annotation.isWord($0, "/URI") }),
              key + 1 < action.upperBound, annotation.tokens[key + 1].kind == .string
        else { return nil }
        let literal = annotation.text(key + 1)
        return String(literal.dropFirst().dropLast()).replacingOccurrences(of: "\\", with: "")
    }
}
