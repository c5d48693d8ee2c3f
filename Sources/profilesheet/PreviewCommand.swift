import ArgumentParser
import Foundation
import SheetPipeline

/// `profilesheet preview PROFILE [--watch]`.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Render one profile into output/preview/ as a PDF and one PNG per page.",
        discussion: "With --watch it keeps running and renders again whenever the profile, its logo, the taxonomy, a survey or the template changes; Ctrl-C stops it.")

    @OptionGroup var options: SharedOptions

    @Flag(help: "Render again on every change, printing diagnostics instead of exiting.")
    var watch = false

    @Argument(help: ArgumentHelp("The profile, by path or id.", valueName: "profile"))
    var profile: String

    func run() throws {
        let configuration: RunConfiguration
        switch options.configuration() {
        case .success(let found): configuration = found
        case .failure(let error):
            var report = RunReport()
            report.failure = error
            try ReportPrinter.finish(report, options: options, summary: "previewed 0 sheets")
            return
        }
        let run = SheetRun(configuration: configuration)
        guard watch else {
            let report = run.preview(profile)
            for path in report.written { print(path) }
            try ReportPrinter.finish(report, options: options, summary: "previewed \(report.rendered) sheet")
            return
        }
        StopRequest.install()
        FileHandle.standardError.write(Data("watching '\(profile)'; Ctrl-C stops\n".utf8))
        PreviewWatcher(run: run, profile: profile).watch(shouldStop: { StopRequest.requested }) { report in
            // Paths go out unbuffered, so that a script reading them sees each render at once.
            if !report.written.isEmpty {
                FileHandle.standardOutput.write(Data(report.written.map { $0 + "\n" }.joined().utf8))
            }
            let kept = report.rendered == 0 ? " (kept the last good sheet)" : ""
            try? ReportPrinter.finish(report, options: options, summary: "previewed \(report.rendered) sheet\(kept)")
        }
        FileHandle.standardError.write(Data("stopped watching\n".utf8))
    }
}
