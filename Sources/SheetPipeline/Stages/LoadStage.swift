import Foundation
import SheetCore
import SheetLayout

/// Stage 1: read the template, the taxonomy and the profiles, and check every rule the files
/// alone decide. Survey data is merged next, by `SurveyStage`.
public enum LoadStage {
    public static func run(_ configuration: RunConfiguration, selection: [String]) throws(PipelineError) -> RunInputs {
        var diagnostics: [Diagnostic] = []
        var sources = SourceTextStore()

        let templateResult = TemplateLoader.load(directory: configuration.templateDirectory)
        if let source = templateResult.source {
            sources.add(file: (configuration.templateDirectory as NSString).appendingPathComponent(TemplateLoader.fileName), text: source)
        }
        diagnostics += templateResult.diagnostics
        guard let template = templateResult.template else {
            throw .invalidTemplate(directory: configuration.templateDirectory)
        }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: configuration.profilesDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unreadableProfiles(directory: configuration.profilesDirectory, reason: "no such folder")
        }
        let taxonomyFile = (configuration.profilesDirectory as NSString).appendingPathComponent(ProfileDiscovery.taxonomyFileName)
        let taxonomyResult = TaxonomyLoader.load(file: taxonomyFile)
        if let source = taxonomyResult.source { sources.add(file: taxonomyFile, text: source) }
        diagnostics += taxonomyResult.diagnostics

        let (files, selectionDiagnostics) = try ProfileDiscovery.select(selection, in: configuration.profilesDirectory)
        diagnostics += selectionDiagnostics
        let loader = ProfileLoader(
            profilesRoot: configuration.profilesDirectory, taxonomy: taxonomyResult.taxonomy, currentYear: configuration.currentYear)
        var profiles: [Profile] = []
        var invalid: [String] = []
        for file in files {
            let result = loader.load(file: file)
            if let source = result.source, !result.diagnostics.isEmpty { sources.add(file: file, text: source) }
            diagnostics += result.diagnostics
            if let profile = result.profile { profiles.append(profile) } else { invalid.append(file) }
        }
        return RunInputs(
            template: template, taxonomy: taxonomyResult.taxonomy, profiles: profiles, invalidFiles: invalid,
            diagnostics: diagnostics, sources: sources)
    }
}
