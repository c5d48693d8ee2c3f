import SheetCore

/// The template's words for one sheet, in one language: what components call to put a word on
/// the page. `{name}` placeholders are filled from the values given; a plural string takes the
/// form ICU's plural rules choose for its count, and its `{count}` is the count as the sheet's
/// language writes it.
public struct SheetStrings: Sendable {
    /// The table used (English when the template does not translate the sheet's language).
    public let table: TemplateStrings.Table
    let plurals: PluralRules
    let numbers: NumberText
    /// Whether the words' language writes right to left (for `isolated`).
    let wordsRunRightToLeft: Bool

    /// `table`'s words, their plurals chosen by the rules of `pluralLanguage` (the sheet's own
    /// tag, so that `pt-PT` counts as Portugal does with the `pt` table; the table's language
    /// when nil).
    public init(table: TemplateStrings.Table, numbers: NumberText, pluralLanguage: String? = nil) {
        self.table = table
        self.plurals = PluralRules(language: pluralLanguage ?? table.language)
        self.numbers = numbers
        self.wordsRunRightToLeft = LayoutContext.writesRightToLeft(table.language)
    }

    /// The language the words are in.
    public var language: String { table.language }

    /// The string `key` with its placeholders filled. A key the table lacks (which the loader
    /// does not let through) shows as the key.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        guard let entry = table.strings[key] else { return key }
        switch entry {
        case .text(let text): return fill(text, values)
        case .plural(let forms): return fill(forms[.other] ?? key, values)
        }
    }

    /// The plural string `key` in the form `count` takes, `{count}` written as the language
    /// writes numbers.
    public func text(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
        guard let entry = table.strings[key] else { return key }
        var filled = values
        filled["count"] = numbers.count(count)
        switch entry {
        case .text(let text): return fill(text, filled)
        case .plural(let forms):
            let form = forms[plurals.category(for: count)] ?? forms[.other] ?? key
            return fill(form, filled)
        }
    }

    /// The string `key` as spans: its text around the placeholders, each placeholder replaced
    /// by the spans given for it (a name in bold, a link).
    public func spans(_ key: String, _ values: [String: [RichSpan]]) -> [RichSpan] {
        var spans: [RichSpan] = []
        var rest = Substring(text(key))
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            guard let replacement = values[name] else {
                spans.append(RichSpan(String(rest[...close])))
                rest = rest[rest.index(after: close)...]
                continue
            }
            if open > rest.startIndex { spans.append(RichSpan(String(rest[..<open]))) }
            spans += isolated(replacement)
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { spans.append(RichSpan(String(rest))) }
        return spans
    }

    /// A heading or page title of the template, translated (as written when the table is
    /// English's).
    public func template(_ english: String) -> String { table.template[english] ?? english }

    /// A breakdown category's label in this language, nil when the table has none.
    public func label(_ slug: String) -> String? { table.labels[slug] }

    /// `text` with its placeholders filled from `values`, each value `isolated`.
    func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.contains("{"), !values.isEmpty else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += values[name].map { needsIsolating($0) ? "\u{2068}\($0)\u{2069}" : $0 } ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// A placeholder's value as it goes into these words: between U+2068 FIRST STRONG ISOLATE
    /// and U+2069 POP DIRECTIONAL ISOLATE when it runs the other way than the words' language
    /// (a Hebrew name in English words, an English name in Arabic ones), so that the
    /// punctuation and numbers after it stay with the words (without them, "the life of
    /// {name} ({period})" with a Hebrew name showed "(2025)" before the name); as it is
    /// otherwise, so that text in one direction keeps exactly its characters.
    func isolated(_ value: [RichSpan]) -> [RichSpan] {
        guard !value.isEmpty, needsIsolating(value.map(\.text).joined()) else { return value }
        var spans = value
        spans[0].text = "\u{2068}" + spans[0].text
        spans[spans.count - 1].text += "\u{2069}"
        return spans
    }

    /// Whether `value` has letters that run the other way than these words.
    private func needsIsolating(_ value: String) -> Bool {
        let letters = StrongDirections(value)
        return wordsRunRightToLeft ? letters.leftToRight : letters.rightToLeft
    }
}
