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
        /// Every profile after the merge, including those a survey error made invalid, then the
        /// partial profiles of files with errors.
        public var profiles: [Profile]
        /// What each mapping offered each field, by profile file and field path.
        public var provenance: SurveyProvenance
    }

    /// Whether the profiles folder has survey mappings at all.
    public static func hasMappings(_ configuration: RunConfiguration) -> Bool {
        !SurveyMerger.mappingFiles(in: configuration.profilesDirectory).isEmpty
    }

    /// The community directory entry of every profile file in the profiles folder: what
    /// survey rows are matched against when only some profiles are loaded at a time.
    public static func directory(_ configuration: RunConfiguration, jobs: Int) -> [CommunityDirectory.Entry] {
        let files = (try? ProfileDiscovery.allProfiles(in: configuration.profilesDirectory)) ?? []
        return WorkerPool.map(count: files.count, jobs: jobs) { CommunityDirectory.entry(forProfileFile: files[$0]) }
    }

    /// The merge, with the details `explain` needs. `directory`, when given, holds the entries
    /// of every profile file (from `directory(_:jobs:)`), so that the profiles not loaded need
    /// not be read again.
    public static func merge(
        _ inputs: RunInputs, configuration: RunConfiguration, directory: [CommunityDirectory.Entry]? = nil
    ) -> (inputs: RunInputs, details: Details) {
        var result = inputs
        let mappings = SurveyMerger.mappingFiles(in: configuration.profilesDirectory)
        guard !mappings.isEmpty else {
            for profile in inputs.profiles where result.surveyFingerprints[profile.id] == nil {
                result.surveyFingerprints[profile.id] = ""
            }
            return (result, Details(profiles: inputs.profiles + inputs.partialProfiles, provenance: [:]))
        }
        // Rows may name communities outside this run (a run of one profile, or a profile that
        // failed to load): they are theirs, not unmatched.
        let all = inputs.profiles + inputs.partialProfiles
        let loaded = Set(all.map { PathContainment.realPath($0.file) ?? $0.file })
        let others: [CommunityDirectory.Entry]
        if let directory {
            others = directory.filter { !loaded.contains(PathContainment.realPath($0.file) ?? $0.file) }
        } else {
            others = ((try? ProfileDiscovery.allProfiles(in: configuration.profilesDirectory)) ?? [])
                .filter { !loaded.contains(PathContainment.realPath($0) ?? $0) }
                .map(CommunityDirectory.entry(forProfileFile:))
        }
        let merger = SurveyMerger(profilesRoot: configuration.profilesDirectory, taxonomy: inputs.taxonomy, currentYear: configuration.currentYear)
        let merged = merger.merge(all, otherFiles: others, mappingFiles: mappings)
        result.diagnostics += merged.diagnostics
        result.sources.merge(merged.sources)
        let whole = merged.profiles.prefix(inputs.profiles.count)
        result.profiles = whole.filter { !merged.failedProfiles.contains($0.file) }
        result.partialProfiles = Array(merged.profiles.dropFirst(inputs.profiles.count))
        result.invalidFiles += whole.map(\.file).filter { merged.failedProfiles.contains($0) }
        // Fingerprints are for sheets: a partial profile has none.
        let wholeIDs = Set(whole.map(\.id))
        for (id, fingerprint) in merged.fingerprints where wholeIDs.contains(id) { result.surveyFingerprints[id] = fingerprint }
        for (file, warnings) in merged.profileWarnings { result.profileWarnings[file, default: []] += warnings }
        result.provenance.merge(merged.provenance) { _, new in new }
        return (result, Details(profiles: merged.profiles, provenance: merged.provenance))
    }
}
