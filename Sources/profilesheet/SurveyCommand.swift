import ArgumentParser

/// `profilesheet survey …`: commands about the survey exports in `profiles/surveys/`.
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Work on the survey exports in the profiles folder's surveys/.",
        subcommands: [SurveyScrubCommand.self])
}
