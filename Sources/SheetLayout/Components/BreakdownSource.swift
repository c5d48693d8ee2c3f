import SheetCore

/// The breakdown a chart shows, or why there is none.
enum BreakdownSource {
    static func breakdown(_ field: String, in profile: Profile) -> Breakdown? {
        switch field {
        case "members.regions": profile.members.regions
        case "members.career_stages": profile.members.careerStages
        case "funding": profile.funding
        default: nil
        }
    }

    /// The chart's content, the suppression notice in its place, or nil when there is neither.
    static func content(
        _ field: String, context: LayoutContext, width: Double, chart: (Breakdown) -> Frame
    ) -> Frame? {
        if let breakdown = breakdown(field, in: context.profile), !breakdown.shares.isEmpty { return chart(breakdown) }
        if let suppression = context.profile.suppressed[field] {
            return SuppressionNotice.frame(suppression, width: width, context: context, field: field)
        }
        return nil
    }
}
