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
/// Patterns, markers, clip paths and masks (through `url(#id)` in an attribute or `style`) are
/// drawn once for each reference, the same way, and counted so; a gradient's stops are not
/// drawn, and a gradient costs nothing to refer to. A reference to an element being expanded
/// (a cycle) is drawn by librsvg as nothing, and counted as one.
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
        /// The ids this element refers to (`href`, `url(#id)`).
        var references: [String]
        /// The largest stretch of its own transform (1 without one).
        var scale: Double
        /// A gradient: referring to it draws no elements.
        var isGradient: Bool
    }

    private var nodes: [Node] = []
    private var ids: [String: Int] = [:]

    /// Adds an element under `parent` (nil for the root), returning its index.
    mutating func add(parent: Int?, name: String, id: String?, attributes: [(name: String, value: String)]) -> Int {
        var references: [String] = []
        var scale = 1.0
        for attribute in attributes {
            if attribute.name == "xlink:href", attribute.value.hasPrefix("#") { references.append(String(attribute.value.dropFirst())) }
            if attribute.name == "transform" || (attribute.name == "patternTransform" && name == "pattern") {
                scale *= Self.largestStretch(of: attribute.value)
            }
            var rest = Substring(attribute.value)
            while let open = rest.range(of: "(#") {
                let tail = rest[open.upperBound...]
                let end = tail.firstIndex(of: ")") ?? tail.endIndex
                references.append(String(tail[..<end]))
                rest = tail[end...]
            }
        }
        let index = nodes.count
        nodes.append(Node(references: references, scale: scale, isGradient: name == "linearGradient" || name == "radialGradient"))
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
        func next(_ node: Int) -> [Int] {
            nodes[node].children + nodes[node].references.compactMap { ids[$0] }.filter { !nodes[$0].isGradient }
        }
        // Each open element's count so far, and the largest scale below it (0: none yet).
        var stack: [(node: Int, edges: [Int], position: Int, elements: Int, scale: Double)] = [(root, next(root), 0, 1, 0)]
        states[root] = .open
        while let top = stack.last {
            if top.position < top.edges.count {
                let edge = top.edges[top.position]
                stack[stack.count - 1].position += 1
                switch states[edge] {
                case .done(let elements, let scale):
                    stack[stack.count - 1].elements = min(limit + 1, top.elements + elements)
                    stack[stack.count - 1].scale = max(top.scale, scale)
                case .open:
                    // A cycle: librsvg draws nothing for it.
                    stack[stack.count - 1].elements = min(limit + 1, top.elements + 1)
                case .new:
                    states[edge] = .open
                    stack.append((edge, next(edge), 0, 1, 0))
                }
                continue
            }
            stack.removeLast()
            // An element scales what is below it; one with nothing below, as if it drew.
            let scale = nodes[top.node].scale * (top.scale > 0 ? top.scale : 1)
            states[top.node] = .done(elements: top.elements, scale: scale.isNaN ? .infinity : scale)
            if !stack.isEmpty {
                stack[stack.count - 1].elements = min(limit + 1, stack[stack.count - 1].elements + top.elements)
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
