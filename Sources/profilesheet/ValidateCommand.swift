import ArgumentParser
import SheetPipeline

/// `profilesheet validate [PROFILE ...]`.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check profiles as a build would, including text fit, writing nothing.")

    @OptionGroup var options: SharedOptions

    @Argument(help: ArgumentHelp("Profiles to check, by path or id (default: all).", valueName: "profile"))
    var profiles: [String] = []

    func run() throws {
        let report = SheetRun(configuration: options.configuration).validate(profiles)
        try ReportPrinter.finish(report, options: options, summary: "validated profiles, \(report.invalid) invalid")
    }
}
