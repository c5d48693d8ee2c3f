import SheetCore

/// Stage 3: the rules that need the merged profile, or all profiles at once: programming has
/// an activity, active members are at most all members, ids are unique in the run.
public enum CheckStage {
    public static func run(_ inputs: RunInputs) -> RunInputs {
        var result = inputs
        var valid: [Profile] = []
        var firstFile: [String: String] = [:]
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
        return result
    }
}
