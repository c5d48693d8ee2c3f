import Yams

/// Reads typed values out of a composed YAML tree, collecting a diagnostic for every problem
/// instead of stopping at the first. Every reader takes the field's dotted path, which names it
/// in messages.
public struct NodeReader {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) {
        self.file = file
    }

    public func location(_ node: Node) -> SourceLocation {
        YAMLDocument.location(of: node, in: file)
    }

    public mutating func error(_ node: Node, _ message: String, hint: String? = nil, field: String? = nil) {
        diagnostics.append(.error(at: location(node), message, hint: hint, field: field))
    }

    public mutating func warning(_ node: Node, _ message: String, hint: String? = nil, field: String? = nil) {
        diagnostics.append(.warning(at: location(node), message, hint: hint, field: field))
    }

    public mutating func report(_ problem: FieldProblem, at node: Node, field: String) {
        error(node, problem.message, hint: problem.hint, field: field)
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    // MARK: - Shapes

    public static func kind(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar): scalar.string.isEmpty && scalar.style == .plain ? "nothing" : "a single value"
        case .alias: "an alias"
        }
    }

    /// An empty plain scalar, `key:` with nothing after it.
    public static func isEmptyValue(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain, scalar.string.isEmpty { return true }
        return false
    }

    public mutating func mapping(_ node: Node, field: String, expected: String) -> Node.Mapping? {
        if case .mapping(let mapping) = node { return mapping }
        error(node, "'\(field)' must be \(expected), found \(Self.kind(of: node))", field: field)
        return nil
    }

    public mutating func sequence(_ node: Node, field: String, count: ClosedRange<Int>, itemName: String = "items") -> [Node]? {
        guard case .sequence(let sequence) = node else {
            let example = node.scalar.map { "[\($0.string)]" }
            error(node, "'\(field)' must be a list, found \(Self.kind(of: node))",
                  hint: example.map { "write a list, e.g. \(field.split(separator: ".").last ?? ""): \($0)" }, field: field)
            return nil
        }
        let items = Array(sequence)
        if items.count > count.upperBound {
            error(node, "'\(field)' has \(items.count) \(itemName)", hint: "at most \(count.upperBound) are allowed; remove \(items.count - count.upperBound)", field: field)
        } else if items.count < count.lowerBound {
            error(node, "'\(field)' has \(items.count) \(itemName)", hint: "at least \(count.lowerBound) are needed", field: field)
        }
        return items
    }

    /// The scalar's text, or a diagnostic saying it is a list or a mapping instead.
    public mutating func scalarText(_ node: Node, field: String, expected: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(node, "'\(field)' must be \(expected), found \(Self.kind(of: node))", field: field)
            return nil
        }
        return scalar.string
    }

    /// The keys of a mapping, checked against the allowed ones. Unknown keys get a "did you
    /// mean"; keys that are not plain text are errors.
    public mutating func entries(
        of mapping: Node.Mapping, allowed: [String], field: String?, homes: [String: String] = [:]
    ) -> [String: (key: Node, value: Node)] {
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error(key, "keys must be plain text, found \(Self.kind(of: key))")
                continue
            }
            let name = scalar.string
            if name == "<<" { continue }  // reported by StructureCheck
            guard allowed.contains(name) else {
                let place = field.map { "in '\($0)'" } ?? "in a profile"
                var hint = Suggestion.didYouMean(name, in: allowed)
                if hint == nil, let home = homes[name] {
                    hint = "'\(name)' belongs under '\(home)'"
                }
                if hint == nil, allowed.count <= 8 {
                    hint = "the keys allowed here are " + allowed.map { "'\($0)'" }.joined(separator: ", ")
                }
                error(key, "unknown key '\(name)' \(place)", hint: hint, field: field.map { "\($0).\(name)" } ?? name)
                continue
            }
            result[name] = (key, value)
        }
        return result
    }

    // MARK: - Typed values

    public mutating func text(_ node: Node, field: String, length: ClosedRange<Int>) -> String? {
        guard let raw = scalarText(node, field: field, expected: "text") else { return nil }
        switch ScalarRules.text(raw, field: field, length: length) {
        case .success(let value): return value.isEmpty ? nil : value
        case .failure(let problem): report(problem, at: node, field: field); return nil
        }
    }

    public mutating func richText(_ node: Node, field: String, length: ClosedRange<Int>) -> RichText? {
        guard let raw = scalarText(node, field: field, expected: "text") else { return nil }
        let trimmed = raw.trimmingWhitespace()
        if let bad = trimmed.unicodeScalars.first(where: ScalarRules.isForbiddenControl) {
            error(node, "'\(field)' contains the control character \(bad.codePoint)", hint: "only line breaks are allowed in text; remove it", field: field)
            return nil
        }
        let (rich, rejected) = RichTextParser().parse(trimmed)
        for link in rejected {
            error(node, "'\(field)' links to '\(link.target)', which is not an http or https URL",
                  hint: "links must start with https:// or http://", field: field)
        }
        switch ScalarRules.checkLength(rich.plainText, count: rich.length, field: field, length: length) {
        case .success: return rich.length == 0 ? nil : rich
        case .failure(let problem): report(problem, at: node, field: field); return nil
        }
    }

    public mutating func integer(_ node: Node, field: String, range: ClosedRange<Int>) -> Int? {
        guard let raw = scalarText(node, field: field, expected: "a whole number") else { return nil }
        if Self.isEmptyValue(node) {
            error(node, "'\(field)' has no value", hint: "give it a value or remove the key", field: field)
            return nil
        }
        switch ScalarRules.integer(raw, field: field, range: range) {
        case .success(let value): return value
        case .failure(let problem): report(problem, at: node, field: field); return nil
        }
    }

    public mutating func decimal(_ node: Node, field: String, range: ClosedRange<Double>, places: Int) -> Double? {
        guard let raw = scalarText(node, field: field, expected: "a number") else { return nil }
        if Self.isEmptyValue(node) {
            error(node, "'\(field)' has no value", hint: "give it a value or remove the key", field: field)
            return nil
        }
        switch ScalarRules.decimal(raw, field: field, range: range, places: places) {
        case .success(let value): return value
        case .failure(let problem): report(problem, at: node, field: field); return nil
        }
    }

    public mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node, field: String, as type: T.Type) -> T? where T.RawValue == String {
        guard let raw = scalarText(node, field: field, expected: "one of its allowed values") else { return nil }
        let value = raw.trimmingWhitespace()
        if let choice = T(rawValue: value) { return choice }
        let allowed = T.allCases.map(\.rawValue)
        let hint = Suggestion.didYouMean(value, in: allowed)
            ?? "use one of " + allowed.map { "'\($0)'" }.joined(separator: ", ")
        error(node, "'\(field)' must be one of its allowed values, found '\(value)'", hint: hint, field: field)
        return nil
    }

    public mutating func webURL(_ node: Node, field: String) -> String? {
        guard let value = text(node, field: field, length: 1...2000) else { return nil }
        guard URLCheck.isWebURL(value) else {
            error(node, "'\(field)' must be an http or https URL, found '\(value)'",
                  hint: value.contains("://") ? "only http and https links are allowed" : "write the full address, e.g. https://\(value)",
                  field: field)
            return nil
        }
        return value
    }

    /// A list of texts, each checked, optionally required to be distinct (ignoring case).
    public mutating func textList(
        _ node: Node, field: String, count: ClosedRange<Int>, length: ClosedRange<Int>, distinct: Bool, itemName: String
    ) -> [String] {
        guard let items = sequence(node, field: field, count: count, itemName: itemName + "s") else { return [] }
        var values: [String] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let itemField = "\(field)[\(index + 1)]"
            guard let value = text(item, field: itemField, length: length) else { continue }
            if distinct {
                let key = value.lowercased()
                if let first = seen[key] {
                    error(item, "\(itemName) '\(value)' is listed twice in '\(field)'", hint: "it is already item \(first); remove one", field: field)
                    continue
                }
                seen[key] = index + 1
            }
            values.append(value)
        }
        return values
    }

    public mutating func richList(_ node: Node, field: String, count: ClosedRange<Int>, length: ClosedRange<Int>) -> [RichText] {
        guard let items = sequence(node, field: field, count: count) else { return [] }
        var values: [RichText] = []
        for (index, item) in items.enumerated() {
            let itemField = "\(field)[\(index + 1)]"
            if let value = richText(item, field: itemField, length: length) { values.append(value) }
        }
        return values
    }
}
