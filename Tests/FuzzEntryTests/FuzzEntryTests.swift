import Foundation
import FuzzEntries
import SheetRender
import TestSupport
import Testing

/// The fuzz entries of `make fuzz` run over their seeds (`scripts/fuzz.sh --seeds`: the
/// repository's profiles, logos, survey exports and templates, and the hostile cases and earlier
/// findings of Fuzz/Seeds/), so that an entry that stops compiling, or a seed that brings one
/// down again, fails `make test` and not only a fuzzing run nobody makes. Each finding of a
/// fuzzing run is a file in Fuzz/Seeds/<entry>/, and so a case here.
@Suite("Fuzz entries over their seeds")
struct FuzzEntryTests {
    /// The seed files of `entry` that scripts/fuzz.sh writes, by name.
    static func seeds(_ entry: String) throws -> [(name: String, data: Data)] {
        let folder = try CommandRunner.temporaryDirectory()
        let output = try CommandRunner.run("bash", [CommandRunner.repositoryRoot + "/scripts/fuzz.sh", "--seeds", folder], timeout: 60)
        #expect(output.status == 0, "\(output.both)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/" + entry).sorted()
        return try names.map { ($0, try Data(contentsOf: URL(fileURLWithPath: folder + "/" + entry + "/" + $0))) }
    }

    static let samples = FuzzSamples(folder: CommandRunner.repositoryRoot + "/profiles")

    @Test func profileLoadingOverItsSeeds() throws {
        let seeds = try Self.seeds("profile")
        // The samples, the valid and the invalid corpus.
        #expect(seeds.count > 100)
        #expect(seeds.contains { $0.name == "profiles_us-rse.yaml" })
        let entry = ProfileLoadFuzzEntry(scratch: try CommandRunner.temporaryDirectory(),
                                         logos: CommandRunner.repositoryRoot + "/Tests/Corpus/valid/logos")
        for seed in seeds { entry.run(seed.data) }
    }

    @Test func theSVGCleanerKeepsItsPromisesOverItsSeeds() throws {
        let seeds = try Self.seeds("svg")
        #expect(seeds.contains { $0.name == "profiles_logos_us-rse.svg" })
        #expect(seeds.contains { $0.name == "hostile-css.svg" })
        for seed in seeds {
            #expect(SVGCleanFuzzEntry.run(Array(seed.data)) == nil, "\(seed.name)")
            // The promise check ran on the samples and the hostile cases: they are cleaned, not
            // refused (of the corpus, the malformed and the emptied ones are refused).
            if seed.name.hasPrefix("profiles_") || seed.name.hasPrefix("hostile-") {
                guard case .success = SVGCleaner.clean(Array(seed.data)) else {
                    Issue.record("refused: \(seed.name)")
                    continue
                }
            }
            // The bombs the cleaner refuses whole (too many elements drawn, too large a scale).
            if seed.name.hasPrefix("refused-"), case .success = SVGCleaner.clean(Array(seed.data)) {
                Issue.record("not refused: \(seed.name)")
            }
        }
    }

    /// The check the SVG entry traps on can fail: a document with an outside reference, given
    /// to it as if the cleaner had written it.
    @Test func theSVGPromiseCheckFindsAnOutsideReference() {
        let written = CleanedSVG(bytes: Array(##"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1" fill="url(x.svg#a)"></rect></svg>"##.utf8), leftOut: [])
        #expect(SVGCleaner.brokenPromise(in: written)?.hasPrefix("cleaning is not idempotent: ") == true)
    }

    @Test func surveyMergingOverItsSeeds() throws {
        let seeds = try Self.seeds("survey")
        // Each sample mapping with its export.
        #expect(seeds.contains { $0.name == "member-survey.survey.yaml" })
        #expect(seeds.allSatisfy { $0.data.contains(0) })
        let entry = SurveyMergeFuzzEntry(scratch: try CommandRunner.temporaryDirectory(), samples: Self.samples)
        for seed in seeds { entry.run(seed.data) }
    }

    @Test func templateLayoutOverItsSeeds() throws {
        let seeds = try Self.seeds("template")
        #expect(seeds.contains { $0.name == "templates_standard_template.yaml" })
        #expect(Self.samples.profiles.count >= 10)
        let entry = TemplateLayoutFuzzEntry(scratch: try CommandRunner.temporaryDirectory(), samples: Self.samples)
        for seed in seeds { entry.run(seed.data) }
    }
}
