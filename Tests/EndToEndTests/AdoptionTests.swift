import Foundation
import SheetCore
import SheetPipeline
import TestSupport
import Testing

/// A working group adopting profilesheet in a repository of its own: templates found by name,
/// `init`, `schema`, the CI workflow (issue 19).
@Suite("Adopting profilesheet in a repository of one's own")
struct AdoptionTests {
    static let root = CommandRunner.repositoryRoot
    static let valid = """
        format: 1
        id: demo
        name: Demo Community
        type: network
        period: 2025
        mission: Help people help each other.
        programming:
          convey: [Monthly newsletter]

        """

    /// A folder holding only `profiles/` with one valid profile.
    func profilesOnlyFolder() throws -> String {
        let folder = try CommandRunner.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder + "/profiles", withIntermediateDirectories: true)
        try Self.valid.write(toFile: folder + "/profiles/demo.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    /// Where the binary under test looks for installed templates.
    var installedTemplates: String {
        let binary = PathContainment.realPath(CommandRunner.binary) ?? CommandRunner.binary
        return (((binary as NSString).deletingLastPathComponent as NSString).appendingPathComponent("../share/profilesheet/templates") as NSString)
            .standardizingPath
    }

    // MARK: - Templates

    @Test func aMissingTemplateSaysWhereItLookedAndCountsAsAnError() throws {
        let folder = try profilesOnlyFolder()
        let run = try CommandRunner.profilesheet(["validate"], in: folder)
        #expect(run.status == 3)
        #expect(run.stderr.hasPrefix("""
            error: the template 'standard' cannot be used: 'templates/standard' (no such folder), \
            '\(installedTemplates)/standard' (no such folder), 'standard' (no such folder)
            hint: 'profilesheet templates' lists the templates it finds; --template takes a name or the path of a folder holding template.yaml
            could not complete (validated 0 profiles, 0 invalid); 1 error, 0 warnings in 
            """), "\(run.stderr)")
        #expect(run.stderr.hasSuffix(" s\n") && run.stderr.split(separator: "\n").count == 3)
        for command in [["build"], ["preview", "demo"], ["explain", "demo", "name"]] {
            let other = try CommandRunner.profilesheet(command, in: folder)
            #expect(other.status == 3, "\(command)")
            #expect(other.stderr.contains("error: the template 'standard' cannot be used"), "\(command)")
            #expect(!other.stderr.contains("0 errors"), "\(command): \(other.stderr)")
        }
        // A path is looked up as a path only; GitHub's format carries the hint too.
        let path = try CommandRunner.profilesheet(["validate", "--template", "designs/mine", "--diagnostics", "github"], in: folder)
        #expect(path.status == 3)
        #expect(path.stderr.hasPrefix("""
            ::error::the template 'designs/mine' cannot be used: 'designs/mine' (no such folder) \
            ('profilesheet templates' lists the templates it finds; --template takes a name or the path of a folder holding template.yaml)

            """), "\(path.stderr)")
    }

    @Test func templatesAreFoundByNameInTheWorkingDirectoryThenByPath() throws {
        let folder = try profilesOnlyFolder()
        try FileManager.default.createDirectory(atPath: folder + "/templates", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.root + "/templates/standard", toPath: folder + "/templates/standard")
        try FileManager.default.copyItem(atPath: Self.root + "/templates/standard", toPath: folder + "/plain")
        for arguments in [["validate"], ["validate", "--template", "standard"], ["validate", "--template", "templates/standard"],
                          ["validate", "--template", "plain"], ["validate", "--template", folder + "/plain"]] {
            let run = try CommandRunner.profilesheet(arguments, in: folder)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("validated 1 profile, 0 invalid; 0 errors"), "\(arguments): \(run.stderr)")
        }
        // A folder without template.yaml is no template, and says so.
        try FileManager.default.createDirectory(atPath: folder + "/templates/empty", withIntermediateDirectories: true)
        let empty = try CommandRunner.profilesheet(["validate", "--template", "empty"], in: folder)
        #expect(empty.status == 3)
        #expect(empty.stderr.contains("'templates/empty' (no template.yaml in it)"), "\(empty.stderr)")
    }

    @Test func aTemplateWithErrorsReportsThemAndWhy() throws {
        let folder = try profilesOnlyFolder()
        try FileManager.default.createDirectory(atPath: folder + "/templates/broken", withIntermediateDirectories: true)
        try "format: 1\nname: Broken\npaper: tabloid\n".write(toFile: folder + "/templates/broken/template.yaml", atomically: true, encoding: .utf8)
        let run = try CommandRunner.profilesheet(["validate", "--template", "broken"], in: folder)
        #expect(run.status == 3)
        #expect(run.stderr.contains("templates/broken/template.yaml:3:8: error:"), "\(run.stderr)")
        #expect(run.stderr.contains("3 | paper: tabloid"), "\(run.stderr)")
        let errors = run.stderr.components(separatedBy: ": error: ").count - 1
        #expect(run.stderr.contains("error: the template 'templates/broken' cannot be used: its template.yaml has \(errors) errors"), "\(run.stderr)")
        #expect(run.stderr.contains("could not complete (validated 0 profiles, 0 invalid); \(errors + 1) errors"), "\(run.stderr)")

        let listed = try CommandRunner.profilesheet(["templates"], in: folder)
        #expect(listed.status == 0)
        #expect(listed.stdout == "broken  templates/broken  cannot be used: \(errors) errors in its template.yaml (working directory)\n")
    }

    @Test func templatesListsWhatItFindsAndNothingElse() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let none = try CommandRunner.profilesheet(["templates"], in: folder)
        #expect(none.status == 3)
        #expect(none.stderr == "error: no templates found; looked in 'templates' (working directory) and '\(installedTemplates)' (installed)\n")

        try FileManager.default.createDirectory(atPath: folder + "/templates/notes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.root + "/templates/standard", toPath: folder + "/templates/standard")
        let listed = try CommandRunner.profilesheet(["templates"], in: folder)
        #expect(listed.status == 0)
        #expect(listed.stdout == "standard  templates/standard  Standard sheet (working directory)\n")
    }

    // MARK: - init

    static let initFiles = [
        "profiles/example-community.yaml", "profiles/taxonomy.yaml", "profiles/profile.schema.json",
        "profiles/surveys/community-survey-\(RunConfiguration.yearNow() - 1).csv", "profiles/surveys/community-survey.survey.yaml",
        ".gitignore", "README.md", ".github/workflows/sheets.yml",
    ]

    @Test func initStartsARepositoryThatBuildsWithoutWarnings() throws {
        let parent = try CommandRunner.temporaryDirectory()
        let created = try CommandRunner.profilesheet(["init", "group"], in: parent)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == Self.initFiles.map { "group/\($0)\n" }.joined())
        let folder = parent + "/group"
        let first = try String(contentsOfFile: folder + "/profiles/example-community.yaml", encoding: .utf8)
        #expect(first.hasPrefix("# yaml-language-server: $schema=profile.schema.json\n"))
        #expect(try String(contentsOfFile: folder + "/profiles/profile.schema.json", encoding: .utf8) == ProfileSchema.jsonSchema())
        #expect(try String(contentsOfFile: folder + "/.gitignore", encoding: .utf8).contains("/output/\n"))

        let template = ["--template", Self.root + "/templates/standard"]
        let build = try CommandRunner.profilesheet(["build"] + template, in: folder, environment: ["SOURCE_DATE_EPOCH": "1767225600"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains("rendered 1, up to date 0, invalid 0, warnings 0; 0 errors, 0 warnings"), "\(build.stderr)")
        for file in ["example-community.pdf", "example-community.png", "index.html", "collection.pdf", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/output/" + file), "\(file)")
        }
        // The survey feeds the example profile.
        let explained = try CommandRunner.profilesheet(["explain", "example-community", "members.count"] + template, in: folder)
        #expect(explained.stdout.contains("value: 1200"), "\(explained.stdout)")
        #expect(explained.stdout.contains("from: survey profiles/surveys/community-survey-"), "\(explained.stdout)")
    }

    @Test func initRefusesToOverwriteAnything() throws {
        let folder = try CommandRunner.temporaryDirectory()
        try "# Ours\n".write(toFile: folder + "/README.md", atomically: true, encoding: .utf8)
        let refused = try CommandRunner.profilesheet(["init"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: 'README.md' already exists; profilesheet init never overwrites a file, so it wrote nothing\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["README.md"])
        #expect(try String(contentsOfFile: folder + "/README.md", encoding: .utf8) == "# Ours\n")

        // A dangling symbolic link is something too.
        try FileManager.default.removeItem(atPath: folder + "/README.md")
        try FileManager.default.createSymbolicLink(atPath: folder + "/.gitignore", withDestinationPath: folder + "/nowhere")
        let link = try CommandRunner.profilesheet(["init", folder], in: Self.root)
        #expect(link.status == 1)
        #expect(link.stderr.contains("'\(folder)/.gitignore' already exists"), "\(link.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/profiles"))

        try FileManager.default.removeItem(atPath: folder + "/.gitignore")
        #expect(try CommandRunner.profilesheet(["init"], in: folder).status == 0)
        let again = try CommandRunner.profilesheet(["init"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("error: these files already exist: 'profiles/example-community.yaml', 'profiles/taxonomy.yaml',"))
    }

    @Test func newNamesTheSchemaAndWritesItOnce() throws {
        let folder = try profilesOnlyFolder()
        let created = try CommandRunner.profilesheet(["new", "fresh"], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "profiles/fresh.yaml\n")
        #expect(created.stderr == "wrote profiles/profile.schema.json, which editors read to check the profile while you type\n")
        #expect(try String(contentsOfFile: folder + "/profiles/fresh.yaml", encoding: .utf8).hasPrefix("# yaml-language-server: $schema=profile.schema.json\n"))
        try "{}\n".write(toFile: folder + "/profiles/profile.schema.json", atomically: true, encoding: .utf8)
        let second = try CommandRunner.profilesheet(["new", "second"], in: folder)
        #expect(second.status == 0)
        #expect(second.stderr == "")
        #expect(try String(contentsOfFile: folder + "/profiles/profile.schema.json", encoding: .utf8) == "{}\n")
    }

    // MARK: - Small things a coordinator met

    @Test func theScaffoldsExampleAddressesAreAWarning() throws {
        let folder = try profilesOnlyFolder()
        try (Self.valid + "website: https://example.org\ncontact:\n  email: someone@example.org\n  url: https://example.org/about\n")
            .write(toFile: folder + "/profiles/demo.yaml", atomically: true, encoding: .utf8)
        let run = try CommandRunner.profilesheet(["validate", "--template", Self.root + "/templates/standard"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("""
            profiles/demo.yaml:9:10: warning: 'website' is still the scaffold's example 'https://example.org'
            9 | website: https://example.org
              |          ^
            hint: write the community's own address, or remove the key
            """), "\(run.stderr)")
        #expect(run.stderr.contains("profiles/demo.yaml:11:10: warning: 'contact.email' is still the scaffold's example 'someone@example.org'"))
        // Only the scaffold's own examples: another address on example.org is the profile's.
        #expect(!run.stderr.contains("'contact.url' is still"))
        #expect(run.stderr.contains("validated 1 profile, 0 invalid; 0 errors, 2 warnings"), "\(run.stderr)")
    }

    @Test func ymlProfilesAreReadLikeYaml() throws {
        let folder = try CommandRunner.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder + "/profiles", withIntermediateDirectories: true)
        try Self.valid.write(toFile: folder + "/profiles/demo.yml", atomically: true, encoding: .utf8)
        try Self.valid.replacingOccurrences(of: "id: demo", with: "id: other").write(toFile: folder + "/profiles/wrong.yml", atomically: true, encoding: .utf8)
        let template = ["--template", Self.root + "/templates/standard"]
        let all = try CommandRunner.profilesheet(["validate"] + template, in: folder)
        #expect(all.status == 1)
        #expect(all.stderr.contains("profiles/wrong.yml:2:5: error: 'id' is 'other' but the file is named 'wrong.yml'"), "\(all.stderr)")
        #expect(all.stderr.contains("hint: the id must equal the file name: rename the file to 'other.yml' or write 'id: wrong'"), "\(all.stderr)")
        #expect(all.stderr.contains("validated 2 profiles, 1 invalid"), "\(all.stderr)")
        let one = try CommandRunner.profilesheet(["build", "demo"] + template, in: folder)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/output/demo.pdf"))
        let unknown = try CommandRunner.profilesheet(["validate", "dmeo"] + template, in: folder)
        #expect(unknown.stderr.contains("error: no profile 'dmeo'\nhint: did you mean 'demo'?"), "\(unknown.stderr)")
    }

    @Test func aSheetThatIsNotRenderedIsNotCountedAsRendered() throws {
        let folder = try profilesOnlyFolder()
        try Self.valid.replacingOccurrences(of: "name: Demo Community\n", with: "")
            .write(toFile: folder + "/profiles/demo.yaml", atomically: true, encoding: .utf8)
        let run = try CommandRunner.profilesheet(["build", "--template", Self.root + "/templates/standard"], in: folder)
        #expect(run.status == 1)
        #expect(!run.stderr.contains("1 rendered"), "\(run.stderr)")
        #expect(!run.stderr.contains("rendered 1/1"), "\(run.stderr)")
        #expect(run.stderr.contains("rendered 0, up to date 0, invalid 1"), "\(run.stderr)")
    }

    // MARK: - The workflow

    @Test func initWritesTheExampleWorkflowPinnedToThisVersion() throws {
        let example = try String(contentsOfFile: Self.root + "/examples/github-actions/sheets.yml", encoding: .utf8)
        #expect(RepositoryScaffold.workflow(version: ToolVersion.current) == example)
        #expect(example.contains("PROFILESHEET_VERSION: v\(ToolVersion.current)\n"))
    }

    /// actionlint, from `.venv` (`make venv`), on every workflow file: the example's, the one
    /// `init` writes, and any in the repository's own `.github/workflows`.
    @Test func everyWorkflowPassesActionlint() throws {
        let actionlint = Self.root + "/.venv/bin/actionlint"
        try #require(FileManager.default.isExecutableFile(atPath: actionlint), "no \(actionlint): run make venv (make test does)")
        let folder = try CommandRunner.temporaryDirectory()
        #expect(try CommandRunner.profilesheet(["init"], in: folder).status == 0)
        var files = [Self.root + "/examples/github-actions/sheets.yml", folder + "/.github/workflows/sheets.yml"]
        let own = Self.root + "/.github/workflows"
        files += ((try? FileManager.default.contentsOfDirectory(atPath: own)) ?? []).filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }
            .map { own + "/" + $0 }
        let lint = try CommandRunner.run(actionlint, ["-no-color"] + files)
        #expect(lint.status == 0, "\(lint.both)")

        // It does find mistakes: a job that needs one that does not exist.
        let broken = folder + "/broken.yml"
        try example(replacing: "    needs: [tool, shard]\n", with: "    needs: [tool, shards]\n").write(toFile: broken, atomically: true, encoding: .utf8)
        let caught = try CommandRunner.run(actionlint, ["-no-color", broken])
        #expect(caught.status == 1)
        #expect(caught.stdout.contains("\"shards\""), "\(caught.both)")
    }

    func example(replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOfFile: Self.root + "/examples/github-actions/sheets.yml", encoding: .utf8)
        #expect(text.contains(old))
        return text.replacingOccurrences(of: old, with: new)
    }
}
