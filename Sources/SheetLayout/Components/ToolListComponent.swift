import SheetCore

/// Short texts (the tools a community uses) as outlined chips.
struct ToolListComponent: SheetComponent {
    var spec: ComponentSpec

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        guard let field = spec.field else { return nil }
        let items = Self.items(field, in: context.profile)
        if items.isEmpty {
            return context.profile.suppressed[field].map {
                SectionHeading.wrap(spec.heading, content: SuppressionNotice.frame($0, width: width, context: context, field: field), context: context, section: .init(kind: .toolList, field: field))
            }
        }
        let chips = ChipsLayout.frame(
            items.enumerated().map { ($0.element, "\(field)[\($0.offset + 1)]") }, width: width, context: context,
            style: spec.style ?? "tool", fill: .white, stroke: Stroke(color: context.color("accent"), width: 0.8),
            profileLanguage: true)
        return SectionHeading.wrap(spec.heading, content: chips, context: context, section: .init(kind: .toolList, field: field))
    }

    static func items(_ field: String, in profile: Profile) -> [String] {
        if field == "tools" { return profile.tools }
        if field.hasPrefix("programming."), let mode = ParticipationMode(rawValue: String(field.dropFirst("programming.".count))) {
            return profile.programming[mode]
        }
        return []
    }
}
