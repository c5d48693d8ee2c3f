/// Every string key the components look up, and which of them take plural forms. A template's
/// `strings/en.yaml` must give each of them, and every other language file the same keys with
/// the same `{placeholders}` (`TemplateStringsLoader`).
public enum StringCatalog {
    /// Keys whose text depends on a count (`{count}` members, …).
    public static let plural: Set<String> = [
        "figures.members", "figures.active-members", "figures.active-detail", "figures.community-managers",
        "figures.volunteers", "suppressed.reason",
    ]

    /// Keys of a single text.
    public static let text: Set<String> = [
        "band.label", "band.founded",
        "type.research-collaboration", "type.infrastructure-organization", "type.professional-society",
        "type.open-source-project", "type.community-of-practice", "type.network", "type.other",
        "figures.paid-staff",
        "footer.page", "footer.generated",
        "about.intro", "about.model", "about.model-name", "about.sources", "about.sources-survey", "about.license",
        "mode.convey", "mode.contribute", "mode.collaborate", "mode.co-create", "mode.champion",
        "mode.convey.summary", "mode.contribute.summary", "mode.collaborate.summary", "mode.co-create.summary",
        "mode.champion.summary",
        "model.none", "model.transmissive", "model.transformational",
        "suppressed.notice",
        "structure.host", "structure.governance", "structure.leadership",
        "contact.website", "contact.contact", "contact.email", "contact.get-involved",
        "logo.alt", "document.subject", "heading.continued",
    ]

    public static var all: Set<String> { plural.union(text) }
}
