/// Every string key the components look up, and which of them take plural forms. A template's
/// `strings/en.yaml` must give each of them, and every other language file the same keys with
/// the same `{placeholders}` (`TemplateStringsLoader`).
public enum StringCatalog {
    /// Keys whose text depends on a count (`{count}` members, …).
    public static let plural: Set<String> = [
        "figures.members", "figures.active-members", "figures.active-detail", "figures.community-managers",
        "figures.volunteers", "suppressed.reason",
        "many.communities", "many.withheld-note",
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
        // The pages about several communities: the comparison and the collection's overview.
        "many.band-label", "many.generated", "many.not-reported", "many.withheld", "many.not-listed", "many.page-continued",
        "many.participation-note", "many.type", "many.founded", "many.members", "many.paid-staff", "many.community-managers",
        "many.volunteers", "many.community",
        "compare.title", "compare.subtitle", "compare.footer", "compare.document-title", "compare.document-subject", "compare.bookmark",
        "compare.key-figures", "compare.period", "compare.active-members", "compare.participation", "compare.regions",
        "compare.career-stages", "compare.funding", "compare.rank-first", "compare.rank", "compare.all-categories",
        "compare.own-categories-note", "compare.shares-note", "compare.about-heading", "compare.about",
        "overview.title", "overview.document-title", "overview.document-subject", "overview.footer", "overview.types",
        "overview.communities-column", "overview.directory", "overview.active", "overview.active-note", "overview.participation",
        "overview.funding", "overview.other", "overview.funding-note", "overview.other-note", "overview.keywords", "overview.keyword",
    ]

    public static var all: Set<String> { plural.union(text) }
}
