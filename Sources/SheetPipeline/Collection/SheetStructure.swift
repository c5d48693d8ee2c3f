import SheetPDF

/// What the collection needs of a sheet's structure tree: the tree root, the one element below
/// it (the sheet's `Document`), the parent tree's entries and the catalog's language.
struct SheetStructure {
    let root: Int
    let element: Int
    let parentTree: [(key: Int, object: Int)]
    /// The catalog's `/Lang`, as written (a PDF string).
    let language: String?

    /// The parent-tree keys a sheet may use: cairo numbers them from 0, one a page and one an
    /// annotation. The collection moves each sheet's keys past those of the sheets before it, so
    /// a key near the largest integer would overflow there.
    static let keys = 0..<(1 << 31)

    /// Nil when the sheet has no structure tree.
    init?(_ source: PDFSourceFile) throws(PDFSyntaxError) {
        let catalog = try PDFDictionary(source.object(source.root), in: source.bytes)
        guard let root = catalog.reference("/StructTreeRoot") else { return nil }
        let tree = try PDFDictionary(source.object(root), in: source.bytes)
        guard let kids = tree.value("/K") else { throw .malformed("a structure tree without elements") }
        let references = tree.references(in: kids)
        guard references.count == 1, let element = references.first else {
            throw .unsupported("a structure tree with \(references.count) top-level elements")
        }
        guard let parentTreeNumber = tree.reference("/ParentTree") else { throw .malformed("a structure tree without a parent tree") }
        let parentTree = try PDFDictionary(source.object(parentTreeNumber), in: source.bytes)
        guard parentTree.value("/Kids") == nil, let nums = parentTree.value("/Nums") else {
            throw .unsupported("a parent tree of more than one node")
        }
        var entries: [(key: Int, object: Int)] = []
        var index = nums.lowerBound + 1
        while index + 3 < nums.upperBound {
            guard let key = parentTree.integer(index), PDFSourceFile.isReference(parentTree.tokens, at: index + 1, in: parentTree.bytes),
                  let object = parentTree.integer(index + 1)
            else { throw .unsupported("a parent tree entry that is not a reference") }
            guard Self.keys.contains(key) else { throw .unsupported("a parent-tree key of \(key)") }
            entries.append((key, object))
            index += 4
        }
        self.root = root
        self.element = element
        self.parentTree = entries
        self.language = catalog.value("/Lang").map { String(decoding: catalog.raw($0), as: UTF8.self) }
    }
}
