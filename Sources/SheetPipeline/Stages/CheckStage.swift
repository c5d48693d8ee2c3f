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
        return result
    }
}
