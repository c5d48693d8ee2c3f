/// One community profile (profile format 1), after loading, survey merge and validation.
///
/// Values are plain; where each came from is kept beside them in `origins`, keyed by the
/// field's dotted path, so that `explain` can say why a sheet shows what it shows.
public struct Profile: Sendable, Hashable {
    public var id: String
    public var name: String
    public var shortName: String?
    public var type: CommunityType
    public var founded: Int?
    public var period: ReportingPeriod
    public var website: String?
    public var logo: LogoFile?
    /// BCP 47 language tag; `en` when the profile names none.
    public var language: String
    /// Keyword slugs, each a key of the taxonomy.
    public var keywords: [String]
    public var mission: String
    public var narrative: RichText?
    public var structure: CommunityStructure
    public var staffing: Staffing
    public var members: Members
    public var programming: Programming
    public var champions: RichText?
    public var funding: Breakdown?
    public var tools: [String]
    public var highlights: Highlights
    public var contact: Contact
    /// SPDX licence id; `CC-BY-4.0` when the profile names none.
    public var license: String

    /// Fields a survey would have set but that were withheld for privacy, keyed by dotted path.
    public var suppressed: [String: Suppression]
    /// Where each set field's value came from, keyed by dotted path.
    public var origins: [String: ValueOrigin]
    /// The profile file, as the user named it.
    public var file: String

    public init(
        id: String, name: String, type: CommunityType, period: ReportingPeriod, mission: String,
        file: String
    ) {
        self.id = id
        self.name = name
        self.shortName = nil
        self.type = type
        self.founded = nil
        self.period = period
        self.website = nil
        self.logo = nil
        self.language = "en"
        self.keywords = []
        self.mission = mission
        self.narrative = nil
        self.structure = CommunityStructure()
        self.staffing = Staffing()
        self.members = Members()
        self.programming = Programming()
        self.champions = nil
        self.funding = nil
        self.tools = []
        self.highlights = Highlights()
        self.contact = Contact()
        self.license = "CC-BY-4.0"
        self.suppressed = [:]
        self.origins = [:]
        self.file = file
    }

    /// The name to use where space is short.
    public var displayShortName: String { shortName ?? name }
}
