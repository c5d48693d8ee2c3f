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

    /// Whether a chart of `field` shows anything: its shares, or the notice that they were withheld.
    static func hasContent(_ field: String, in profile: Profile) -> Bool {
        !(breakdown(field, in: profile)?.shares.isEmpty ?? true) || profile.suppressed[field] != nil
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

    /// The chart in words, for its figure's alternative text: "Members by region: Europe 64.3%,
    /// North America 21.4%, Other 14.3%", largest share first, as the chart shows them, listed
    /// as the template strings' language lists ("関東 38%、関西 22%", "… 22% und …").
    static func description(_ breakdown: Breakdown, heading: String?, field: String, context: LayoutContext) -> String {
        let shares = breakdown.sortedByShare.map { "\(context.label(forCategory: $0.category, field: field)) \(context.numbers.percent($0.percent))" }
        return "\(heading.map(context.strings.template) ?? field): \(context.listed(shares))"
    }
}
