// The libFuzzer entry for survey exports read with their mappings. Like the profile entry it is
// not a SwiftPM target: `scripts/fuzz.sh` builds SheetSurvey with `-sanitize=fuzzer` coverage
// into its own scratch folder and compiles this file against it.
//
// An input is a mapping file and a CSV export, separated by the first NUL byte (a seed is
// `mapping NUL csv`, the mapping's `source:` naming `fuzz.csv`). Both are written into a
// scratch profiles folder and merged into the sample profiles exactly as a build merges them
// (`SurveyMerger`: mapping checks, CSV reading, row matching, aggregation, privacy rules,
// value checks); the diagnostics are rendered in every format. The CSV is also read on its
// own with every column kept, in each export shape and with the delimiters a mapping may
// name. A crash, a trap, a hang over `-timeout` or memory over `-rss_limit_mb` is a finding.
import Foundation
import SheetCore
import SheetSurvey

private let root: String = {
    let path = NSTemporaryDirectory() + "profilesheet-survey-fuzz-" + String(getpid())
    try? FileManager.default.createDirectory(atPath: path + "/" + SurveyMerger.folderName, withIntermediateDirectories: true)
    return path
}()

/// The sample profiles (`FUZZ_PROFILES`), so that rows can match communities by id and name.
private let samples: (profiles: [Profile], taxonomy: Taxonomy) = {
    guard let folder = ProcessInfo.processInfo.environment["FUZZ_PROFILES"] else { return ([], .empty) }
    let taxonomy = TaxonomyLoader.load(file: folder + "/taxonomy.yaml").taxonomy
    let loader = ProfileLoader(profilesRoot: folder, taxonomy: taxonomy, currentYear: 2026)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") && $0 != "taxonomy.yaml" }
    return (names.sorted().compactMap { loader.load(file: folder + "/" + $0).profile }, taxonomy)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func surveyMergeFuzzer(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = UnsafeBufferPointer(start: bytes, count: count)
    let split = input.firstIndex(of: 0) ?? count
    let mapping = Data(input[0..<split])
    let csv = split < count ? Data(input[(split + 1)...]) : Data()
    let folder = root + "/" + SurveyMerger.folderName
    let mappingFile = folder + "/fuzz" + SurveyMapping.fileSuffix
    guard (try? mapping.write(to: URL(fileURLWithPath: mappingFile))) != nil,
          (try? csv.write(to: URL(fileURLWithPath: folder + "/fuzz.csv"))) != nil else { return 0 }

    let merger = SurveyMerger(profilesRoot: root, taxonomy: samples.taxonomy, currentYear: 2026)
    let result = merger.merge(samples.profiles, mappingFiles: [mappingFile])
    for format in DiagnosticFormat.allCases {
        _ = DiagnosticRenderer(format: format, sources: result.sources).render(result.diagnostics)
    }
    for profile in result.profiles {
        _ = ProfileChecks.check(profile)
    }

    for export in [ExportShape.auto, .plain, .qualtrics, .googleForms] {
        for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")] {
            let (header, _) = SurveyCSV.readHeader(csv, file: "fuzz.csv", delimiter: delimiter, export: export)
            if let header { _ = SurveyCSV.readRows(header, keeping: Set(header.columns.indices)) }
        }
    }
    return 0
}
