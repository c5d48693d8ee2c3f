import ArgumentParser
import SheetPipeline

/// `profilesheet build [PROFILE ...]`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Render sheets: every profile, or the ones named (by path or id).")

    @OptionGroup var options: SharedOptions

    @Argument(help: ArgumentHelp("Profiles to render, by path or id (default: all).", valueName: "profile"))
    var profiles: [String] = []

    func run() throws {
        let report = SheetRun(configuration: options.configuration).build(profiles)
        try ReportPrinter.finish(report, options: options, summary: "rendered \(report.rendered) sheet\(report.rendered == 1 ? "" : "s") into \(options.output)/, \(report.invalid) invalid")
    }
}
