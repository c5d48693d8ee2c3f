import SheetCore

/// What `profilesheet explain PROFILE FIELD` prints: the field's final value, where it came
/// from, and what was overridden, withheld or cut on the way.
public enum FieldExplanation {
    /// Every field path of profile format 1.
    public static let fields: [String] = {
        var fields = ["format", "id", "name", "short_name", "type", "founded", "period", "website", "logo", "language", "keywords",
                      "mission", "narrative", "structure.host", "structure.governance", "structure.leadership"]
        fields += ProfileSchema.staffingKeys.map { "staffing.\($0)" }
        fields += ProfileSchema.membersKeys.map { "members.\($0)" }
        fields += ParticipationMode.allCases.map { "programming.\($0.rawValue)" }
        fields += ["champions", "funding", "tools"]
        fields += ProfileSchema.highlightsKeys.map { "highlights.\($0)" }
        fields += ProfileSchema.contactKeys.map { "contact.\($0)" }
        fields.append("license")
        return fields
    }()

    /// The field's value as `explain` shows it; nil when it is not set.
    public static func value(_ path: String, of profile: Profile) -> String? {
        switch path {
        case "format": return "1"
        case "id": return profile.id
        case "period": return profile.period.label
        case "logo": return profile.logo.map { "'\($0.path)'" }
        case "language": return profile.language
        case "license": return profile.license
        case "structure.leadership":
            let roles = profile.structure.leadership.map { role in role.name.map { "\(role.role) (\($0))" } ?? role.role }
            return roles.isEmpty ? nil : roles.joined(separator: "; ")
        default: return ProfileFields.value(path, of: profile)?.description
        }
    }

    /// The explanation, one fact a line.
    public static func text(field: String, profile: Profile, contributions: [SurveyContribution]) -> String {
        lines(field: field, profile: profile, contributions: contributions).joined(separator: "\n") + "\n"
    }

    /// The explanation's lines: which field of which profile, `value: …`, then where it came
    /// from and what became of each survey's offer (`from:`, `overrides:`, `withheld:`, …).
    /// `explain` prints them; `output/profiles.json` carries them with each field.
    public static func lines(field: String, profile: Profile, contributions: [SurveyContribution]) -> [String] {
        var lines = ["\(field) of \(profile.id) (\(profile.file))"]
        lines.append("value: " + (value(field, of: profile) ?? "not set"))
        switch profile.origins[field] {
        case .profile(let location)?:
            lines.append("from: the profile, \(location)")
        case .survey(let csv, let rows, let column, let mapping, let aggregate)?:
            let count = Set(rows).count
            lines.append("from: survey \(csv), column \(column), \(RowList.text(rows)) (\(count) row\(count == 1 ? "" : "s")), aggregate \(aggregate), mapped by \(mapping)")
        case .defaultValue?:
            lines.append("from: the format's default; \(profile.file) does not set it")
        case nil:
            if profile.suppressed[field] == nil, contributions.isEmpty {
                lines.append("from: neither the profile nor a survey sets it")
            }
        }
        for contribution in contributions {
            lines += leftOut(contribution)
            switch contribution.outcome {
            case .used:
                if contribution.foldedCategories > 0 {
                    let n = contribution.foldedCategories
                    lines.append("folded: \(n) categor\(n == 1 ? "y" : "ies") chosen by fewer than \(contribution.minCell) rows (min_cell) went into 'other'")
                }
                if contribution.leftOutCategories > 0 {
                    let n = contribution.leftOutCategories
                    lines.append("left out: \(n) categor\(n == 1 ? "y" : "ies") chosen by fewer than \(contribution.minCell) rows (min_cell); the mapping names no 'other' to fold \(n == 1 ? "it" : "them") into")
                }
                if contribution.cutAnswers > 0 {
                    let n = contribution.cutAnswers
                    lines.append("cut: \(n) less frequent answer\(n == 1 ? "" : "s") did not fit the field's limit")
                }
            case .overriddenByProfile:
                let verdict = contribution.disagrees ? "differs; the profile's value wins" : "agrees with the profile"
                lines.append("overrides: \(contribution.value?.description ?? "a value") from survey \(contribution.sourceText), which \(verdict)")
            case .overriddenBySurvey(let mapping):
                let verdict = contribution.disagrees ? "differs" : "agrees"
                lines.append("also: \(contribution.value?.description ?? "a value") from survey \(contribution.sourceText), which \(verdict); \(mapping) comes first")
            case .suppressed:
                let count = Set(contribution.rows).count
                lines.append("withheld: \(count) answering row\(count == 1 ? "" : "s"), fewer than min_responses (\(contribution.minResponses)), so the sheet says \"fewer than \(contribution.minResponses) responses\"; survey \(contribution.sourceText)")
            case .noAnswers:
                lines.append("unanswered: survey \(contribution.sourceText): none of the community's rows answered")
            case .failed:
                lines.append("error: survey \(contribution.sourceText) could not be used; see the errors reported")
            case .leftOut:
                lines.append("not set: survey \(contribution.sourceText): every answer was left out")
            }
        }
        return lines
    }

    /// What the privacy rules left out of a survey's value: answers too few gave, and answers
    /// that looked personal, by row, never by content.
    static func leftOut(_ contribution: SurveyContribution) -> [String] {
        var lines: [String] = []
        let n = contribution.smallCellAnswers
        if n > 0 {
            lines.append("left out: \(n) answer\(n == 1 ? "" : "s") given by fewer than \(contribution.minCell) respondents (min_cell)")
        }
        let personal = contribution.personalRows.count
        if personal > 0 {
            lines.append("left out: \(personal) answer\(personal == 1 ? "" : "s") that looked personal, in \(RowList.text(contribution.personalRows)) of column \(contribution.column)")
        }
        return lines
    }
}
