import SheetCore

extension ComponentSpec {
    /// Whether the component shows anything for `profile`, decided from the profile's data
    /// alone (no layout). It is true exactly when the component's `layout` returns a frame,
    /// which `SheetLayoutTests.contentIsDecidedFromTheData` checks for every component.
    func hasContent(in profile: Profile) -> Bool {
        switch kind {
        case .titleBand, .pageHeader, .about:
            return true
        case .paragraphs:
            return field.flatMap { ParagraphsComponent.text(of: $0, in: profile) } != nil
        case .keyFigures:
            return KeyFiguresComponent.hasTiles(for: profile)
        case .keywordChips:
            return !profile.keywords.isEmpty
        case .barChart, .donutChart:
            return field.map { BreakdownSource.hasContent($0, in: profile) } ?? false
        case .participationModel:
            return profile.programming.totalActivities > 0 || profile.suppressed["programming"] != nil
        case .toolList:
            guard let field else { return false }
            return !ToolListComponent.items(field, in: profile).isEmpty || profile.suppressed[field] != nil
        case .bulletList:
            guard let field else { return false }
            return !BulletListComponent.items(field, in: profile).isEmpty || profile.suppressed[field] != nil
        case .structure:
            return !profile.structure.isEmpty
        case .contact:
            return profile.website != nil || profile.contact.name != nil || profile.contact.email != nil || profile.contact.url != nil
        }
    }

    /// Whether the component shows the same on every sheet (headers, the about text): such a
    /// section keeps a column, but does not by itself keep an optional page.
    var isFixed: Bool { kind == .pageHeader || kind == .titleBand || kind == .about }
}
