import Foundation

/// Profile format 1 as a JSON Schema (draft 07, which the YAML language server and
/// check-jsonschema both read), made from the same constants the loader checks against
/// (`ProfileSchema`, `CommunityType`, `ParticipationMode`, `SPDXLicenses`), so that the two
/// cannot drift; the regular expressions below are tested against `ScalarRules` and
/// `URLCheck` (`JSONSchemaTests`).
///
/// A schema is an editor's aid: where it cannot say what the loader checks, it says less,
/// never more, so that a valid profile is never flagged:
/// - text fields take any scalar (the loader reads `name: 2025` as the text "2025"); their
///   upper limits are only described, since the loader counts characters as people see them
///   and a schema counts code points; rich texts count their visible text, which a schema
///   cannot either;
/// - numbers may also be written as quoted digits; decimal places, `members.active` ≤
///   `members.count`, breakdowns summing to 100, the taxonomy's keywords, `id` equal to the
///   file name, the logo file and "at least one activity" (which survey data may supply) are
///   checked by `profilesheet validate` only.
extension ProfileSchema {
    /// Where `profilesheet init` puts the schema, and where the `$schema` line of a profile
    /// written by `init` or `new` points, relative to the profiles folder.
    public static let jsonSchemaFileName = "profile.schema.json"

    /// The comment line that tells the YAML language server which schema a file follows.
    public static func languageServerLine(schemaPath: String = jsonSchemaFileName) -> String {
        "# yaml-language-server: $schema=\(schemaPath)"
    }

    /// A slug: lowercase ASCII letters and digits in runs joined by single hyphens (`ScalarRules.isSlug`).
    public static let slugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"
    /// A BCP 47 tag by its syntax (`ScalarRules.isLanguageTag`).
    public static let languageTagPattern = "^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$"
    /// An http or https URL (`URLCheck.isWebURL` checks more).
    public static let webURLPattern = "^\\s*[Hh][Tt][Tt][Pp][Ss]?://"
    /// `name@host.tld`, no spaces or the characters an address may not hold (`URLCheck.isPlausibleEmail`).
    public static let emailPattern = "^\\s*[^@\\s<>()\\[\\],;:\\\\\"]{1,64}@([^@\\s<>()\\[\\],;:\\\\\".-]([^@\\s<>()\\[\\],;:\\\\\".]*[^@\\s<>()\\[\\],;:\\\\\".-])?\\.)+[^@\\s<>()\\[\\],;:\\\\\".-][^@\\s<>()\\[\\],;:\\\\\".]*[^@\\s<>()\\[\\],;:\\\\\".-]\\s*$"
    /// An SPDX short id as written (`SPDXLicenses.isWellFormed`).
    public static let spdxPattern = "^\\s*[A-Za-z0-9.+-]{1,64}\\s*$"
    /// `2025-01`.
    public static let yearMonthPattern = "^\\s*[0-9]{4}-(0[1-9]|1[0-2])\\s*$"

    /// The schema as JSON text, keys sorted, so that the same version writes the same bytes.
    public static func jsonSchema() -> String {
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: jsonSchemaObject(), options: options) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The schema as JSON values.
    public static func jsonSchemaObject() -> [String: Any] {
        let modes = Dictionary(uniqueKeysWithValues: ParticipationMode.allCases.map { mode in
            (mode.rawValue, textList(
                "\(mode.label): activities in this mode of the Community Participation Model.",
                count: activitiesCount, length: activityLength))
        })
        let highlights = Dictionary(uniqueKeysWithValues: zip(highlightsKeys, [
            "What went well this year.", "What the community made: papers, software, events, reports.",
            "What was hard.", "What comes next.",
        ]).map { key, description in
            (key, [
                "description": "\(description) Rich texts: up to \(highlightsCount.upperBound) items of \(highlightLength.lowerBound)–\(highlightLength.upperBound) characters each.",
                "type": "array", "maxItems": highlightsCount.upperBound, "items": richText("A highlight.", length: highlightLength),
            ] as [String: Any])
        })
        let properties: [String: Any] = [
            "format": ["description": "The format version: 1.", "enum": [1, "1"]],
            "id": [
                "description": "The community's slug, equal to the file name without .yaml: lowercase letters, digits and single hyphens, \(idLength.lowerBound)–\(idLength.upperBound) characters; unique.",
                "type": "string", "pattern": slugPattern, "minLength": idLength.lowerBound, "maxLength": idLength.upperBound,
            ] as [String: Any],
            "name": text("The community's full name.", length: nameLength),
            "short_name": text("The name where space is short (page headers, footers).", length: shortNameLength),
            "type": [
                "description": "The kind of community.",
                "enum": CommunityType.allCases.map(\.rawValue),
            ] as [String: Any],
            "founded": integer("The year the community was founded, from \(earliestYear) to this year.", minimum: earliestYear, maximum: nil),
            "period": [
                "description": "The year reported on (2025), or a range of months ({from: 2025-01, to: 2025-12}): from ≤ to, at most \(periodMonths) months, from \(earliestYear) to next year.",
                "oneOf": [
                    ["type": "integer", "minimum": earliestYear] as [String: Any],
                    ["type": "string", "pattern": "^\\s*[0-9]+\\s*$"],
                    [
                        "type": "object", "additionalProperties": false, "required": periodKeys,
                        "properties": [
                            "from": ["description": "The first month, as 2025-01.", "type": "string", "pattern": yearMonthPattern],
                            "to": ["description": "The last month, as 2025-12.", "type": "string", "pattern": yearMonthPattern],
                        ],
                    ],
                ],
            ] as [String: Any],
            "website": webURL("The community's home page: an http or https URL."),
            "logo": [
                "description": "A PNG, JPEG or SVG file, relative to the profile's folder; it must stay inside the profiles folder after following symlinks. Rasters at most 4096×4096 pixels; SVGs may not refer to other files or URLs.",
                "type": "string", "minLength": 1,
            ] as [String: Any],
            "language": [
                "description": "The BCP 47 tag of the profile's text, e.g. en (the default), ja, pt-BR; it sets line breaking, hyphenation and glyph forms.",
                "type": "string", "pattern": languageTagPattern, "maxLength": 35,
            ] as [String: Any],
            "keywords": [
                "description": "Focus areas, shown as chips with the taxonomy's labels: up to \(keywordsCount.upperBound) distinct keys of taxonomy.yaml.",
                "type": "array", "maxItems": keywordsCount.upperBound, "uniqueItems": true,
                "items": ["type": "string", "pattern": slugPattern, "maxLength": 64] as [String: Any],
            ] as [String: Any],
            "mission": text("One or two sentences on why the community exists; the first page's lead.", length: missionLength),
            "narrative": richText("The year in brief.", length: narrativeLength),
            "structure": object("How the community is organised.", properties: [
                "host": text("The hosting or sponsoring organisation.", length: hostLength),
                "governance": text("How decisions are made.", length: governanceLength),
                "leadership": [
                    "description": "Up to \(leadershipCount.upperBound) roles, each {role, name?}; names only where people agreed.",
                    "type": "array", "maxItems": leadershipCount.upperBound,
                    "items": object("A role and, optionally, who holds it.", properties: [
                        "role": text("The role, e.g. Chair.", length: roleLength),
                        "name": text("Who holds it.", length: personNameLength),
                    ], required: ["role"]),
                ] as [String: Any],
            ]),
            "staffing": object("Who runs the community.", properties: [
                "paid_fte": number("Paid staff in full-time equivalents, at most 2 decimals.", range: paidFTERange),
                "community_managers": integer("Community managers (people).", minimum: communityManagersRange.lowerBound, maximum: communityManagersRange.upperBound),
                "volunteers": integer("Volunteers who help run the community (people).", minimum: volunteersRange.lowerBound, maximum: volunteersRange.upperBound),
            ]),
            "members": object("Who the community is.", properties: [
                "count": integer("Members.", minimum: membersRange.lowerBound, maximum: membersRange.upperBound),
                "active": integer("Active members: at most members.count.", minimum: membersRange.lowerBound, maximum: membersRange.upperBound),
                "regions": breakdown("Where members are: a breakdown over free slugs such as north-america.", categories: nil),
                "career_stages": breakdown("Members' career stages: a breakdown over free slugs such as early-career.", categories: nil),
            ]),
            "programming": object(
                "What the community does, through the Community Participation Model: at least one activity in all (from the profile or survey data).",
                properties: modes),
            "champions": richText("How the community grows its champions.", length: championsLength),
            "funding": breakdown("Where the money comes from.", categories: fundingCategories),
            "tools": textList("Platforms the community uses.", count: toolsCount, length: toolLength),
            "highlights": object("The year's highlights.", properties: highlights),
            "contact": object("How to reach the community.", properties: [
                "name": text("Who to contact.", length: personNameLength),
                "email": [
                    "description": "A plausible e-mail address, such as name@example.org.",
                    "type": "string", "pattern": emailPattern, "maxLength": 254,
                ] as [String: Any],
                "url": webURL("A contact page: an http or https URL."),
            ]),
            "license": [
                "description": "The SPDX id of the sheet's licence; the default is CC-BY-4.0. Ids profilesheet does not know are a warning.",
                "anyOf": [["enum": SPDXLicenses.known], ["type": "string", "pattern": spdxPattern]],
            ] as [String: Any],
        ]
        return [
            "$schema": "http://json-schema.org/draft-07/schema#",
            "title": "profilesheet community profile, format 1",
            "description": "One community's year: a YAML file in profiles/, named after its id. See docs/profiles.md.",
            "type": "object",
            "additionalProperties": false,
            "required": requiredKeys,
            "properties": properties,
        ]
    }

    // MARK: - Parts

    /// Plain text of `length` characters: any scalar, since the loader reads `2025` as text.
    /// The upper limit is only described: the loader counts characters as people see them
    /// (`ẹ̀` is one), JSON Schema's `maxLength` counts code points (`ẹ̀` is three), so a
    /// `maxLength` would flag a Yoruba or Vietnamese name that is within the limit.
    static func text(_ description: String, length: ClosedRange<Int>) -> [String: Any] {
        [
            "description": "\(description) \(length.lowerBound)–\(length.upperBound) characters.",
            "anyOf": [["type": "string", "minLength": length.lowerBound] as [String: Any], ["type": ["number", "boolean"]]],
        ]
    }

    /// Rich text: `*emphasis*`, `**strong**`, `[label](https://…)` and paragraphs; the limit
    /// counts the visible text, so it is only described.
    static func richText(_ description: String, length: ClosedRange<Int>) -> [String: Any] {
        let limit = length.lowerBound == 0 ? "up to \(length.upperBound)" : "\(length.lowerBound)–\(length.upperBound)"
        return [
            "description": "\(description) Rich text (*emphasis*, **strong**, [label](https://…), paragraphs separated by a blank line), \(limit) visible characters.",
            "type": ["string", "number", "boolean"],
        ]
    }

    static func textList(_ description: String, count: ClosedRange<Int>, length: ClosedRange<Int>) -> [String: Any] {
        [
            "description": "\(description) Up to \(count.upperBound) distinct items of \(length.lowerBound)–\(length.upperBound) characters each.",
            "type": "array", "maxItems": count.upperBound, "uniqueItems": true,
            "items": text("An item.", length: length),
        ]
    }

    /// A whole number, written as a number or as quoted digits.
    static func integer(_ description: String, minimum: Int, maximum: Int?) -> [String: Any] {
        var number: [String: Any] = ["type": "integer", "minimum": minimum]
        if let maximum { number["maximum"] = maximum }
        let range = maximum.map { ", \(minimum)–\($0)" } ?? ""
        return ["description": "\(description)\(range.isEmpty ? "" : " A whole number\(range).")", "anyOf": [number, ["type": "string", "pattern": "^\\s*[0-9]+\\s*$"]]]
    }

    static func number(_ description: String, range: ClosedRange<Double>) -> [String: Any] {
        [
            "description": "\(description) \(ScalarRules.format(range.lowerBound))–\(ScalarRules.format(range.upperBound)).",
            "anyOf": [["type": "number", "minimum": range.lowerBound, "maximum": range.upperBound] as [String: Any],
                      ["type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*$"]],
        ]
    }

    static func webURL(_ description: String) -> [String: Any] {
        ["description": description, "type": "string", "pattern": webURLPattern, "maxLength": 2000]
    }

    /// Categories mapped to percentages (0–100, one decimal) that sum to 100 ± 1.
    static func breakdown(_ description: String, categories: [String]?) -> [String: Any] {
        let percent: [String: Any] = [
            "description": "A percentage, 0–100, at most one decimal.",
            "anyOf": [["type": "number", "minimum": 0, "maximum": 100] as [String: Any], ["type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9])?\\s*$"]],
        ]
        var schema: [String: Any] = [
            "description": "\(description) \(breakdownCategories.lowerBound)–\(breakdownCategories.upperBound) categories mapped to percentages (0–100, at most one decimal) that sum to 100 ± 1.",
            "type": "object", "minProperties": breakdownCategories.lowerBound, "maxProperties": breakdownCategories.upperBound,
        ]
        if let categories {
            schema["properties"] = Dictionary(uniqueKeysWithValues: categories.map { ($0, percent) })
            schema["additionalProperties"] = false
        } else {
            schema["propertyNames"] = ["pattern": slugPattern]
            schema["additionalProperties"] = percent
        }
        return schema
    }

    static func object(_ description: String, properties: [String: Any], required: [String] = []) -> [String: Any] {
        var schema: [String: Any] = ["description": description, "type": "object", "additionalProperties": false, "properties": properties]
        if !required.isEmpty { schema["required"] = required }
        return schema
    }
}
