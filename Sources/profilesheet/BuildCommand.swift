import ArgumentParser
import Foundation
import SheetPipeline

/// `profilesheet build [PROFILE ...]`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Render sheets: every profile, or the ones named (by path or id).")

    @OptionGroup var options: SharedOptions

    @Option(help: ArgumentHelp("Sheets rendered at once (default: the number of cores).", valueName: "n"))
    var jobs: Int = BuildOptions.defaultJobs

    @Option(help: ArgumentHelp("Render only the I-th of N stable, disjoint slices of the profiles, for CI matrix jobs.", valueName: "I/N"))
    var shard: Shard?

    @Flag(help: "Render even what is up to date.")
    var force = false

    @Flag(help: "If another build is writing into the output folder, wait for it to finish (default: stop with status 3).")
    var wait = false

    @Argument(help: ArgumentHelp("Profiles to render, by path or id (default: all).", valueName: "profile"))
    var profiles: [String] = []

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let progress = ProgressPrinter()
        let report = options.report {
            $0.build(profiles, options: BuildOptions(jobs: jobs, shard: shard, force: force, wait: wait), progress: progress.handle)
        }
        progress.finish()
        let warnings = report.reported(strict: options.strict).warningCount
        try ReportPrinter.finish(
            report, options: options,
            summary: "rendered \(report.rendered), up to date \(report.upToDate), invalid \(report.invalid)"
                + (report.removed.isEmpty ? "" : ", removed \(report.removed.count)")
                + ", warnings \(warnings)\(shard.map { " (shard \($0))" } ?? "")",
            notes: report.removed.map(\.note))
    }
}

extension Shard: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
