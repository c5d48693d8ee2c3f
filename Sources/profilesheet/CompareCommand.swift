import ArgumentParser
import Foundation
import SheetLayout
import SheetPipeline

/// `profilesheet compare ID ID [ID …]`.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Render one sheet that sets 2 to 6 communities side by side, into output/compare/.",
        discussion: """
            Key figures, the participation model, members by region and career stage and the funding mix, one column per \
            community, each share on a common scale. The profiles are loaded, merged with their surveys and checked as for \
            their own sheets; if one is invalid, nothing is written. The file is named after the ids in the order given.
            """)

    @OptionGroup var options: SharedOptions

    @Argument(help: ArgumentHelp("The communities, by path or id (2 to 6).", valueName: "profile"))
    var profiles: [String] = []

    func validate() throws {
        let range = ComparisonLayoutEngine.communities
        guard range.contains(profiles.count) else {
            throw ValidationError("compare takes \(range.lowerBound) to \(range.upperBound) profiles; \(profiles.count) given")
        }
        var seen: Set<String> = []
        for profile in profiles where !seen.insert(profile).inserted {
            throw ValidationError("'\(profile)' is named twice; each community is one column")
        }
    }

    func run() throws {
        let report = options.report { $0.compare(profiles) }
        for path in report.written { print(path) }
        try ReportPrinter.finish(report, options: options, summary: report.rendered == 1 ? "compared \(profiles.count) communities" : "compared nothing")
    }
}
