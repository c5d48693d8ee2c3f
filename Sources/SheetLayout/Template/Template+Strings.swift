import SheetCore

extension Template {
    /// The texts of `template.yaml` that each language file translates (`template:`): every
    /// page title and heading, in the order they come, each once.
    public var translatableTexts: [String] {
        var texts: [String] = []
        var seen: Set<String> = []
        func add(_ text: String?) {
            if let text, seen.insert(text).inserted { texts.append(text) }
        }
        func walk(_ blocks: [BlockTemplate]) {
            for block in blocks {
                switch block {
                case .component(let spec): add(spec.heading)
                case .columns(let columns): columns.forEach { walk($0.blocks) }
                }
            }
        }
        for page in pages + (firstPage.map { [$0] } ?? []) {
            add(page.title)
            walk(page.blocks)
        }
        if let flow {
            add(flow.title)
            walk(flow.blocks)
        }
        return texts
    }

    /// The template's words for a sheet in `language`, and whether the template translates it
    /// (English's words when it does not).
    public func sheetStrings(for language: String, numbers: NumberText) -> (strings: SheetStrings, translated: Bool) {
        if let table = strings.table(for: language) {
            return (SheetStrings(table: table, numbers: numbers, pluralLanguage: language), true)
        }
        let english = strings.english ?? TemplateStrings.Table(language: TemplateStrings.reference, file: "", strings: [:])
        return (SheetStrings(table: english, numbers: numbers), false)
    }

    /// The warning for a sheet in a `language` the template has no words in: at the profile's
    /// `language`, or at no place for a run's `--language`.
    public func untranslatedWarning(_ language: String, at location: SourceLocation?) -> Diagnostic {
        let known = strings.tables.keys.sorted().joined(separator: ", ")
        return .warning(
            at: location, "the template has no words in '\(language)'; the sheet's headings and labels are in English",
            hint: "the template '\(name)' translates \(known); add strings/\(language.lowercased()).yaml to it",
            field: location == nil ? nil : "language")
    }
}
