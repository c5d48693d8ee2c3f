import SheetCore

/// How answers are combined into one value (`aggregate:` in a mapping).
public enum Aggregate: String, Sendable, Hashable, CaseIterable {
    case one, sum, min, max, mean, median, count, share, union
}

/// A profile field that survey data may feed: its dotted path and the type its value has.
public struct SurveyField: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case text(length: ClosedRange<Int>)
        case richText(length: ClosedRange<Int>)
        case email
        case webURL
        case communityType
        case integer(range: ClosedRange<Int>)
        case decimal(range: ClosedRange<Double>, places: Int)
        /// Category → percentage; `categories` fixed (funding) or any slug (nil).
        case breakdown(categories: [String]?)
        case textList(count: ClosedRange<Int>, length: ClosedRange<Int>, itemName: String)
        case richList(count: ClosedRange<Int>, length: ClosedRange<Int>)
        case keywords(count: ClosedRange<Int>)
    }

    public var path: String
    public var kind: Kind

    public var isNumber: Bool {
        switch kind {
        case .integer, .decimal: true
        default: false
        }
    }

    public var isList: Bool {
        switch kind {
        case .textList, .richList, .keywords: true
        default: false
        }
    }

    public var isBreakdown: Bool {
        if case .breakdown = kind { return true }
        return false
    }

    /// The most items a list field holds.
    public var itemLimit: Int? {
        switch kind {
        case .textList(let count, _, _), .richList(let count, _), .keywords(let count): count.upperBound
        default: nil
        }
    }

    /// The aggregations that give a value of this field's type (survey-mapping.md, the table).
    public var aggregates: [Aggregate] {
        switch kind {
        case .integer: [.one, .sum, .min, .max, .mean, .median, .count]
        case .decimal: [.one, .sum, .min, .max, .mean, .median]
        case .breakdown: [.share]
        case .textList, .richList, .keywords: [.one, .union]
        default: [.one]
        }
    }

    /// What a mapping that names no aggregate gets: `share` for a breakdown, `union` for a
    /// list, `one` for anything else.
    public var defaultAggregate: Aggregate {
        if isBreakdown { return .share }
        if isList { return .union }
        return .one
    }

    /// The type in words, for messages.
    public var typeName: String {
        switch kind {
        case .text, .richText, .email, .webURL, .communityType: "text"
        case .integer: "whole number"
        case .decimal: "number"
        case .breakdown: "breakdown"
        case .textList, .richList, .keywords: "list"
        }
    }
}

/// Every field a survey may feed, and the fields it may not.
public struct SurveyFieldCatalog: Sendable {
    public let fields: [SurveyField]
    private let byPath: [String: SurveyField]

    /// Fields of the format that no survey sets, with the reason.
    public static let notFromSurveys: [String: String] = [
        "format": "it is the file's format version",
        "id": "it names the profile's file",
        "period": "it is the year the profile reports on",
        "logo": "it is a file next to the profile",
        "language": "it describes the profile's own text",
        "license": "it is the licence of the sheet, chosen by the working group",
        "structure.leadership": "its items have several parts",
        "structure": "it is a section; map its fields, such as 'structure.host'",
        "staffing": "it is a section; map its fields, such as 'staffing.volunteers'",
        "members": "it is a section; map its fields, such as 'members.count'",
        "programming": "it is a section; map one mode, such as 'programming.convey'",
        "highlights": "it is a section; map one list, such as 'highlights.successes'",
        "contact": "it is a section; map its fields, such as 'contact.email'",
    ]

    public init(currentYear: Int) {
        typealias S = ProfileSchema
        var fields: [SurveyField] = [
            SurveyField(path: "name", kind: .text(length: S.nameLength)),
            SurveyField(path: "short_name", kind: .text(length: S.shortNameLength)),
            SurveyField(path: "type", kind: .communityType),
            SurveyField(path: "founded", kind: .integer(range: S.earliestYear...max(S.earliestYear, currentYear))),
            SurveyField(path: "website", kind: .webURL),
            SurveyField(path: "keywords", kind: .keywords(count: S.keywordsCount)),
            SurveyField(path: "mission", kind: .text(length: S.missionLength)),
            SurveyField(path: "narrative", kind: .richText(length: S.narrativeLength)),
            SurveyField(path: "structure.host", kind: .text(length: S.hostLength)),
            SurveyField(path: "structure.governance", kind: .text(length: S.governanceLength)),
            SurveyField(path: "staffing.paid_fte", kind: .decimal(range: S.paidFTERange, places: 2)),
            SurveyField(path: "staffing.community_managers", kind: .integer(range: S.communityManagersRange)),
            SurveyField(path: "staffing.volunteers", kind: .integer(range: S.volunteersRange)),
            SurveyField(path: "members.count", kind: .integer(range: S.membersRange)),
            SurveyField(path: "members.active", kind: .integer(range: S.membersRange)),
            SurveyField(path: "members.regions", kind: .breakdown(categories: nil)),
            SurveyField(path: "members.career_stages", kind: .breakdown(categories: nil)),
        ]
        for mode in ParticipationMode.allCases {
            fields.append(SurveyField(path: "programming.\(mode.rawValue)",
                                      kind: .textList(count: S.activitiesCount, length: S.activityLength, itemName: "activity")))
        }
        fields += [
            SurveyField(path: "champions", kind: .richText(length: S.championsLength)),
            SurveyField(path: "funding", kind: .breakdown(categories: S.fundingCategories)),
            SurveyField(path: "tools", kind: .textList(count: S.toolsCount, length: S.toolLength, itemName: "tool")),
        ]
        for key in S.highlightsKeys {
            fields.append(SurveyField(path: "highlights.\(key)", kind: .richList(count: S.highlightsCount, length: S.highlightLength)))
        }
        fields += [
            SurveyField(path: "contact.name", kind: .text(length: S.personNameLength)),
            SurveyField(path: "contact.email", kind: .email),
            SurveyField(path: "contact.url", kind: .webURL),
        ]
        self.fields = fields
        self.byPath = Dictionary(uniqueKeysWithValues: fields.map { ($0.path, $0) })
    }

    public subscript(path: String) -> SurveyField? { byPath[path] }

    public var paths: [String] { fields.map(\.path) }
}
