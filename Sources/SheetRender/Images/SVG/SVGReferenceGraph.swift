import Foundation

/// The elements a cleaned SVG keeps, with what each refers to, for the two things no single
/// element's numbers show: how many elements librsvg draws once every reference is expanded,
/// and how far nested transforms scale what is drawn. `SVGCleaner` refuses a logo beyond
/// either limit.
///
/// **Why count references.** A `<use>` draws a copy of the element it names, which may hold
/// `<use>`s of its own: ten groups of ten `<use>`s each naming the group before are 2.6 kB and
/// 10¹⁰ copies. librsvg 2.54 stops only at 500 000 referenced elements, after 11 s of processor
/// time (measured with `profilesheet check-image`; 24 s on a busy machine), so each build paid
/// that. Drawing costs librsvg 40–140 µs an element as counted here (10 000 `<rect>`s: 1.4 s;
/// three levels of thirty `<use>`s, 27 000 rects and 56 000 elements in all: 2.0 s; a sample
/// logo 0.13 s), so `SVGCleaner.maximumDrawnElements` keeps a logo's check near a second.
/// Patterns, clip paths and masks (through `url(#id)` in an attribute or `style`) are drawn once
/// for each reference, the same way, and counted so; a marker once for each vertex it marks
/// (`marker-mid`, `marker`: a path of 3 000 vertices marked with a marker holding another such
/// path, marked in turn, ran into the processor limit). A `<style>` sheet's references are
/// counted as made by every element, as which elements its selectors match is not worked out
/// here: that counts an exported logo's `.cls-1 { clip-path: url(#c) }` once per element, and
/// stops seven patterns of ten shapes each filled by the next through classes, which took
/// librsvg 11 s. A gradient's stops are not drawn, and a gradient costs nothing to refer to. A
/// reference to an element being expanded (a cycle) is drawn by librsvg as nothing, and
/// counted as one.
///
/// **Why bound the scale.** Every number is clamped (±100 000), but nested `transform`s
/// multiply: two `scale(100000)` groups put a 10-unit word at 10¹¹, and librsvg (Pango,
/// FreeType) then draws it until the processor limit stops it; one `scale(100000)` on a
/// 1 000-unit font ran away the same way, while 10 000 on it failed at once (0.3 s).
/// `SVGCleaner.maximumScale` bounds the product of the transforms on any path from the root
/// through children and references (each transform list's largest stretch, its matrix's
/// largest singular value: a rotation is 1, `skewX(89.9999)` 572 958; the product of these
/// bounds the stretch of the whole path).
///
/// Both are computed without recursion (a chain of references can be 10 000 long, and the
/// cleaner runs on worker threads with small stacks), each element once.
struct SVGReferenceGraph {
    private struct Node {
        var children: [Int] = []
        /// The ids this element refers to (`href`, `url(#id)`), and the property that does.
        var references: [(property: String, id: String)]
        /// The vertices a `marker-mid` marks: a number of its path data or points for each.
        var vertices: Int
        /// The largest stretch of its own transform (1 without one).
        var scale: Double
        /// A gradient: referring to it draws no elements.
        var isGradient: Bool
        var isMarker: Bool
    }

    private var nodes: [Node] = []
    private var ids: [String: Int] = [:]
    /// What the `<style>` sheets refer to, counted as if every element did.
    private var sheetReferences: [(property: String, id: String)] = []

    /// The references of a `<style>` sheet's cleaned text (`selector { property: value; … }`).
    mutating func addStyleSheet(_ css: String) {
        for rule in css.split(separator: "}") {
            guard let open = rule.firstIndex(of: "{") else { continue }
            for reference in Self.references(inDeclarations: rule[rule.index(after: open)...])
            where !sheetReferences.contains(where: { $0 == reference }) {
                sheetReferences.append(reference)
            }
        }
    }

    /// The `url(#id)`s of `property: value; …`, each with its property.
    private static func references(inDeclarations text: Substring) -> [(property: String, id: String)] {
        text.split(separator: ";").flatMap { declaration -> [(property: String, id: String)] in
            guard let colon = declaration.firstIndex(of: ":") else { return [] }
            let property = declaration[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            return fragments(in: declaration[colon...]).map { (property: property, id: $0) }
        }
    }

    /// The ids of the `url(#id)`s in `value`.
    private static func fragments(in value: Substring) -> [String] {
        var found: [String] = []
        var rest = value
        while let open = rest.range(of: "(#") {
            let tail = rest[open.upperBound...]
            let end = tail.firstIndex(of: ")") ?? tail.endIndex
            found.append(String(tail[..<end]))
            rest = tail[end...]
        }
        return found
    }

    /// Adds an element under `parent` (nil for the root), returning its index.
    mutating func add(parent: Int?, name: String, id: String?, attributes: [(name: String, value: String)]) -> Int {
        var references: [(property: String, id: String)] = []
        var scale = 1.0
        var vertices = 1
        for attribute in attributes {
            switch attribute.name {
            case "xlink:href":
                if attribute.value.hasPrefix("#") { references.append((property: "href", id: String(attribute.value.dropFirst()))) }
            case "transform", "patternTransform" where name == "pattern":
                scale *= Self.largestStretch(of: attribute.value)
            case "style":
                references += Self.references(inDeclarations: Substring(attribute.value))
            case "d", "points":
                // Every number might be a vertex (an arc has seven): an upper bound.
                vertices = max(1, attribute.value.split(whereSeparator: { !($0.isNumber || $0 == "." || $0 == "e" || $0 == "E") }).count)
            default:
                references += Self.fragments(in: Substring(attribute.value)).map { (property: attribute.name.lowercased(), id: $0) }
            }
        }
        if name == "line" { vertices = 2 }
        let index = nodes.count
        nodes.append(Node(references: references, vertices: vertices, scale: scale,
                          isGradient: name == "linearGradient" || name == "radialGradient", isMarker: name == "marker"))
        if let parent { nodes[parent].children.append(index) }
        if let id, ids[id] == nil { ids[id] = index }
        return index
    }

    /// The elements drawn from `root` with every reference expanded (at most `limit` + 1: the
    /// count stops growing past the limit), and the largest product of scales on a path from
    /// `root` to an element with nothing below it.
    func expanded(from root: Int, limit: Int) -> (elements: Int, scale: Double) {
        guard nodes.indices.contains(root) else { return (0, 1) }
        enum State { case new, open, done(elements: Int, scale: Double) }
        var states = [State](repeating: .new, count: nodes.count)
        /// What `node` draws: its children once each, what it refers to as often as it is drawn.
        func next(_ node: Int) -> [(node: Int, times: Int)] {
            nodes[node].children.map { (node: $0, times: 1) } + (nodes[node].references + sheetReferences).compactMap { reference in
                guard let target = ids[reference.id], !nodes[target].isGradient else { return nil }
                let perVertex = nodes[target].isMarker && (reference.property == "marker-mid" || reference.property == "marker")
                return (node: target, times: perVertex ? nodes[node].vertices : 1)
            }
        }
        // Each open element's count so far, and the largest scale below it (0: none yet).
        var stack: [(node: Int, times: Int, edges: [(node: Int, times: Int)], position: Int, elements: Int, scale: Double)] = [(root, 1, next(root), 0, 1, 0)]
        states[root] = .open
        while let top = stack.last {
            if top.position < top.edges.count {
                let (edge, times) = top.edges[top.position]
                stack[stack.count - 1].position += 1
                switch states[edge] {
                case .done(let elements, let scale):
                    stack[stack.count - 1].elements = min(limit + 1, top.elements + elements * times)
                    stack[stack.count - 1].scale = max(top.scale, scale)
                case .open:
                    // A cycle: librsvg draws nothing for it.
                    stack[stack.count - 1].elements = min(limit + 1, top.elements + 1)
                case .new:
                    states[edge] = .open
                    stack.append((edge, times, next(edge), 0, 1, 0))
                }
                continue
            }
            stack.removeLast()
            // An element scales what is below it; one with nothing below, as if it drew.
            let scale = nodes[top.node].scale * (top.scale > 0 ? top.scale : 1)
            states[top.node] = .done(elements: top.elements, scale: scale.isNaN ? .infinity : scale)
            if !stack.isEmpty {
                stack[stack.count - 1].elements = min(limit + 1, stack[stack.count - 1].elements + top.elements * top.times)
                stack[stack.count - 1].scale = max(stack[stack.count - 1].scale, scale.isNaN ? .infinity : scale)
            }
        }
        if case .done(let elements, let scale) = states[root] { return (elements, scale) }
        return (0, 1)
    }

    /// The largest singular value of the matrix a transform list (`transform="…"`, as the
    /// cleaner wrote it) makes; 1 for a list that does not parse (librsvg ignores it).
    static func largestStretch(of list: String) -> Double {
        // [a c; b d] of SVG's matrix(a b c d e f); translations do not stretch.
        var a = 1.0, b = 0.0, c = 0.0, d = 1.0
        var rest = Substring(list)
        while let open = rest.firstIndex(of: "(") {
            let name = rest[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " ,\t\n\r")).lowercased()
            guard let close = rest[open...].firstIndex(of: ")") else { return 1 }
            let numbers = rest[rest.index(after: open)..<close].split(whereSeparator: { " ,\t\n\r".contains($0) }).map { Double($0) }
            guard !numbers.contains(where: { $0 == nil }) else { return 1 }
            let n = numbers.compactMap { $0 }
            let m: (Double, Double, Double, Double)
            switch (name, n.count) {
            case ("matrix", 6): m = (n[0], n[1], n[2], n[3])
            case ("scale", 1): m = (n[0], 0, 0, n[0])
            case ("scale", 2): m = (n[0], 0, 0, n[1])
            case ("skewx", 1): m = (1, 0, tan(n[0] * .pi / 180), 1)
            case ("skewy", 1): m = (1, tan(n[0] * .pi / 180), 0, 1)
            case ("rotate", 1), ("rotate", 3):
                // A rotation stretches nothing, but turns what a scale after it stretches.
                let angle = n[0] * .pi / 180
                m = (cos(angle), sin(angle), -sin(angle), cos(angle))
            case ("translate", 1...2): m = (1, 0, 0, 1)
            default: return 1
            }
            (a, b, c, d) = (a * m.0 + c * m.1, b * m.0 + d * m.1, a * m.2 + c * m.3, b * m.2 + d * m.3)
            rest = rest[rest.index(after: close)...]
        }
        let sum = a * a + b * b + c * c + d * d
        let determinant = a * d - b * c
        let stretch = ((sum + (max(0, sum * sum - 4 * determinant * determinant)).squareRoot()) / 2).squareRoot()
        return stretch.isNaN ? .infinity : stretch
    }
}
