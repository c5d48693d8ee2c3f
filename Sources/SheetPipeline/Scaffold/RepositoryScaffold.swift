import Foundation
import SheetCore

/// `profilesheet init [DIR]`: a working group's repository of profiles, ready to build and to
/// push: one example profile and the taxonomy, an example survey export with its mapping, the
/// JSON Schema editors read, a README, a `.gitignore` for `output/` and the CI workflow.
///
/// It never overwrites: when any of its files exists, it writes none and names them.
public enum RepositoryScaffold {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case exists([String])
        case unwritable(path: String, reason: String)

        public var description: String {
            switch self {
            case .exists(let paths):
                "\(paths.count == 1 ? "'\(paths[0])' already exists" : "these files already exist: " + paths.map { "'\($0)'" }.joined(separator: ", ")); profilesheet init never overwrites a file, so it wrote nothing"
            case .unwritable(let path, let reason): "cannot write '\(path)': \(reason)"
            }
        }
    }

    /// The id of the example profile.
    public static let exampleID = "example-community"

    /// The files, by path relative to the repository's root, in the order they are written.
    public static func files(year: Int, version: String) -> [(path: String, text: String)] {
        [
            ("profiles/\(exampleID).yaml", exampleProfile(year: year)),
            ("profiles/taxonomy.yaml", taxonomy),
            ("profiles/\(ProfileSchema.jsonSchemaFileName)", ProfileSchema.jsonSchema()),
            ("profiles/surveys/community-survey-\(year - 1).csv", surveyExport(year: year)),
            ("profiles/surveys/community-survey.survey.yaml", surveyMapping(year: year)),
            (".gitignore", gitignore),
            ("README.md", readme),
            (".github/workflows/sheets.yml", workflow(version: version)),
        ]
    }

    /// Writes the files under `directory` (made when missing) and returns their paths.
    public static func create(in directory: String, year: Int, version: String = ToolVersion.current) throws(Problem) -> [String] {
        let files = files(year: year, version: version).map {
            (path: directory == "." ? $0.path : (directory as NSString).appendingPathComponent($0.path), text: $0.text)
        }
        let existing = files.map(\.path).filter(exists)
        guard existing.isEmpty else { throw .exists(existing) }
        var written: [String] = []
        for file in files {
            do {
                let folder = (file.path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            } catch {
                throw .unwritable(path: file.path, reason: error.localizedDescription)
            }
            // A file that appeared since the check above is not overwritten either.
            do {
                try NewFile.write(file.text, to: file.path)
            } catch {
                switch error {
                case .exists: throw .exists([file.path])
                case .unwritable(let reason): throw .unwritable(path: file.path, reason: reason)
                }
            }
            written.append(file.path)
        }
        return written
    }

    /// Whether anything is at `path`, a symbolic link to nothing included.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    // MARK: - The files

    static func exampleProfile(year: Int) -> String {
        """
        \(ProfileSchema.languageServerLine())
        # An example profile, to show the shape of one: replace it with your own communities
        # (profilesheet new ID writes a commented scaffold with every field), or edit this one.
        # Its member and staff numbers and tools come from the survey in surveys/.
        format: 1
        id: \(exampleID)
        name: Example Community
        short_name: Example
        type: community-of-practice
        founded: \(year - 4)
        period: \(year - 1)
        language: en
        keywords: [community-management, open-science]
        mission: >
          Bring together the people who look after research communities, so that each of them
          can learn from the others.
        narrative: |
          The community met every month online and once in person. **Four new working groups**
          started this year, and the first *shared onboarding guide* was published.
        programming:
          convey:
            - Monthly newsletter
            - Recorded talks
          contribute:
            - Shared resource library
          collaborate:
            - Working groups on onboarding and metrics
          champion:
            - Mentoring for new community managers
        structure:
          host: A university library
          governance: A steering group of five members, elected for two years
        funding: {grants: 60, host-institution: 30, in-kind: 10}
        highlights:
          successes:
            - Published a shared onboarding guide
          challenges:
            - Keeping volunteers' time manageable
          plans:
            - A second in-person meeting
        license: CC-BY-4.0

        """
    }

    static let taxonomy = """
        # The working group's keywords: a profile's 'keywords' must be keys of this list, and the
        # sheets show their labels. Add, rename or remove entries as your group needs.
        format: 1
        keywords:
          community-management: Community management
          open-science: Open science
          open-source-sustainability: Open source sustainability
          research-software: Research software
          diversity-equity-inclusion: Diversity, equity and inclusion
          training: Training and education
          mentoring: Mentoring
          governance: Governance
          funding-models: Funding models
          events-and-hackathons: Events and hackathons

        """

    /// A survey export as Google Forms writes it: one row per community, answered by its
    /// manager. No names or e-mail addresses: the export holds only what the sheets use.
    static func surveyExport(year: Int) -> String {
        """
        Timestamp,Community name,How many members does your community have?,How many of them took part in something this year?,How many volunteers help run the community?,Which tools does your community use?
        \(year - 1)/11/03 9:14:22 AM GMT,Example Community,"1,200",310,25,"Slack, Zoom, GitHub"

        """
    }

    static func surveyMapping(year: Int) -> String {
        """
        # How the survey export next to this file feeds profiles (see profilesheet's
        # docs/surveys.md). Each row is matched to a profile by the community's name, and the
        # columns below fill profile fields; every other column is never read.
        format: 1
        source: community-survey-\(year - 1).csv
        export: google-forms
        key:
          column: Community name
          match: name
        # One row per community, written by its manager about the community, not about a person:
        # a single answer is enough, and no answer is one person's.
        min_responses: 1
        min_cell: 1
        fields:
          members.count:
            column: How many members does your community have?
            aggregate: one
          members.active:
            column: How many of them took part in something this year?
            aggregate: one
          staffing.volunteers:
            column: How many volunteers help run the community?
            aggregate: one
          tools:
            column: Which tools does your community use?
            split: ", "
            aggregate: union

        """
    }

    static let gitignore = """
        # Sheets are built by profilesheet build, locally and in CI; they are not committed.
        /output/

        """

    static let readme = """
        # Community profiles

        This repository holds our working group's community profiles: one small YAML file per
        community in `profiles/`, from which [profilesheet](https://github.com/profilesheet/profilesheet)
        makes a designed PDF sheet per community, a gallery page and one collection of them all.

        | path | what |
        |---|---|
        | `profiles/ID.yaml` | one community's profile; `ID` is its id (`my-community`) |
        | `profiles/taxonomy.yaml` | our keywords: the `keywords` of a profile come from here |
        | `profiles/logos/` | logos (PNG, JPEG or SVG) that profiles point to with `logo:` |
        | `profiles/surveys/` | survey exports (CSV) and the mappings (`*.survey.yaml`) that feed profile fields |
        | `profiles/profile.schema.json` | the profile format as a JSON Schema, for editors |
        | `.github/workflows/sheets.yml` | checks pull requests and publishes the sheets |
        | `output/` | what a build writes (not committed) |

        ## Adding a community

        1. `profilesheet new my-community` writes `profiles/my-community.yaml`, listing every field
           with its limits; fill in at least `name`, `type`, `period`, `mission` and one activity.
        2. Put its logo under `profiles/logos/` and point `logo:` at it.
        3. `profilesheet preview --watch my-community` renders the sheet into `output/preview/`
           on every save, and says what is wrong instead when something is.
        4. Open a pull request: the workflow checks every profile and marks each problem on its line.

        An editor with the YAML language server (VS Code's YAML extension, for one) completes keys
        and flags mistakes while you type, from the first line of each profile. After upgrading
        profilesheet, refresh the schema with `profilesheet schema > profiles/profile.schema.json`.

        ## Building

        ```sh
        profilesheet validate   # check every profile, write nothing
        profilesheet build      # output/ID.pdf and ID.png per profile, index.html, collection.pdf
        ```

        `profilesheet templates` lists the designs it can use (`--template NAME`). On the
        default branch the workflow builds every sheet and publishes them as the artifact
        `community-profiles`, and as this repository's GitHub Pages site when Settings → Pages →
        Source is "GitHub Actions".

        The example profile and survey (`example-community`) show the shape of things: replace
        them with your own.

        """
}
