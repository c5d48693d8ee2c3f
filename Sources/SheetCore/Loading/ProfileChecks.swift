/// Rules that look at more than one field, checked once survey data has been merged in, and
/// the example values of `profilesheet new`'s scaffold left in a profile.
public enum ProfileChecks {
    public static func check(_ profile: Profile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let fileStart = SourceLocation(file: profile.file, line: 1, column: 1)
        func location(_ field: String) -> SourceLocation {
            if case .profile(let location)? = profile.origins[field] { return location }
            return fileStart
        }
        if profile.programming.totalActivities == 0 {
            diagnostics.append(.error(
                at: location("programming"), "the profile lists no programming activities",
                hint: "add at least one activity to one of 'programming.convey', 'programming.contribute', 'programming.collaborate', 'programming.co-create' or 'programming.champion'",
                field: "programming"))
        }
        let placeholders: [(field: String, value: String?)] = [
            ("website", profile.website), ("contact.email", profile.contact.email), ("contact.url", profile.contact.url),
        ]
        for (field, value) in placeholders where value != nil && value == ProfileSchema.scaffoldPlaceholders[field] {
            diagnostics.append(.warning(
                at: location(field), "'\(field)' is still the scaffold's example '\(value ?? "")'",
                hint: "write the community's own address, or remove the key", field: field))
        }
        if let count = profile.members.count, let active = profile.members.active, active > count {
            diagnostics.append(.error(
                at: location("members.active"), "'members.active' is \(active), more than 'members.count' (\(count))",
                hint: "active members are counted among all members; use a value from 0 to \(count)",
                field: "members.active"))
        }
        return diagnostics
    }
}
