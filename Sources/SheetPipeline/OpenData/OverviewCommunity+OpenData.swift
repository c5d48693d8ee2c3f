import SheetCore
import SheetLayout

extension OverviewCommunity {
    /// What the collection's overview shows of the sheet `sheet`, from what its manifest entry
    /// keeps (`OpenDataRecord`), so that the overview needs no profile loaded again; keywords
    /// are the record's slugs (the overview labels them in its language), else the labels the
    /// entry keeps for the gallery. Nil for an entry without the
    /// record (an earlier version's; such a sheet is rendered again before it is listed).
    init?(_ sheet: Manifest.Sheet) {
        guard let record = sheet.openData else { return nil }
        func count(_ field: String) -> Int? { record.number(field).map { Int($0) } }
        var activities: [ParticipationMode: Int] = [:]
        var funding: [Breakdown.Share]?
        var withheld: Set<String> = []
        var keywords = sheet.keywords
        for field in record.fields {
            if field.field == "keywords", case .list(let slugs)? = field.value { keywords = slugs }
            if field.withheld != nil { withheld.insert(field.field) }
            if field.field.hasPrefix("programming."), let mode = ParticipationMode(rawValue: String(field.field.dropFirst("programming.".count))) {
                if case .list(let items)? = field.value { activities[mode] = items.count } else { activities[mode] = 0 }
            }
            if field.field == "funding", case .breakdown(let shares)? = field.value {
                funding = shares.map { Breakdown.Share(category: $0.category, percent: $0.percent) }
            }
        }
        self.init(
            id: sheet.id, name: record.text("name") ?? sheet.name, shortName: record.text("short_name"), language: sheet.language,
            type: CommunityType(rawValue: record.text("type") ?? sheet.type) ?? .other, founded: count("founded"),
            members: count("members.count"), activeMembers: count("members.active"), paidFTE: record.number("staffing.paid_fte"),
            communityManagers: count("staffing.community_managers"), volunteers: count("staffing.volunteers"),
            activities: activities, funding: funding, keywords: keywords, withheld: withheld,
            withheldBelow: record.fields.compactMap { $0.withheld.flatMap(Suppression.minimumResponses(inNotice:)) }.min())
    }
}
