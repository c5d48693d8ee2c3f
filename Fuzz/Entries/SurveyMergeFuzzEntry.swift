import Foundation
import SheetCore
import SheetSurvey

/// The fuzz entry for survey exports read with their mappings (driver:
/// Fuzz/Drivers/survey-merge-fuzzer; run over the seeds by `FuzzEntryTests`).
///
/// An input is a mapping file and a CSV export, separated by the first NUL byte (a seed is
/// `mapping NUL csv`, the mapping's `source:` naming `fuzz.csv`). Both are written into a
/// scratch profiles folder and merged into the sample profiles exactly as a build merges them
/// (`SurveyMerger`: mapping checks, CSV reading, row matching, aggregation, privacy rules,
/// value checks); the diagnostics are rendered in every format. The CSV is also read on its
/// own with every column kept, in each export shape and with the delimiters a mapping may
/// name. A crash, a trap, a hang over `-timeout` or memory over `-rss_limit_mb` is a finding.
public struct SurveyMergeFuzzEntry: Sendable {
    private let root: String
    private let samples: FuzzSamples

    /// `scratch`: a folder of its own (made here) that plays the profiles folder.
    public init(scratch: String, samples: FuzzSamples) {
        root = scratch
        self.samples = samples
        try? FileManager.default.createDirectory(atPath: scratch + "/" + SurveyMerger.folderName, withIntermediateDirectories: true)
    }

    public func run(_ input: Data) {
        let split = input.firstIndex(of: 0) ?? input.endIndex
        let mapping = input[input.startIndex..<split]
        let csv = split < input.endIndex ? Data(input[(split + 1)...]) : Data()
        let folder = root + "/" + SurveyMerger.folderName
        let mappingFile = folder + "/fuzz" + SurveyMapping.fileSuffix
        guard (try? Data(mapping).write(to: URL(fileURLWithPath: mappingFile))) != nil,
              (try? csv.write(to: URL(fileURLWithPath: folder + "/fuzz.csv"))) != nil else { return }

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
    }
}
