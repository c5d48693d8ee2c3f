import Foundation
import SheetCore
import SheetLayout

/// The fuzz entry for templates (driver: Fuzz/Drivers/template-layout-fuzzer; run over the
/// seeds by `FuzzEntryTests`).
///
/// Each input is read as a template's `template.yaml` (`TemplateLoader`: YAML checks, every
/// key, styles, pages and their blocks); a template that loads lays out the smallest and the
/// fullest sample profile on each of its papers with the fixed-metric measurer, as the layout
/// tests do, so that the layout engine meets whatever grid, sizes and blocks a template can
/// declare. A crash, a trap, a hang over `-timeout` or memory over `-rss_limit_mb` is a finding.
public struct TemplateLayoutFuzzEntry: Sendable {
    private let root: String
    private let samples: FuzzSamples
    private let measurer = FixedMetricMeasurer()

    /// `scratch`: a folder of its own (made here) that plays the template's folder.
    public init(scratch: String, samples: FuzzSamples) {
        root = scratch
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        // The smallest and the fullest sample are enough to reach every block.
        let chosen = samples.profiles.filter { $0.id == "cm-reading-circle" || $0.id == "fieldnotes-ecology" }
        self.samples = FuzzSamples(profiles: chosen.isEmpty ? Array(samples.profiles.prefix(2)) : chosen, taxonomy: samples.taxonomy)
    }

    public func run(_ data: Data) {
        let file = root + "/" + TemplateLoader.fileName
        let result = TemplateLoader.load(data: data, file: file, directory: root)
        var sources = SourceTextStore()
        if let source = result.source { sources.add(file: file, text: source) }
        for format in DiagnosticFormat.allCases {
            _ = DiagnosticRenderer(format: format, sources: sources).render(result.diagnostics)
        }
        guard let template = result.template else { return }
        let engine = SheetLayoutEngine(template: template, measurer: measurer)
        for paper in [PaperSize?.none] + PaperSize.allCases.map(Optional.some) {
            let options = LayoutOptions(paper: paper, date: Date(timeIntervalSince1970: 1_767_225_600), creator: "fuzz")
            for profile in samples.profiles {
                _ = engine.layout(profile, taxonomy: samples.taxonomy, options: options)
            }
        }
    }
}
