import ArgumentParser
import Foundation
import SheetCore
import SheetLayout
import SheetPipeline

/// The options every command takes (cli.md, "Options shared by the commands").
struct SharedOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Where profiles, taxonomy.yaml and surveys/ are.", valueName: "dir"))
    var profiles = "profiles"

    @Option(help: ArgumentHelp(
        "The template: a name, looked up in templates/ here and then in the installed templates, or a folder holding template.yaml.",
        valueName: "name|dir"))
    var template = TemplateCatalog.defaultName

    @Option(help: ArgumentHelp("Where sheets go.", valueName: "dir"))
    var output = "output"

    @Option(help: ArgumentHelp("Page size: letter or a4 (default: the template's).", valueName: "paper"))
    var paper: PaperSize?

    @Option(help: ArgumentHelp(
        "The language of the sheets' own words, numbers and dates, for every profile (default: each profile's 'language').",
        valueName: "tag"))
    var language: String?

    @Flag(help: "Count warnings as errors.")
    var strict = false

    @Option(help: ArgumentHelp("How diagnostics are printed: text, json or github (default: github when GITHUB_ACTIONS=true, else text).", valueName: "format"))
    var diagnostics: DiagnosticFormat?

    /// The run's configuration, with `--template` looked up (`TemplateCatalog`); logos are first
    /// decoded in a child process of this program, whose verdicts are kept in the output folder
    /// when `keepingImageChecks`.
    func configuration(keepingImageChecks: Bool = true) -> Result<RunConfiguration, PipelineError> {
        let isolation = IsolatedImageCheck.currentExecutable().map {
            IsolatedImageCheck(executable: $0, outputDirectory: output, writesCache: keepingImageChecks)
        }
        return TemplateCatalog.standard().resolve(template).map { directory in
            RunConfiguration(
                profilesDirectory: profiles, templateDirectory: directory, outputDirectory: output, paper: paper, language: language,
                strict: strict,
                imageIsolation: isolation)
        }
    }

    /// The configuration of a command that reads no template (`survey scrub`): `--template`
    /// is not looked up, so that it runs where no template is.
    var configurationWithoutTemplate: RunConfiguration {
        RunConfiguration(
            profilesDirectory: profiles, templateDirectory: template, outputDirectory: output, paper: paper, language: language, strict: strict)
    }

    func validate() throws {
        if let language, !ScalarRules.isLanguageTag(language) {
            throw ValidationError("--language must be a BCP 47 language tag such as 'en', 'ja' or 'pt-BR', found '\(language)'")
        }
    }

    /// The report of `body` run with this configuration, or of the failure to make one.
    func report(keepingImageChecks: Bool = true, _ body: (SheetRun) -> RunReport) -> RunReport {
        switch configuration(keepingImageChecks: keepingImageChecks) {
        case .success(let configuration): return body(SheetRun(configuration: configuration))
        case .failure(let error):
            var report = RunReport()
            report.failure = error
            return report
        }
    }

    var format: DiagnosticFormat {
        if let diagnostics { return diagnostics }
        return ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" ? .github : .text
    }
}

extension PaperSize: ExpressibleByArgument {}
extension DiagnosticFormat: ExpressibleByArgument {}
