import ArgumentParser
import Foundation
import SheetPipeline

/// `profilesheet survey scrub [--keep-original]`.
struct SurveyScrubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrub",
        abstract: "Rewrite each survey export in place to the columns its mapping uses.",
        discussion: """
            Every row is kept, in its order; the columns no mapping uses (names, e-mail \
            addresses, comments) go, and so do answers in the mapped columns that look \
            personal. The sheets built from the scrubbed files are the same as before.
            """)

    @OptionGroup var options: SharedOptions

    @Flag(help: "Keep each file as it was beside it, as NAME.csv.orig.")
    var keepOriginal = false

    func run() throws {
        let (report, outcomes) = SheetRun(configuration: options.configurationWithoutTemplate).scrubSurveys(keepOriginal: keepOriginal)
        var lines = ""
        for outcome in outcomes {
            let export = outcome.export
            if outcome.rewritten {
                lines += "scrubbed \(export.file): \(export.summary)" + (outcome.original.map { "; the original is \($0)" } ?? "") + "\n"
            } else if !export.changed {
                lines += "\(export.file) holds only what its mappings use\n"
            }
        }
        FileHandle.standardError.write(Data(lines.utf8))
        let count = outcomes.filter(\.rewritten).count
        try ReportPrinter.finish(report, options: options, summary: "scrubbed \(count) survey export\(count == 1 ? "" : "s")")
    }
}
