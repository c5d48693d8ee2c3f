/// Rules for values that `ScalarRules` leaves to the YAML reader, in a form the survey merge can
/// share: the same checks and messages as `NodeReader`'s, without a YAML node.
public enum ValueRules {
    /// A rich text: trimmed, no control characters but line breaks, links only to `http(s)`,
    /// length of the visible text within `length`. nil for an empty text the field allows.
    public static func richText(_ raw: String, field: String, length: ClosedRange<Int>) -> Result<RichText?, FieldProblem> {
        let trimmed = raw.trimmingWhitespace()
        if let bad = trimmed.unicodeScalars.first(where: ScalarRules.isForbiddenControl) {
            return .failure(FieldProblem("'\(field)' contains the control character \(bad.codePoint)", hint: "only line breaks are allowed in text; remove it"))
        }
        let (rich, rejected) = RichTextParser().parse(trimmed)
        if let link = rejected.first {
            return .failure(link.problem.linkProblem(field, shown: link.target))
        }
        switch ScalarRules.checkLength(rich.plainText, count: rich.length, field: field, length: length) {
        case .success: return .success(rich.length == 0 ? nil : rich)
        case .failure(let problem): return .failure(problem)
        }
    }

    /// An `http`/`https` URL that can be made a link (`URLCheck.webLink`), as written.
    public static func webURL(_ raw: String, field: String) -> Result<String, FieldProblem> {
        ScalarRules.text(raw, field: field, length: 1...2000).flatMap { ScalarRules.webURL($0, field: field) }
    }

    /// A plausible e-mail address.
    public static func email(_ raw: String, field: String) -> Result<String, FieldProblem> {
        ScalarRules.text(raw, field: field, length: 3...254).flatMap { value in
            URLCheck.isPlausibleEmail(value) ? .success(value) : .failure(FieldProblem(
                "'\(field)' is not a plausible e-mail address: '\(value)'", hint: "write it as name@example.org"))
        }
    }

    /// One of the kinds of community.
    public static func communityType(_ raw: String, field: String) -> Result<CommunityType, FieldProblem> {
        let value = raw.trimmingWhitespace()
        if let type = CommunityType(rawValue: value) { return .success(type) }
        let allowed = CommunityType.allCases.map(\.rawValue)
        return .failure(FieldProblem(
            "'\(field)' must be one of its allowed values, found '\(value)'",
            hint: Suggestion.didYouMean(value, in: allowed) ?? "use one of " + allowed.map { "'\($0)'" }.joined(separator: ", ")))
    }

    /// A keyword of the taxonomy.
    public static func keyword(_ raw: String, field: String, taxonomy: Taxonomy) -> Result<String, FieldProblem> {
        let keyword = raw.trimmingWhitespace()
        guard let refusal = taxonomy.refusal(of: keyword, shown: keyword) else { return .success(keyword) }
        return .failure(FieldProblem(refusal.message, hint: refusal.hint))
    }

    /// A breakdown category: one of `categories` when given, else any slug.
    public static func category(_ raw: String, field: String, categories: [String]?) -> Result<String, FieldProblem> {
        let category = raw.trimmingWhitespace()
        if let categories {
            if categories.contains(category) { return .success(category) }
            return .failure(FieldProblem(
                "unknown category '\(category)' in '\(field)'",
                hint: Suggestion.didYouMean(category, in: categories) ?? "use one of " + categories.map { "'\($0)'" }.joined(separator: ", ")))
        }
        if ScalarRules.isSlug(category) { return .success(category) }
        let suggestion = ScalarRules.slugified(category)
        return .failure(FieldProblem(
            "category '\(category)' in '\(field)' must be a slug of lowercase letters, digits and hyphens",
            hint: suggestion.isEmpty ? nil : "for example '\(suggestion)'"))
    }
}
