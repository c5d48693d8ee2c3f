import ArgumentParser
import Foundation
import SheetCore
import SheetPipeline

/// Prints a run's diagnostics and summary to standard error, and turns the report into the
/// exit status.
enum ReportPrinter {
    /// `notes` are lines printed after the diagnostics, before the summary (what a build removed).
    static func finish(_ report: RunReport, options: SharedOptions, summary: String, notes: [String] = []) throws {
        let diagnostics = report.reported(strict: options.strict)
        let renderer = DiagnosticRenderer(format: options.format, sources: ReportSources(kept: report.sources))
        var text = renderer.render(diagnostics)
        if options.format == .json {
            // JSON goes to standard output, alone, so that it can be piped.
            FileHandle.standardOutput.write(Data(text.utf8))
            text = ""
        }
        if let failure = report.failure {
            let hint = failure.hint
            text += options.format == .github
                ? "::error::\(failure)\(hint.map { " (\($0))" } ?? "")\n"
                : "error: \(failure)\n\(hint.map { "hint: \($0)\n" } ?? "")"
        }
        for note in notes { text += note + "\n" }
        // A run that could not complete says so, and counts its failure among the errors.
        let errors = diagnostics.errorCount + (report.failure == nil ? 0 : 1)
        let warnings = diagnostics.warningCount
        let outcome = report.failure == nil ? summary : "could not complete (\(summary))"
        text += "\(outcome); \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(String(format: "%.2f", report.seconds)) s\n"
        FileHandle.standardError.write(Data(text.utf8))
        let status = report.exitStatus(strict: options.strict)
        if status != 0 { throw ExitCode(status) }
    }
}
