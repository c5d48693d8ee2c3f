import SheetCore

/// Stage 3: the rules that need the merged profile, or all profiles at once: programming has
/// an activity, active members are at most all members, ids are unique in the run.
public enum CheckStage {
    public static func run(_ inputs: RunInputs) -> RunInputs {
        var firstFile: [String: String] = [:]
        return run(inputs, firstFiles: &firstFile)
    }

    /// The checks, for a run that loads its profiles a part at a time: `firstFiles` holds the
    /// file that first used each id in the parts before, and gains this part's.
    public static func run(_ inputs: RunInputs, firstFiles firstFile: inout [String: String]) -> RunInputs {
        var result = inputs
        var valid: [Profile] = []
        for profile in inputs.profiles {
            var problems = ProfileChecks.check(profile)
            if let other = firstFile[profile.id] {
                var location = SourceLocation(file: profile.file, line: 1, column: 1)
                if case .profile(let origin)? = profile.origins["id"] { location = origin }
                problems.append(.error(at: location, "id '\(profile.id)' is already used by '\(other)'", hint: "ids must be unique in a run", field: "id"))
            } else {
                firstFile[profile.id] = profile.file
            }
            result.diagnostics += problems
            if problems.hasErrors { result.invalidFiles.append(profile.file) } else { valid.append(profile) }
        }
        result.profiles = valid
        // A file with errors: the rules that read only fields without errors, so that one error
        // does not hide the next (a missing 'name' and no programming activities), while an error
        // in a field does not bring the rules that read it along ('programming.convey' given as
        // a number is not also "no programming activities").
        for profile in inputs.partialProfiles {
            let fieldsWithErrors = inputs.diagnostics.filter { $0.severity == .error && $0.location?.file == profile.file }
                .map { $0.field ?? "" }
            result.diagnostics += ProfileChecks.check(profile).filter { problem in
                let field = problem.field ?? ""
                return !fieldsWithErrors.contains { Self.overlaps($0, field) }
            }
        }
        return result
    }

    /// Whether one of two dotted field paths is the other or lies inside it (a problem of no
    /// field, such as an unknown key, overlaps none).
    static func overlaps(_ a: String, _ b: String) -> Bool {
        if a.isEmpty || b.isEmpty { return false }
        if a == b { return true }
        func inside(_ x: String, _ y: String) -> Bool { x.hasPrefix(y + ".") || x.hasPrefix(y + "[") }
        return inside(a, b) || inside(b, a)
    }
}
