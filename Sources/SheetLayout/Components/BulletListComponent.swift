import SheetCore

/// A list of rich texts as bullets: successes, outputs, challenges, plans.
struct BulletListComponent: SheetComponent {
    var spec: ComponentSpec

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        guard let field = spec.field else { return nil }
        let items = Self.items(field, in: context.profile)
        let content: Frame
        if items.isEmpty {
            guard let suppression = context.profile.suppressed[field] else { return nil }
            content = SuppressionNotice.frame(suppression, width: width, context: context, field: field)
        } else {
            content = Bullets.list(items.map(\.paragraphs), style: spec.style ?? "body", width: width, context: context, field: field)
        }
        return SectionHeading.wrap(spec.heading, content: content, context: context, section: .init(kind: .bulletList, field: field))
    }

    static func items(_ field: String, in profile: Profile) -> [RichText] {
        switch field {
        case "highlights.successes": return profile.highlights.successes
        case "highlights.outputs": return profile.highlights.outputs
        case "highlights.challenges": return profile.highlights.challenges
        case "highlights.plans": return profile.highlights.plans
        default: return ToolListComponent.items(field, in: profile).map(RichText.init(plain:))
        }
    }
}
