import ArgumentParser
import SheetPipeline

/// `profilesheet validate [PROFILE ...]`.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check profiles as a build would, including text fit, writing nothing.")

    @OptionGroup var options: SharedOptions

    @Option(help: ArgumentHelp("Profiles checked at once (default: the number of cores).", valueName: "n"))
    var jobs: Int = BuildOptions.defaultJobs

    @Argument(help: ArgumentHelp("Profiles to check, by path or id (default: all).", valueName: "profile"))
    var profiles: [String] = []

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let report = options.report(keepingImageChecks: false) { $0.validate(profiles, jobs: jobs) }
        try ReportPrinter.finish(report, options: options, summary: "validated \(report.checked) profile\(report.checked == 1 ? "" : "s"), \(report.invalid) invalid")
    }
}
