/// The keys of profile format 1 and their limits, in one place.
public enum ProfileSchema {
    public static let rootKeys = [
        "format", "id", "name", "short_name", "type", "founded", "period", "website", "logo", "language",
        "keywords", "mission", "narrative", "structure", "staffing", "members", "programming", "champions",
        "funding", "tools", "highlights", "contact", "license",
    ]
    public static let requiredKeys = ["format", "id", "name", "type", "period", "mission"]
    public static let structureKeys = ["host", "governance", "leadership"]
    public static let leadershipKeys = ["role", "name"]
    public static let staffingKeys = ["paid_fte", "community_managers", "volunteers"]
    public static let membersKeys = ["count", "active", "regions", "career_stages"]
    public static let programmingKeys = ParticipationMode.allCases.map(\.rawValue)
    public static let highlightsKeys = ["successes", "outputs", "challenges", "plans"]
    public static let contactKeys = ["name", "email", "url"]
    public static let periodKeys = ["from", "to"]
    public static let fundingCategories = [
        "grants", "membership", "sponsorship", "host-institution", "donations", "earned-income", "in-kind", "other",
    ]

    /// Where a nested key belongs, for the hint when it is written at the top level.
    public static let homes: [String: String] = {
        var homes: [String: String] = [:]
        for key in structureKeys { homes[key] = "structure" }
        for key in staffingKeys { homes[key] = "staffing" }
        for key in membersKeys { homes[key] = "members" }
        for key in programmingKeys { homes[key] = "programming" }
        for key in highlightsKeys { homes[key] = "highlights" }
        homes["email"] = "contact"
        homes["url"] = "contact"
        return homes
    }()

    public static let idLength = 2...64
    public static let nameLength = 1...120
    public static let shortNameLength = 1...24
    public static let missionLength = 1...400
    public static let narrativeLength = 0...1500
    public static let hostLength = 1...160
    public static let governanceLength = 1...300
    public static let leadershipCount = 0...8
    public static let roleLength = 1...60
    public static let personNameLength = 1...80
    public static let paidFTERange = 0.0...10000.0
    public static let communityManagersRange = 0...10000
    public static let volunteersRange = 0...10_000_000
    public static let membersRange = 0...100_000_000
    public static let activitiesCount = 0...6
    public static let activityLength = 1...80
    public static let championsLength = 0...600
    public static let toolsCount = 0...12
    public static let toolLength = 1...32
    public static let highlightsCount = 0...4
    public static let highlightLength = 1...200
    public static let keywordsCount = 0...8
    public static let breakdownCategories = 1...10
    public static let periodMonths = 24
    public static let earliestYear = 1800

    /// The example addresses of `profilesheet new`'s scaffold: a profile that still holds one
    /// gets a warning (`ProfileChecks`).
    public static let scaffoldPlaceholders = [
        "website": "https://example.org", "contact.email": "someone@example.org", "contact.url": "https://example.org/contact",
    ]
}
