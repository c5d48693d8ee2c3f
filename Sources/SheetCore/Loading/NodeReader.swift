import Yams

/// Reads typed values out of a composed YAML tree, collecting a diagnostic for every problem
/// instead of stopping at the first. Every reader takes the field's dotted path, which names it
/// in messages.
public struct NodeReader {
    public let file: String
    /// The document read, when there is one: it lets a problem inside a text point at the
    /// character instead of the text's start.
    public let document: YAMLDocument?
    public private(set) var diagnostics: [Diagnostic] = []
    /// The most errors reported for one file. A file can hold 100 000 wrong keys or list items;
    /// after this many the reader says so once and records no more (and the loaders stop
    /// looking), so that such a file costs neither time nor a flood of output.
    public static let maximumErrors = 100
    private var errorCount = 0

    /// Whether `maximumErrors` have been reported: further errors are dropped.
    public var isFull: Bool { errorCount >= Self.maximumErrors }

    public init(file: String) {
        self.file = file
        self.document = nil
    }

    public init(document: YAMLDocument) {
        self.file = document.file
        self.document = document
    }

    public func location(_ node: Node) -> SourceLocation {
        YAMLDocument.location(of: node, in: file)
    }

    public mutating func error(_ node: Node, _ message: String, hint: String? = nil, field: String? = nil) {
        error(at: location(node), message, hint: hint, field: field)
    }

    public mutating func error(at location: SourceLocation, _ message: String, hint: String? = nil, field: String? = nil) {
        append(.error(at: location, message, hint: hint, field: field))
    }

    /// An error about the first forbidden control character of the text `raw` of `node`,
    /// pointing at the character when the source allows.
    mutating func controlCharacterError(_ node: Node, raw: String, field: String) -> Bool {
        guard let bad = raw.trimmingWhitespace().unicodeScalars.first(where: ScalarRules.isForbiddenControl) else { return false }
        let location = isFull ? location(node) : document?.location(in: node, value: raw, firstWhere: { $0 == bad }) ?? location(node)
        error(at: location, "'\(field)' contains the control character \(bad.codePoint)",
              hint: "only line breaks are allowed in text; remove it", field: field)
        return true
    }

    public mutating func warning(_ node: Node, _ message: String, hint: String? = nil, field: String? = nil) {
        diagnostics.append(.warning(at: location(node), message, hint: hint, field: field))
    }

    public mutating func report(_ problem: FieldProblem, at node: Node, field: String) {
        error(node, problem.message, hint: problem.hint, field: field)
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        guard diagnostic.severity == .error else {
            if !isFull { diagnostics.append(diagnostic) }
            return
        }
        guard !isFull else { return }
        errorCount += 1
        diagnostics.append(diagnostic)
        if isFull {
            // From here on the loaders stop looking: say so where they stopped.
            diagnostics.append(.error(
                at: diagnostic.location, "too many problems in the file; stopped after \(Self.maximumErrors)",
                hint: "fix these and run again"))
        }
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
        // `host A university` under `structure:` is a forgotten ':', not a text.
        let forgotColon = node.scalar.map { $0.style == .plain && $0.string.contains(" ") } ?? false
        error(node, "'\(field)' must be \(expected), found \(Self.kind(of: node))",
              hint: forgotColon ? "write each entry as 'key: value'; is a ':' missing?" : nil, field: field)
        return nil
    }

    public mutating func sequence(_ node: Node, field: String, count: ClosedRange<Int>) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            let example = node.scalar.flatMap { $0.string.isEmpty ? nil : "[\(ScalarRules.shown($0.string))]" }
            error(node, "'\(field)' must be a list, found \(Self.kind(of: node))",
                  hint: example.map { "write a list, e.g. \(field.split(separator: ".").last ?? ""): \($0)" }, field: field)
            return nil
        }
        let items = Array(sequence)
        if items.count > count.upperBound {
            // At the first item past the limit: that is where the list becomes too long.
            error(items[count.upperBound], "'\(field)' has \(items.count) items",
                  hint: "at most \(count.upperBound) are allowed; remove \(items.count - count.upperBound)", field: field)
        } else if items.count < count.lowerBound {
            error(node, "'\(field)' has \(items.count) item\(items.count == 1 ? "" : "s")", hint: "at least \(count.lowerBound) are needed", field: field)
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
                error(key, "keys must be plain text, found \(Self.kind(of: key))", hint: "write each entry as 'key: value'")
                continue
            }
            let name = scalar.string
            if name == "<<" { continue }  // reported by StructureCheck
            guard allowed.contains(name) else {
                if isFull { continue }
                let place = field.map { "in '\($0)'" } ?? "in a profile"
                var hint = Suggestion.didYouMean(name, in: allowed)
                if hint == nil, let home = homes[name] {
                    hint = "'\(name)' belongs under '\(home)'"
                }
                if hint == nil, allowed.count <= 8 {
                    hint = "the keys allowed here are " + allowed.map { "'\($0)'" }.joined(separator: ", ")
                }
                error(key, "unknown key '\(ScalarRules.shown(name))' \(place)", hint: hint, field: field.map { "\($0).\(name)" } ?? name)
                continue
            }
            result[name] = (key, value)
        }
        return result
    }

    // MARK: - Typed values

    public mutating func text(_ node: Node, field: String, length: ClosedRange<Int>) -> String? {
        guard let raw = scalarText(node, field: field, expected: "text") else { return nil }
        if controlCharacterError(node, raw: raw, field: field) { return nil }
        switch ScalarRules.text(raw, field: field, length: length) {
        case .success(let value): return value.isEmpty ? nil : value
        case .failure(let problem): report(problem, at: node, field: field); return nil
        }
    }

    public mutating func richText(_ node: Node, field: String, length: ClosedRange<Int>) -> RichText? {
        guard let raw = scalarText(node, field: field, expected: "text") else { return nil }
        let trimmed = raw.trimmingWhitespace()
        if controlCharacterError(node, raw: raw, field: field) { return nil }
        let (rich, rejected) = RichTextParser().parse(trimmed)
        var occurrences: [String: Int] = [:]
        let decoded = rejected.isEmpty ? nil : document?.decoded(node)
        for link in rejected where !isFull {
            // At the link's target, the n-th time this target is written.
            let occurrence = occurrences[link.target, default: 0]
            occurrences[link.target] = occurrence + 1
            let location = decoded?.location(occurrence: occurrence, of: Array(("](" + link.target + ")").unicodeScalars))
                .map { SourceLocation(file: $0.file, line: $0.line, column: $0.column + 2) } ?? location(node)
            let problem = link.problem.linkProblem(field, shown: ScalarRules.shown(link.target))
            error(at: location, problem.message, hint: problem.hint, field: field)
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
        let list = "use one of " + allowed.map { "'\($0)'" }.joined(separator: ", ")
        if value.isEmpty {
            error(node, "'\(field)' is empty", hint: list, field: field)
            return nil
        }
        let hint = Suggestion.didYouMean(value, in: allowed) ?? list
        error(node, "'\(field)' must be one of its allowed values, found '\(ScalarRules.shown(value))'", hint: hint, field: field)
        return nil
    }

    public mutating func webURL(_ node: Node, field: String) -> String? {
        guard let value = text(node, field: field, length: 1...2000) else { return nil }
        switch ScalarRules.webURL(value, field: field) {
        case .success: return value
        case .failure(let problem): report(problem, at: node, field: field); return nil
        }
    }

    /// A list of texts, each checked, optionally required to be distinct (ignoring case).
    public mutating func textList(
        _ node: Node, field: String, count: ClosedRange<Int>, length: ClosedRange<Int>, distinct: Bool, itemName: String
    ) -> [String] {
        guard let items = sequence(node, field: field, count: count) else { return [] }
        var values: [String] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            if isFull { break }
            let itemField = "\(field)[\(index + 1)]"
            guard let value = text(item, field: itemField, length: length) else { continue }
            if distinct {
                let key = value.lowercased()
                if let first = seen[key] {
                    error(item, "\(itemName) '\(ScalarRules.shown(value))' is listed twice in '\(field)'", hint: "it is already item \(first); remove one", field: field)
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
            if isFull { break }
            let itemField = "\(field)[\(index + 1)]"
            if let value = richText(item, field: itemField, length: length) { values.append(value) }
        }
        return values
    }
}
