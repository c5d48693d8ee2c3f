import ArgumentParser

/// `profilesheet`: community profiles to PDF summary sheets.
struct ProfileSheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profilesheet",
        abstract: "Turn community profiles (YAML) into designed PDF summary sheets.",
        discussion: """
            Run from the root of a repository of profiles (profilesheet init starts one), it \
            reads profiles/ and profiles/surveys/, lays sheets out with the template 'standard' \
            (templates/standard here, else the installed one) and writes output/.
            Exit status: 0 all valid, 1 a profile is invalid, 2 the command line is wrong, \
            3 the run could not complete.
            """,
        version: "0.1.0",
        subcommands: [
            BuildCommand.self, ValidateCommand.self, PreviewCommand.self, NewCommand.self, ExplainCommand.self, SurveyCommand.self,
            InitCommand.self, SchemaCommand.self, TemplatesCommand.self, CompareCommand.self, CheckImageCommand.self,
        ],
        defaultSubcommand: BuildCommand.self
    )
}
