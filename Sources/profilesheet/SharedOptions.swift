import ArgumentParser
import Foundation
import SheetCore
import SheetLayout
import SheetPipeline

/// The options every command takes (cli.md, "Options shared by the commands").
struct SharedOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Where profiles, taxonomy.yaml and surveys/ are.", valueName: "dir"))
    var profiles = "profiles"

    @Option(help: ArgumentHelp("The template folder to lay sheets out with.", valueName: "dir"))
    var template = "templates/standard"

    @Option(help: ArgumentHelp("Where sheets go.", valueName: "dir"))
    var output = "output"

    @Option(help: ArgumentHelp("Page size: letter or a4 (default: the template's).", valueName: "paper"))
    var paper: PaperSize?

    @Flag(help: "Count warnings as errors.")
    var strict = false

    @Option(help: ArgumentHelp("How diagnostics are printed: text, json or github (default: github when GITHUB_ACTIONS=true, else text).", valueName: "format"))
    var diagnostics: DiagnosticFormat?

    /// The run's configuration; logos are first decoded in a child process of this program,
    /// whose verdicts are kept in the output folder when `keepingImageChecks`.
    func configuration(keepingImageChecks: Bool = true) -> RunConfiguration {
        let isolation = IsolatedImageCheck.currentExecutable().map {
            IsolatedImageCheck(executable: $0, outputDirectory: output, writesCache: keepingImageChecks)
        }
        return RunConfiguration(
            profilesDirectory: profiles, templateDirectory: template, outputDirectory: output, paper: paper, strict: strict,
            imageIsolation: isolation)
    }

    var configuration: RunConfiguration { configuration() }

    var format: DiagnosticFormat {
        if let diagnostics { return diagnostics }
        return ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" ? .github : .text
    }
}

extension PaperSize: ExpressibleByArgument {}
extension DiagnosticFormat: ExpressibleByArgument {}
