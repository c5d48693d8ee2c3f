import Foundation
import SheetCore

/// `profilesheet new ID`: a commented `ID.yaml` listing every field of profile format 1. The
/// required fields are present but empty; once they are filled in the file is valid as
/// written; the optional ones are commented out, each with what it holds and its limits.
public enum ProfileScaffold {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case invalidID(String)
        case exists(String)
        case unwritable(path: String, reason: String)

        public var description: String {
            switch self {
            case .invalidID(let id):
                "'\(id)' is not a profile id: use 2 to 64 lowercase letters, digits and single hyphens, e.g. '\(ScalarRules.slugified(id))'"
            case .exists(let path): "'\(path)' already exists; profilesheet new never overwrites a file"
            case .unwritable(let path, let reason): "cannot write '\(path)': \(reason)"
            }
        }
    }

    /// Writes the JSON Schema the scaffold's first line names into `directory`, unless a file
    /// is there already; returns its path when it wrote it.
    public static func createSchema(in directory: String) throws(Problem) -> String? {
        let path = (directory as NSString).appendingPathComponent(ProfileSchema.jsonSchemaFileName)
        do {
            try NewFile.write(ProfileSchema.jsonSchema(), to: path)
            return path
        } catch {
            switch error {
            case .exists: return nil
            case .unwritable(let reason): throw .unwritable(path: path, reason: reason)
            }
        }
    }

    /// Writes the scaffold into `directory` and returns its path.
    public static func create(id: String, in directory: String, year: Int) throws(Problem) -> String {
        guard ScalarRules.isSlug(id), ProfileSchema.idLength.contains(id.count) else { throw .invalidID(id) }
        let path = (directory as NSString).appendingPathComponent(id + ".yaml")
        do {
            try NewFile.write(text(id: id, year: year), to: path)
        } catch {
            switch error {
            case .exists: throw .exists(path)
            case .unwritable(let reason): throw .unwritable(path: path, reason: reason)
            }
        }
        return path
    }

    public static func text(id: String, year: Int) -> String {
        let types = CommunityType.allCases.map(\.rawValue).joined(separator: ", ")
        return """
            \(ProfileSchema.languageServerLine())
            # Community profile (profile format 1) for profilesheet.
            # Fill in the required fields below; uncomment and fill in any optional field you know.
            # Check it with:  profilesheet validate \(id)    Look at it with:  profilesheet preview \(id)

            format: 1
            id: \(id)

            # --- Required -------------------------------------------------------------------------

            # The community's full name, 1–120 characters.
            name:
            # One of: \(types).
            type:
            # The year reported on, e.g. \(year - 1), or a span of up to 24 months: {from: \(year - 1)-01, to: \(year - 1)-12}
            period:
            # One or two sentences on why the community exists, 1–400 characters.
            mission:

            # What the community does, through the Community Participation Model: at least one
            # activity in one mode, up to 6 per mode, 1–80 characters each.
            programming:
              # Convey: members consume what the community shares (newsletters, talks, recordings).
              convey:
                -
              # Contribute: members add content and answers (forum posts, talks, resources).
              # contribute: []
              # Collaborate: members work together (working groups, sprints).
              # collaborate: []
              # Co-create: members set goals and build new things together.
              # co-create: []
              # Champion: members lead, mentor and grow the community.
              # champion: []

            # --- Optional -------------------------------------------------------------------------

            # short_name: ""                # 1–24 characters, used where space is short
            # founded: \(year - 5)                  # the year founded
            # website: \(ProfileSchema.scaffoldPlaceholders["website"] ?? "")
            # logo: logos/\(id).svg           # PNG, JPEG or SVG, relative to this file, inside the profiles folder
            # language: en                  # BCP 47 tag of this file's text: en, es, ja, pt-BR, …
            # keywords: []                  # up to 8 keys of taxonomy.yaml

            # The year in brief, up to 1500 characters. *emphasis*, **strong**, [links](https://…),
            # and paragraphs separated by a blank line.
            # narrative: |
            #   …

            # structure:
            #   host: ""                    # the hosting or sponsoring organisation, 1–160 characters
            #   governance: ""              # how decisions are made, 1–300 characters
            #   leadership:                 # up to 8 roles; names only where people agreed
            #     - role: Chair
            #       name: ""

            # staffing:
            #   paid_fte: 0.5               # paid staff in full-time equivalents, at most 2 decimals
            #   community_managers: 1
            #   volunteers: 10

            # members:
            #   count: 100
            #   active: 40                  # at most count
            #   regions: {north-america: 60, europe: 40}            # percentages summing to 100 (± 1)
            #   career_stages: {early-career: 50, mid-career: 50}

            # How the community grows its champions, up to 600 characters; rich text as above.
            # champions: ""

            # Percentages of funding over grants, membership, sponsorship, host-institution,
            # donations, earned-income, in-kind, other; summing to 100 (± 1).
            # funding: {grants: 80, in-kind: 20}

            # tools: [Slack, GitHub, Zoom]  # up to 12, 1–32 characters each

            # highlights:                   # up to 4 items each, 1–200 characters, rich text
            #   successes: []
            #   outputs: []
            #   challenges: []
            #   plans: []

            # contact:
            #   name: ""
            #   email: \(ProfileSchema.scaffoldPlaceholders["contact.email"] ?? "")
            #   url: \(ProfileSchema.scaffoldPlaceholders["contact.url"] ?? "")

            # license: CC-BY-4.0            # SPDX id of the sheet's licence (the default)

            """
    }
}
