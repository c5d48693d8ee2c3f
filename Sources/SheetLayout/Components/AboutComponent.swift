import SheetCore

/// How to read the sheet: what a community profile is, the participation model, where the
/// numbers come from, and the licence with a link to its text. It keeps the last page useful
/// even for a profile that reports little.
struct AboutComponent: SheetComponent {
    var spec: ComponentSpec

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        let profile = context.profile
        let surveyed = profile.origins.values.contains { if case .survey = $0 { return true } else { return false } }
        let strings = context.strings
        var paragraphs: [[RichSpan]] = [
            strings.spans("about.intro", ["name": [RichSpan(profile.name, strong: true)], "period": [RichSpan(context.periodLabel)]]),
            strings.spans("about.model", ["model": [RichSpan(strings.text("about.model-name"), link: "https://www.cscce.org/resources/cpm/")]]),
            [RichSpan(strings.text(surveyed ? "about.sources-survey" : "about.sources"))],
        ]
        let licenseName = Self.licenseURL(profile.license).map { RichSpan(profile.license, link: $0, unbreakable: true) }
            ?? RichSpan(profile.license, unbreakable: true)
        let license = strings.spans("about.license", ["license": [licenseName], "date": [RichSpan(context.generatedOn)]])
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
