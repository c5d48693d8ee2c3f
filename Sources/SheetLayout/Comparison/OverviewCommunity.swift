import SheetCore

/// What the collection's overview shows of one community: the merged values its sheet shows
/// in the key figures, the participation model and the funding chart, and which of them a
/// survey withheld. A build makes one per sheet from what it keeps of each (its manifest
/// entry's open data), so that the overview needs no profile loaded again.
public struct OverviewCommunity: Sendable, Hashable {
    public var id: String
    public var name: String
    public var shortName: String?
    /// BCP 47 tag of the profile's language: the name is read in it.
    public var language: String
    public var type: CommunityType
    public var founded: Int?
    public var members: Int?
    public var activeMembers: Int?
    public var paidFTE: Double?
    public var communityManagers: Int?
    public var volunteers: Int?
    /// How many activities the community reports in each mode.
    public var activities: [ParticipationMode: Int]
    public var funding: [Breakdown.Share]?
    public var keywords: [String]
    /// The fields a survey withheld (too few responses), by their dotted paths.
    public var withheld: Set<String>
    /// The smallest number of responses a withheld field needed.
    public var withheldBelow: Int?

    public init(
        id: String, name: String, shortName: String? = nil, language: String = "en", type: CommunityType, founded: Int? = nil,
        members: Int? = nil, activeMembers: Int? = nil, paidFTE: Double? = nil, communityManagers: Int? = nil, volunteers: Int? = nil,
        activities: [ParticipationMode: Int] = [:], funding: [Breakdown.Share]? = nil, keywords: [String] = [],
        withheld: Set<String> = [], withheldBelow: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.language = language
        self.type = type
        self.founded = founded
        self.members = members
        self.activeMembers = activeMembers
        self.paidFTE = paidFTE
        self.communityManagers = communityManagers
        self.volunteers = volunteers
        self.activities = activities
        self.funding = funding
        self.keywords = keywords
        self.withheld = withheld
        self.withheldBelow = withheldBelow
    }

    /// What the overview shows of a merged profile.
    public init(_ profile: Profile) {
        id = profile.id
        name = profile.name
        shortName = profile.shortName
        language = profile.language
        type = profile.type
        founded = profile.founded
        members = profile.members.count
        activeMembers = profile.members.active
        paidFTE = profile.staffing.paidFTE
        communityManagers = profile.staffing.communityManagers
        volunteers = profile.staffing.volunteers
        activities = Dictionary(uniqueKeysWithValues: ParticipationMode.allCases.map { ($0, profile.programming[$0].count) })
        funding = profile.funding?.shares
        keywords = profile.keywords
        withheld = Set(profile.suppressed.keys)
        withheldBelow = profile.suppressed.values.map(\.minimumResponses).min()
    }

    public var displayShortName: String { shortName ?? name }

    /// Whether a survey withheld `field`, or all of programming for a mode's count.
    func isWithheld(_ field: String) -> Bool {
        withheld.contains(field) || (field.hasPrefix("programming.") && withheld.contains("programming"))
    }
}
