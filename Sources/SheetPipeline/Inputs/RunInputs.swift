import SheetCore
import SheetLayout
import SheetSurvey

/// Everything a run reads before laying anything out: the template, the taxonomy, the
/// profiles that loaded, and the diagnostics and source lines gathered so far.
public struct RunInputs: Sendable {
    public var template: Template
    public var taxonomy: Taxonomy
    /// Profiles that passed every check, in file order.
    public var profiles: [Profile]
    /// Profile files that did not load or failed a check.
    public var invalidFiles: [String]
    /// The profiles of files that loaded with errors, as far as they could be read
    /// (`ProfileLoader.Result.partial`): merged and checked like the others, so that every
    /// error of a file shows in one run, but never laid out. Their files are in `invalidFiles`.
    public var partialProfiles: [Profile] = []
    public var diagnostics: [Diagnostic]
    public var sources: SourceTextStore
    /// Per profile id, a digest of the survey mappings and rows that fed it (empty when none),
    /// so that an incremental build notices when a profile's survey data changed.
    public var surveyFingerprints: [String: String] = [:]
    /// Warnings in `diagnostics` that concern one profile though they point into a survey CSV
    /// (answers left out by `min_cell` or as personal), by profile file, so that a build keeps
    /// them with that profile's sheet.
    public var profileWarnings: [String: [Diagnostic]] = [:]
    /// What each survey offered each field, by profile file and field path (what `explain`
    /// and the open data say a value came from).
    public var provenance: SurveyProvenance = [:]
}
