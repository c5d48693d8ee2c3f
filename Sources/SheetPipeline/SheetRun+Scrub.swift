import Foundation
import SheetCore
import SheetSurvey

extension SheetRun {
    /// What `profilesheet survey scrub` did to one export.
    public struct ScrubOutcome: Sendable {
        public var export: ScrubbedExport
        /// Whether the file was rewritten (false when it already held only what its mappings use).
        public var rewritten: Bool
        /// The copy of the file as it was, when one was asked for.
        public var original: String?
    }

    /// `profilesheet survey scrub`: each survey export of the profiles folder rewritten in place
    /// to the columns its mappings use (`SurveyMerger.scrub`), atomically; with `keepOriginal`,
    /// the file as it was is kept beside it as `NAME.csv.orig` (never over an existing one).
    public func scrubSurveys(keepOriginal: Bool) -> (report: RunReport, outcomes: [ScrubOutcome]) {
        var report = RunReport()
        let started = Date()
        let mappingFiles = SurveyMerger.mappingFiles(in: configuration.profilesDirectory)
        guard !mappingFiles.isEmpty else {
            report.diagnostics.append(.warning(
                at: nil, "\(configuration.profilesDirectory)/\(SurveyMerger.folderName) has no survey mappings (*\(SurveyMapping.fileSuffix)): nothing to scrub",
                hint: "survey-mapping.md describes them"))
            report.seconds = Date().timeIntervalSince(started)
            return (report, [])
        }
        let entries = SurveyStage.directory(configuration, jobs: 2)
        let merger = SurveyMerger(profilesRoot: configuration.profilesDirectory, taxonomy: Taxonomy(keywords: []), currentYear: configuration.currentYear)
        let (exports, diagnostics) = merger.scrub(mappingFiles: mappingFiles, directory: CommunityDirectory(profiles: [], otherFiles: entries))
        report.diagnostics += diagnostics
        for file in mappingFiles {
            if let data = FileManager.default.contents(atPath: file), let text = try? TextDecoding.decodeUTF8(data).get() {
                report.sources.add(file: file, text: text)
            }
        }
        var outcomes: [ScrubOutcome] = []
        for export in exports {
            guard let bytes = export.bytes else { continue }
            var outcome = ScrubOutcome(export: export, rewritten: false)
            if export.changed {
                do throws(PipelineError) {
                    if keepOriginal {
                        let original = export.resolvedPath + ".orig"
                        guard !FileManager.default.fileExists(atPath: original) else {
                            report.diagnostics.append(.error(
                                at: SourceLocation(file: export.file + ".orig", line: 0, column: 0),
                                "\(export.file).orig exists already; \(export.file) was not scrubbed",
                                hint: "move the earlier copy away, or scrub without --keep-original"))
                            continue
                        }
                        guard let data = FileManager.default.contents(atPath: export.resolvedPath) else {
                            throw .unwritableOutput(path: original, reason: "cannot read \(export.file)")
                        }
                        try AtomicFile.write(data, to: original)
                        outcome.original = export.file + ".orig"
                    }
                    try AtomicFile.write(Data(bytes), to: export.resolvedPath)
                    outcome.rewritten = true
                    report.written.append(export.file)
                } catch {
                    report.failure = error
                    outcomes.append(outcome)
                    break
                }
            }
            outcomes.append(outcome)
        }
        report.seconds = Date().timeIntervalSince(started)
        return (report, outcomes)
    }
}
