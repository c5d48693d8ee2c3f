import SheetCore

/// The value of one profile field, whatever its type.
public enum FieldValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case decimal(Double)
    case richText(RichText)
    case breakdown(Breakdown)
    case texts([String])
    case richTexts([RichText])

    /// The value in one line, for `explain` and for warnings.
    public var description: String {
        switch self {
        case .text(let text): return "'\(SurveyText.squeezed(text))'"
        case .integer(let value): return String(value)
        case .decimal(let value): return Self.number(value)
        case .richText(let rich): return "'\(SurveyText.squeezed(rich.plainText))'"
        case .breakdown(let breakdown):
            return breakdown.shares.map { "\($0.category) \(Self.number($0.percent))%" }.joined(separator: ", ")
        case .texts(let items): return items.isEmpty ? "(none)" : items.map { "'\($0)'" }.joined(separator: ", ")
        case .richTexts(let items):
            return items.isEmpty ? "(none)" : items.map { "'\(SurveyText.squeezed($0.plainText))'" }.joined(separator: ", ")
        }
    }

    /// How many answers the value holds: a list's items, else one.
    public var itemCount: Int {
        switch self {
        case .texts(let items): items.count
        case .richTexts(let items): items.count
        default: 1
        }
    }

    /// Whether two values say the same: numbers by value, lists and texts ignoring case and
    /// runs of white space, breakdowns by category whatever their order.
    public func agrees(with other: FieldValue) -> Bool {
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return a == b
        case (.decimal(let a), .decimal(let b)): return abs(a - b) < 1e-9
        case (.integer(let a), .decimal(let b)), (.decimal(let b), .integer(let a)): return abs(Double(a) - b) < 1e-9
        case (.breakdown(let a), .breakdown(let b)):
            let left = Dictionary(a.shares.map { ($0.category, $0.percent) }, uniquingKeysWith: +)
            let right = Dictionary(b.shares.map { ($0.category, $0.percent) }, uniquingKeysWith: +)
            return left.count == right.count && left.allSatisfy { key, value in right[key].map { abs($0 - value) < 1e-9 } ?? false }
        default: return folded == other.folded
        }
    }

    private var folded: [String] {
        switch self {
        case .text(let text): [SurveyText.folded(text)]
        case .richText(let rich): [SurveyText.folded(rich.plainText)]
        case .texts(let items): items.map(SurveyText.folded).sorted()
        case .richTexts(let items): items.map { SurveyText.folded($0.plainText) }.sorted()
        case .integer(let value): [String(value)]
        case .decimal(let value): [Self.number(value)]
        case .breakdown: [description]
        }
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// Reading and writing a profile's fields by dotted path.
public enum ProfileFields {
    /// The field's value in `profile`, nil when it is not set.
    public static func value(_ path: String, of profile: Profile) -> FieldValue? {
        switch path {
        case "name": return .text(profile.name)
        case "short_name": return profile.shortName.map(FieldValue.text)
        case "type": return .text(profile.type.rawValue)
        case "founded": return profile.founded.map(FieldValue.integer)
        case "website": return profile.website.map(FieldValue.text)
        case "keywords": return profile.keywords.isEmpty ? nil : .texts(profile.keywords)
        case "mission": return .text(profile.mission)
        case "narrative": return profile.narrative.map(FieldValue.richText)
        case "structure.host": return profile.structure.host.map(FieldValue.text)
        case "structure.governance": return profile.structure.governance.map(FieldValue.text)
        case "staffing.paid_fte": return profile.staffing.paidFTE.map(FieldValue.decimal)
        case "staffing.community_managers": return profile.staffing.communityManagers.map(FieldValue.integer)
        case "staffing.volunteers": return profile.staffing.volunteers.map(FieldValue.integer)
        case "members.count": return profile.members.count.map(FieldValue.integer)
        case "members.active": return profile.members.active.map(FieldValue.integer)
        case "members.regions": return profile.members.regions.map(FieldValue.breakdown)
        case "members.career_stages": return profile.members.careerStages.map(FieldValue.breakdown)
        case "champions": return profile.champions.map(FieldValue.richText)
        case "funding": return profile.funding.map(FieldValue.breakdown)
        case "tools": return profile.tools.isEmpty ? nil : .texts(profile.tools)
        case "contact.name": return profile.contact.name.map(FieldValue.text)
        case "contact.email": return profile.contact.email.map(FieldValue.text)
        case "contact.url": return profile.contact.url.map(FieldValue.text)
        default:
            if let mode = mode(path) {
                let items = profile.programming[mode]
                return items.isEmpty ? nil : .texts(items)
            }
            if let list = highlights(path, of: profile) { return list.isEmpty ? nil : .richTexts(list) }
            return nil
        }
    }

    /// Sets the field to `value`, which must be of the field's type.
    public static func set(_ path: String, to value: FieldValue, in profile: inout Profile) {
        switch (path, value) {
        case ("name", .text(let text)): profile.name = text
        case ("short_name", .text(let text)): profile.shortName = text
        case ("type", .text(let text)): profile.type = CommunityType(rawValue: text) ?? profile.type
        case ("founded", .integer(let year)): profile.founded = year
        case ("website", .text(let text)): profile.website = text
        case ("keywords", .texts(let items)): profile.keywords = items
        case ("mission", .text(let text)): profile.mission = text
        case ("narrative", .richText(let rich)): profile.narrative = rich
        case ("structure.host", .text(let text)): profile.structure.host = text
        case ("structure.governance", .text(let text)): profile.structure.governance = text
        case ("staffing.paid_fte", .decimal(let number)): profile.staffing.paidFTE = number
        case ("staffing.community_managers", .integer(let number)): profile.staffing.communityManagers = number
        case ("staffing.volunteers", .integer(let number)): profile.staffing.volunteers = number
        case ("members.count", .integer(let number)): profile.members.count = number
        case ("members.active", .integer(let number)): profile.members.active = number
        case ("members.regions", .breakdown(let breakdown)): profile.members.regions = breakdown
        case ("members.career_stages", .breakdown(let breakdown)): profile.members.careerStages = breakdown
        case ("champions", .richText(let rich)): profile.champions = rich
        case ("funding", .breakdown(let breakdown)): profile.funding = breakdown
        case ("tools", .texts(let items)): profile.tools = items
        case ("contact.name", .text(let text)): profile.contact.name = text
        case ("contact.email", .text(let text)): profile.contact.email = text
        case ("contact.url", .text(let text)): profile.contact.url = text
        case (_, .texts(let items)) where mode(path) != nil: profile.programming[mode(path)!] = items
        case ("highlights.successes", .richTexts(let items)): profile.highlights.successes = items
        case ("highlights.outputs", .richTexts(let items)): profile.highlights.outputs = items
        case ("highlights.challenges", .richTexts(let items)): profile.highlights.challenges = items
        case ("highlights.plans", .richTexts(let items)): profile.highlights.plans = items
        default: assertionFailure("no field '\(path)' of this type")
        }
    }

    static func mode(_ path: String) -> ParticipationMode? {
        guard path.hasPrefix("programming.") else { return nil }
        return ParticipationMode(rawValue: String(path.dropFirst("programming.".count)))
    }

    static func highlights(_ path: String, of profile: Profile) -> [RichText]? {
        switch path {
        case "highlights.successes": profile.highlights.successes
        case "highlights.outputs": profile.highlights.outputs
        case "highlights.challenges": profile.highlights.challenges
        case "highlights.plans": profile.highlights.plans
        default: nil
        }
    }
}
