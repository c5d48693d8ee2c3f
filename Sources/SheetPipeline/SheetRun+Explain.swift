import Foundation
import SheetCore
import SheetSurvey

extension SheetRun {
    /// What `explain` found: the text to print (nil when the profile could not be loaded),
    /// and the run's diagnostics.
    public struct Explanation: Sendable {
        public var text: String?
        public var report: RunReport
        /// Diagnostics of the run left out of `report` because they concern other fields.
        public var otherDiagnostics: [Diagnostic] = []
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
            // Explain the merged profile even when a check found it invalid (a file with errors
            // is explained as far as it could be read).
            if let found = details.profiles.first {
                text = FieldExplanation.text(field: field, profile: found, contributions: details.provenance[found.file]?[field] ?? [])
            }
        } catch {
            report.failure = error
        }
        report.seconds = Date().timeIntervalSince(started)
        // Once there is something to explain, only the field's diagnostics are printed.
        var others: [Diagnostic] = []
        if text != nil {
            let all = report.diagnostics
            report.diagnostics = []
            for diagnostic in all {
                if Self.concerns(diagnostic, field: field) {
                    report.diagnostics.append(diagnostic)
                } else {
                    others.append(diagnostic)
                }
            }
        }
        return Explanation(text: text, report: report, otherDiagnostics: others)
    }

    /// Whether `explain FIELD` prints `diagnostic`: it names the field, a field inside it or
    /// the section it is in (`members` for `members.count`), or the field's entry in a mapping
    /// (`fields.members.count.column`); or it is an error of a survey file that concerns no one
    /// field (its key column, its header, its delimiter), which may be why no survey sets it.
    static func concerns(_ diagnostic: Diagnostic, field: String) -> Bool {
        if let path = diagnostic.field {
            if CheckStage.overlaps(path, field) { return true }
            if path.hasPrefix("fields.") { return path == "fields.\(field)" || path.hasPrefix("fields.\(field).") }
        }
        guard diagnostic.severity == .error, let file = diagnostic.location?.file,
              file.hasSuffix(SurveyMapping.fileSuffix) || file.lowercased().hasSuffix(".csv")
        else { return false }
        return !(diagnostic.field.map { FieldExplanation.fields.contains($0) || $0.hasPrefix("fields.") } ?? false)
    }
}
