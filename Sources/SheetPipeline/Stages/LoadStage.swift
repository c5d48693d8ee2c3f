import Foundation
import SheetCore
import SheetLayout

/// Stage 1: read the template, the taxonomy and the profiles, and check every rule the files
/// alone decide. Survey data is merged next, by `SurveyStage`.
public enum LoadStage {
    public static func run(_ configuration: RunConfiguration, selection: [String]) throws(PipelineError) -> RunInputs {
        var inputs = try shared(configuration)
        let (files, selectionDiagnostics) = try ProfileDiscovery.select(selection, in: configuration.profilesDirectory)
        inputs.diagnostics += selectionDiagnostics
        let loader = profileLoader(configuration, taxonomy: inputs.taxonomy)
        add(files.map { loader.load(file: $0) }, of: files, to: &inputs)
        return inputs
    }

    /// What every profile of a run shares, with no profiles yet: the template and the taxonomy,
    /// their diagnostics and source lines.
    public static func shared(_ configuration: RunConfiguration) throws(PipelineError) -> RunInputs {
        var diagnostics: [Diagnostic] = []
        var sources = SourceTextStore()

        let templateResult = TemplateLoader.load(directory: configuration.templateDirectory)
        if let source = templateResult.source {
            sources.add(file: (configuration.templateDirectory as NSString).appendingPathComponent(TemplateLoader.fileName), text: source)
        }
        for (file, text) in templateResult.stringSources { sources.add(file: file, text: text) }
        diagnostics += templateResult.diagnostics
        guard let template = templateResult.template else {
            throw .invalidTemplate(directory: configuration.templateDirectory, diagnostics: templateResult.diagnostics)
        }
        // `--language` the template does not translate: one warning for the run.
        if let language = configuration.language, template.strings.table(for: language) == nil {
            diagnostics.append(template.untranslatedWarning(language, at: nil))
        }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: configuration.profilesDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unreadableProfiles(directory: configuration.profilesDirectory, reason: "no such folder")
        }
        let taxonomyFile = (configuration.profilesDirectory as NSString).appendingPathComponent(ProfileDiscovery.taxonomyFileName)
        let taxonomyResult = TaxonomyLoader.load(file: taxonomyFile)
        if let source = taxonomyResult.source { sources.add(file: taxonomyFile, text: source) }
        diagnostics += taxonomyResult.diagnostics
        return RunInputs(
            template: template, taxonomy: taxonomyResult.taxonomy, profiles: [], invalidFiles: [], diagnostics: diagnostics, sources: sources)
    }

    /// The loader for a run's profile files. Loading one file depends on nothing else, so
    /// files may be loaded on any thread.
    public static func profileLoader(_ configuration: RunConfiguration, taxonomy: Taxonomy) -> ProfileLoader {
        ProfileLoader(profilesRoot: configuration.profilesDirectory, taxonomy: taxonomy, currentYear: configuration.currentYear)
    }

    /// Adds the results of loading `files` (in the same order) to `inputs`.
    public static func add(_ results: [ProfileLoader.Result], of files: [String], to inputs: inout RunInputs) {
        for (file, result) in zip(files, results) {
            if let source = result.source, !result.diagnostics.isEmpty { inputs.sources.add(file: file, text: source) }
            inputs.diagnostics += result.diagnostics
            if let profile = result.profile { inputs.profiles.append(profile) } else { inputs.invalidFiles.append(file) }
            if let partial = result.partial { inputs.partialProfiles.append(partial) }
        }
    }
}
