import SheetCore
import SheetSurvey

/// One community's merged values as `output/profiles.csv` and `output/profiles.json` publish
/// them: every field a sheet can show, with the value it shows and where it came from in the
/// words of `profilesheet explain` (`FieldExplanation.lines`, the same code). Kept in the
/// sheet's manifest entry, so that an incremental build, a shard and the build that gathers
/// shards write the files without loading a profile again.
///
/// What is never in it: the fields that name or reach a person (`contact.name`,
/// `contact.email`, the holders' names in `structure.leadership`: its roles are kept), and a
/// withheld value (it is marked withheld, with the sheet's notice). Survey values are in it only
/// as the privacy rules of the merge left them (`PersonalDataDetector`, `min_cell`,
/// `min_responses`).
public struct OpenDataRecord: Codable, Sendable, Equatable {
    public var id: String
    public var fields: [Field]

    public struct Field: Codable, Sendable, Equatable {
        /// The dotted path, as `explain` takes it.
        public var field: String
        /// The value; nil when the field is not set or withheld.
        public var value: OpenDataValue?
        /// Set when a survey value was withheld (too few responses): the sheet's notice.
        public var withheld: String?
        /// `explain`'s lines after its first: `value: …`, `from: …`, and the rest.
        public var explain: [String]

        enum CodingKeys: String, CodingKey { case field, value, withheld, explain }

        /// `value` is always there, `null` when not set or withheld, so that a reader never
        /// takes a missing key for a zero.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(field, forKey: .field)
            if let value { try container.encode(value, forKey: .value) } else { try container.encodeNil(forKey: .value) }
            try container.encodeIfPresent(withheld, forKey: .withheld)
            try container.encode(explain, forKey: .explain)
        }
    }

    /// The fields of profile format 1 that are published, in `explain`'s order.
    public static let publishedFields = FieldExplanation.fields.filter { !leftOut.contains($0) }

    /// Fields never published as open data, with why (docs/open-data.md): they name or reach
    /// a person, or are the sheet's own business (the format number, the logo's file).
    public static let leftOut: Set<String> = ["format", "logo", "contact.name", "contact.email"]

    /// The record of `profile` after the merge; `contributions` are the survey offers by field
    /// (`SurveyStage.Details.provenance` of its file).
    public init(profile: Profile, contributions: [String: [SurveyContribution]]) {
        id = profile.id
        fields = Self.publishedFields.map { path in
            var explain = Array(FieldExplanation.lines(field: path, profile: profile, contributions: contributions[path] ?? []).dropFirst())
            var value = Self.value(path, of: profile)
            if path == "structure.leadership" {
                // Roles only: the holders' names are people's.
                let roles = profile.structure.leadership.map(\.role)
                value = roles.isEmpty ? nil : .list(roles)
                explain = explain.map { $0.hasPrefix("value: ") ? "value: " + (roles.isEmpty ? "not set" : roles.joined(separator: "; ")) : $0 }
            }
            return Field(field: path, value: value, withheld: profile.suppressed[path]?.notice, explain: explain)
        }
    }

    /// The number of `field`, when set.
    public func number(_ field: String) -> Double? {
        if case .number(let number)? = fields.first(where: { $0.field == field })?.value { return number }
        return nil
    }

    /// The text of `field`, when set.
    public func text(_ field: String) -> String? {
        if case .text(let text)? = fields.first(where: { $0.field == field })?.value { return text }
        return nil
    }

    /// The field's value, typed: what `explain` prints after `value:`, as data.
    static func value(_ path: String, of profile: Profile) -> OpenDataValue? {
        switch path {
        case "id": return .text(profile.id)
        case "period": return .text(profile.period.label)
        case "language": return .text(profile.language)
        case "license": return .text(profile.license)
        default:
            switch ProfileFields.value(path, of: profile) {
            case .text(let text)?: return .text(text)
            case .integer(let number)?: return .number(Double(number))
            case .decimal(let number)?: return .number(number)
            case .richText(let rich)?: return .text(rich.plainText)
            case .breakdown(let breakdown)?: return .breakdown(breakdown.shares.map { .init(category: $0.category, percent: $0.percent) })
            case .texts(let items)?: return .list(items)
            case .richTexts(let items)?: return .list(items.map(\.plainText))
            case nil: return nil
            }
        }
    }
}

/// A published value: a text, a number, a list of texts, or a breakdown by category.
public enum OpenDataValue: Codable, Sendable, Equatable {
    case text(String)
    case number(Double)
    case list([String])
    case breakdown([Share])

    public struct Share: Codable, Sendable, Equatable {
        public var category: String
        public var percent: Double
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let list = try? container.decode([String].self) {
            self = .list(list)
        } else {
            self = .breakdown(try container.decode([Share].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { try container.encode(Int(number)) } else { try container.encode(number) }
        case .list(let list): try container.encode(list)
        case .breakdown(let shares): try container.encode(shares)
        }
    }
}
