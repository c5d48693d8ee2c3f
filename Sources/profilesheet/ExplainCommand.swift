import ArgumentParser
import SheetCore
import SheetPipeline

/// `profilesheet explain PROFILE FIELD`.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Print a field's final value and where it came from: the profile file, or survey rows.")

    @OptionGroup var options: SharedOptions

    @Argument(help: ArgumentHelp("The profile, by path or id.", valueName: "profile"))
    var profile: String

    @Argument(help: ArgumentHelp("The field, as a dotted path such as members.regions.", valueName: "field"))
    var field: String

    func validate() throws {
        guard SheetRun.explainableFields.contains(field) else {
            let hint = Suggestion.didYouMean(field, in: SheetRun.explainableFields) ?? "fields are dotted paths such as 'members.count' or 'programming.convey'"
            throw ValidationError("unknown field '\(field)'; \(hint)")
        }
    }

    func run() throws {
        var text: String?
        var others: [Diagnostic] = []
        let report = options.report { run in
            let explanation = run.explain(profile, field: field)
            text = explanation.text
            others = explanation.otherDiagnostics
            return explanation.report
        }
        if let text { print(text, terminator: "") }
        var notes: [String] = []
        if !others.isEmpty {
            let errors = others.errorCount
            let warnings = others.warningCount
            let counted = [errors > 0 ? "\(errors) error\(errors == 1 ? "" : "s")" : nil,
                           warnings > 0 ? "\(warnings) warning\(warnings == 1 ? "" : "s")" : nil].compactMap { $0 }
            notes.append("not shown: \(counted.joined(separator: " and ")) about other fields or files; `profilesheet validate \(profile)` shows them")
        }
        try ReportPrinter.finish(report, options: options, summary: "explained '\(field)' of \(profile)", notes: notes)
    }
}
