import Foundation
import SheetCore
import SheetSurvey

/// Stage 2: survey data merged into the profiles (survey-mapping.md). Every
/// `profiles/surveys/*.survey.yaml` is read with its CSV; each field the profile file leaves
/// unset gets the survey's value, or a suppression notice when too few people answered.
/// Profiles a survey error concerns become invalid. Without mappings, profiles pass through.
public enum SurveyStage {
    public static func run(_ inputs: RunInputs, configuration: RunConfiguration) -> RunInputs {
        merge(inputs, configuration: configuration).inputs
    }

    /// What `merge` gives `explain` beside the next stage's inputs.
    public struct Details: Sendable {
        /// Every profile after the merge, including those a survey error made invalid.
        public var profiles: [Profile]
        /// What each mapping offered each field, by profile file and field path.
        public var provenance: SurveyProvenance
    }

    /// The merge, with the details `explain` needs.
    public static func merge(_ inputs: RunInputs, configuration: RunConfiguration) -> (inputs: RunInputs, details: Details) {
        var result = inputs
        let mappings = SurveyMerger.mappingFiles(in: configuration.profilesDirectory)
        guard !mappings.isEmpty else {
            for profile in inputs.profiles where result.surveyFingerprints[profile.id] == nil {
                result.surveyFingerprints[profile.id] = ""
            }
            return (result, Details(profiles: inputs.profiles, provenance: [:]))
        }
        // Rows may name communities outside this run (a run of one profile, or a profile that
        // failed to load): they are theirs, not unmatched.
        let loaded = Set(inputs.profiles.map { PathContainment.realPath($0.file) ?? $0.file })
        let others = ((try? ProfileDiscovery.allProfiles(in: configuration.profilesDirectory)) ?? [])
            .filter { !loaded.contains(PathContainment.realPath($0) ?? $0) }
            .map(CommunityDirectory.entry(forProfileFile:))
        let merger = SurveyMerger(profilesRoot: configuration.profilesDirectory, taxonomy: inputs.taxonomy, currentYear: configuration.currentYear)
        let merged = merger.merge(inputs.profiles, otherFiles: others, mappingFiles: mappings)
        result.diagnostics += merged.diagnostics
        result.sources.merge(merged.sources)
        result.profiles = merged.profiles.filter { !merged.failedProfiles.contains($0.file) }
        result.invalidFiles += merged.profiles.map(\.file).filter { merged.failedProfiles.contains($0) }
        for (id, fingerprint) in merged.fingerprints { result.surveyFingerprints[id] = fingerprint }
        return (result, Details(profiles: merged.profiles, provenance: merged.provenance))
    }
}
