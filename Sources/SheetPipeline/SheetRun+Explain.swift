import Foundation
import SheetCore
import SheetSurvey

extension SheetRun {
    /// What `explain` found: the text to print (nil when the profile could not be loaded),
    /// and the run's diagnostics.
    public struct Explanation: Sendable {
        public var text: String?
        public var report: RunReport
    }

    /// The fields `explain` accepts: every field path of profile format 1.
    public static var explainableFields: [String] { FieldExplanation.fields }

    /// `profilesheet explain PROFILE FIELD`: the field's final value in the profile, after the
    /// survey merge, and where it came from.
    public func explain(_ profile: String, field: String) -> Explanation {
        var report = RunReport()
        let started = Date()
        var text: String?
        do {
            let loaded = try LoadStage.run(configuration, selection: [profile])
            let (merged, details) = SurveyStage.merge(loaded, configuration: configuration)
            let checked = CheckStage.run(merged)
            report.diagnostics += checked.diagnostics
            report.sources.merge(checked.sources)
            report.invalid = Set(checked.invalidFiles).count
            // Explain the merged profile even when a later check found it invalid.
            if let found = details.profiles.first {
                text = FieldExplanation.text(field: field, profile: found, contributions: details.provenance[found.file]?[field] ?? [])
            }
        } catch {
            report.failure = error
        }
        report.seconds = Date().timeIntervalSince(started)
        return Explanation(text: text, report: report)
    }
}
