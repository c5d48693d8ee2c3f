extension SVGCleaner {
    /// What `cleaned` (the cleaner's own output) breaks of what `clean` promises, nil when
    /// nothing: it must clean again to itself with nothing left out (so nothing it writes is
    /// something it would refuse), and, parsed again, hold no DTD, processing instruction or
    /// entity, and no attribute or style sheet with a backslash, an `href` or a `url()` but to
    /// `#id`. For the fuzz entry (`SVGCleanFuzzEntry`) and the tests; a build does not pay for it.
    public static func brokenPromise(in cleaned: CleanedSVG) -> String? {
        let text = String(decoding: cleaned.bytes, as: UTF8.self)
        guard case .success(let again) = clean(cleaned.bytes) else { return "the cleaned document is refused: \(text)" }
        if again.bytes != cleaned.bytes || !again.leftOut.isEmpty {
            return "cleaning is not idempotent: \(text) → \(String(decoding: again.bytes, as: UTF8.self)) leaving out \(again.leftOut)"
        }
        guard case .success(let document) = SVGSource.parse(cleaned.bytes), document.prolog.isEmpty else {
            return "the cleaned document has a prolog or does not parse: \(text)"
        }
        return brokenPromise(in: document.root).map { "\($0): \(text)" }
    }

    private static func brokenPromise(in element: SVGSource.Element) -> String? {
        for attribute in element.attributes {
            if let problem = outsideReference(in: attribute.value) { return "attribute \(attribute.name) \(problem)" }
            if attribute.name == "href", !attribute.value.hasPrefix("#") { return "an href to outside" }
        }
        for child in element.children {
            switch child {
            case .element(let child):
                if let problem = brokenPromise(in: child) { return problem }
            case .text(let css) where element.name == "style":
                if let problem = outsideReference(in: css) { return "a style sheet \(problem)" }
            case .text, .tooDeep: break
            case .entityReference, .processingInstruction: return "an entity or instruction"
            }
        }
        return nil
    }

    private static func outsideReference(in value: String) -> String? {
        if value.contains("\\") { return "holds a backslash" }
        var rest = Substring(value.lowercased())
        while let reference = rest.range(of: "url(") {
            if !rest[reference.upperBound...].hasPrefix("#") { return "has a url() to outside" }
            rest = rest[reference.upperBound...]
        }
        return nil
    }
}
