import SheetCore
import SheetLayout
import SheetSurvey

extension SheetRun {
    /// Stages 1–3 for one part: its files loaded on `jobs` threads, merged with survey data
    /// (rows matched against `directory`, every profile file's entry) and checked, ids against
    /// the earlier parts' too. `shared` holds the template and taxonomy, loaded once.
    func preparePart(
        _ part: [String], shared: RunInputs, loader: ProfileLoader, directory: [CommunityDirectory.Entry]?, jobs: Int,
        firstFiles: inout [String: String]
    ) -> RunInputs {
        var inputs = shared
        inputs.diagnostics = []
        inputs.sources = SourceTextStore()
        let results = WorkerPool.map(count: part.count, jobs: jobs) { loader.load(file: part[$0]) }
        LoadStage.add(results, of: part, to: &inputs)
        inputs = SurveyStage.merge(inputs, configuration: configuration, directory: directory).inputs
        return CheckStage.run(inputs, firstFiles: &firstFiles)
    }
}
