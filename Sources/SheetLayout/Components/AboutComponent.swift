import SheetCore

/// How to read the sheet: what a community profile is, the participation model, where the
/// numbers come from, and the licence with a link to its text. It keeps the last page useful
/// even for a profile that reports little.
struct AboutComponent: SheetComponent {
    var spec: ComponentSpec

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        let profile = context.profile
        let surveyed = profile.origins.values.contains { if case .survey = $0 { return true } else { return false } }
        var paragraphs: [[RichSpan]] = [
            [RichSpan("This sheet shows a year in the life of "), RichSpan(profile.name, strong: true),
             RichSpan(" (\(context.periodLabel)), so that community managers and funders can compare communities at a glance.")],
            [RichSpan("Programming is shown through the "),
             RichSpan("Community Participation Model", link: "https://www.cscce.org/resources/cpm/"),
             RichSpan(" of the Center for Scientific Collaboration and Community Engagement: members convey and consume, contribute, collaborate and co-create, and champions support every mode.")],
            [RichSpan(surveyed
                ? "Figures come from the community's own profile and from survey responses; survey figures based on few responses are withheld."
                : "Figures come from the community's own profile.")],
        ]
        var license = [RichSpan("Licence: ")]
        if let url = Self.licenseURL(profile.license) {
            license.append(RichSpan(profile.license, link: url, unbreakable: true))
        } else {
            license.append(RichSpan(profile.license, unbreakable: true))
        }
        license.append(RichSpan(". Generated \(context.generatedOn) with profilesheet."))
        paragraphs.append(license)
        let text = context.text(paragraphs, style: spec.style ?? "note", width: width, field: "license", profileLanguage: false)
        var builder = FrameBuilder(width: width)
        builder.stack(text, role: .paragraph)
        return SectionHeading.wrap(spec.heading, content: builder.frame(), context: context, section: .init(kind: .about))
    }

    /// The licence's text for the Creative Commons licences; nil for others.
    static func licenseURL(_ id: String) -> String? {
        let parts = id.split(separator: "-")
        guard parts.count >= 2, parts[0] == "CC" || id.hasPrefix("CC0") else { return nil }
        if id == "CC0-1.0" { return "https://creativecommons.org/publicdomain/zero/1.0/" }
        guard let version = parts.last, version.contains(".") else { return nil }
        let kind = parts.dropFirst().dropLast().joined(separator: "-").lowercased()
        return "https://creativecommons.org/licenses/\(kind)/\(version)/"
    }
}
