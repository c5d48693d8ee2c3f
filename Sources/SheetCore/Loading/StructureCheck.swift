import Yams

/// Rejects what the format forbids in a composed tree: anchors (and so aliases, which share
/// the anchored node), explicit tags, merge keys, and nesting deeper than
/// `YAMLDocument.maximumDepth`. It walks iteratively, so depth costs no stack, and it does not
/// descend into anchored nodes, so a billion-laughs tree is never walked in full.
enum StructureCheck {
    static func diagnostics(for root: Node, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reportedDepth = false
        var stack: [(node: Node, depth: Int)] = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            let location = YAMLDocument.location(of: node, in: file)
            if node.anchor != nil {
                diagnostics.append(.error(
                    at: location, "anchors and aliases are not allowed",
                    hint: "write the value out in full where it is used"))
                continue
            }
            if let tag = explicitTag(of: node) {
                diagnostics.append(.error(
                    at: location, "tags are not allowed: '\(tag)'",
                    hint: "remove the tag; each field is read as the type the format declares"))
            }
            if depth > YAMLDocument.maximumDepth {
                if !reportedDepth {
                    diagnostics.append(.error(
                        at: location, "the file nests deeper than \(YAMLDocument.maximumDepth) levels",
                        hint: "no field of the format nests this deep"))
                    reportedDepth = true
                }
                continue
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() {
                    if case .scalar(let scalar) = key, scalar.string == "<<", scalar.style == .plain {
                        diagnostics.append(.error(
                            at: YAMLDocument.location(of: key, in: file), "merge keys ('<<') are not allowed",
                            hint: "write the keys out in full"))
                        continue
                    }
                    stack.append((value, depth + 1))
                    stack.append((key, depth + 1))
                }
            case .sequence(let sequence):
                for item in sequence.reversed() { stack.append((item, depth + 1)) }
            case .scalar, .alias:
                break
            }
        }
        return diagnostics
    }

    /// The tag written in the file, if any (`!!int`, `!custom`). Yams resolves every node's tag
    /// when it is made; with the basic resolver untagged nodes resolve to `str`, `map` and `seq`,
    /// so any other tag was written in the file. (`!!str` itself changes nothing and passes.)
    static func explicitTag(of node: Node) -> String? {
        let name: String
        let resolved: String
        switch node {
        case .scalar(let scalar): (name, resolved) = (scalar.tag.description, "tag:yaml.org,2002:str")
        case .mapping(let mapping): (name, resolved) = (mapping.tag.description, "tag:yaml.org,2002:map")
        case .sequence(let sequence): (name, resolved) = (sequence.tag.description, "tag:yaml.org,2002:seq")
        case .alias: return nil
        }
        guard !name.isEmpty, name != "!", name != resolved else { return nil }
        return name.replacingOccurrences(of: "tag:yaml.org,2002:", with: "!!")
    }
}
