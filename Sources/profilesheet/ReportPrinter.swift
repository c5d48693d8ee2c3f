import ArgumentParser
import Foundation
import SheetCore
import SheetPipeline

/// Prints a run's diagnostics and summary to standard error, and turns the report into the
/// exit status.
enum ReportPrinter {
    static func finish(_ report: RunReport, options: SharedOptions, summary: String) throws {
        let diagnostics = report.reported(strict: options.strict)
        let renderer = DiagnosticRenderer(format: options.format, sources: ReportSources(kept: report.sources))
        var text = renderer.render(diagnostics)
        if options.format == .json {
            // JSON goes to standard output, alone, so that it can be piped.
            FileHandle.standardOutput.write(Data(text.utf8))
            text = ""
        }
        if let failure = report.failure {
            text += options.format == .github ? "::error::\(failure)\n" : "error: \(failure)\n"
        }
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        text += "\(summary); \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(String(format: "%.2f", report.seconds)) s\n"
        FileHandle.standardError.write(Data(text.utf8))
        let status = report.exitStatus(strict: options.strict)
        if status != 0 { throw ExitCode(status) }
    }
}
