import SheetCore

/// The profile's keywords as chips, with the taxonomy's labels.
struct KeywordChipsComponent: SheetComponent {
    var spec: ComponentSpec

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        let keywords = context.profile.keywords
        guard !keywords.isEmpty else { return nil }
        let labels = keywords.enumerated().map { (context.taxonomy.label(for: $0.element, language: context.language) ?? $0.element, "keywords[\($0.offset + 1)]") }
        let chips = ChipsLayout.frame(
            labels, width: width, context: context, style: spec.style ?? "chip", fill: context.color("chip"),
            stroke: nil, profileLanguage: false)
        return SectionHeading.wrap(spec.heading, content: chips, context: context, section: .init(kind: .keywordChips, field: "keywords"))
    }
}
