import ArgumentParser
import Foundation
import SheetPipeline

/// `profilesheet preview PROFILE`.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview", abstract: "Render one profile into output/preview/ as a PDF and one PNG per page.")

    @OptionGroup var options: SharedOptions

    @Argument(help: ArgumentHelp("The profile, by path or id.", valueName: "profile"))
    var profile: String

    func run() throws {
        let report = SheetRun(configuration: options.configuration).preview(profile)
        for path in report.written { print(path) }
        try ReportPrinter.finish(report, options: options, summary: "previewed \(report.rendered) sheet")
    }
}
