// The libFuzzer entry for templates. Like the profile entry it is not a SwiftPM target:
// `scripts/fuzz.sh` builds SheetLayout with `-sanitize=fuzzer` coverage into its own scratch
// folder and compiles this file against it.
//
// Each input is read as a template's `template.yaml` (`TemplateLoader`: YAML checks, every
// key, styles, pages and their blocks); a template that loads lays out the sample profiles
// (`FUZZ_PROFILES`) on each of its papers with the fixed-metric measurer, as the layout tests
// do, so that the layout engine meets whatever grid, sizes and blocks a template can declare.
// A crash, a trap, a hang over `-timeout` or memory over `-rss_limit_mb` is a finding.
import Foundation
import SheetCore
import SheetLayout

private let root: String = {
    let path = NSTemporaryDirectory() + "profilesheet-template-fuzz-" + String(getpid())
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

private let samples: (profiles: [Profile], taxonomy: Taxonomy) = {
    guard let folder = ProcessInfo.processInfo.environment["FUZZ_PROFILES"] else { return ([], .empty) }
    let taxonomy = TaxonomyLoader.load(file: folder + "/taxonomy.yaml").taxonomy
    let loader = ProfileLoader(profilesRoot: folder, taxonomy: taxonomy, currentYear: 2026)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") && $0 != "taxonomy.yaml" }
    // The smallest and the fullest sample are enough to reach every block.
    let profiles = names.sorted().compactMap { loader.load(file: folder + "/" + $0).profile }
    let chosen = profiles.filter { $0.id == "cm-reading-circle" || $0.id == "fieldnotes-ecology" }
    return (chosen.isEmpty ? Array(profiles.prefix(2)) : chosen, taxonomy)
}()

private let measurer = FixedMetricMeasurer()

@_cdecl("LLVMFuzzerTestOneInput")
public func templateLayoutFuzzer(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let result = TemplateLoader.load(data: data, file: root + "/" + TemplateLoader.fileName, directory: root)
    var sources = SourceTextStore()
    if let source = result.source { sources.add(file: root + "/" + TemplateLoader.fileName, text: source) }
    for format in DiagnosticFormat.allCases {
        _ = DiagnosticRenderer(format: format, sources: sources).render(result.diagnostics)
    }
    guard let template = result.template else { return 0 }
    let engine = SheetLayoutEngine(template: template, measurer: measurer)
    for paper in [PaperSize?.none] + PaperSize.allCases.map(Optional.some) {
        let options = LayoutOptions(paper: paper, date: Date(timeIntervalSince1970: 1_767_225_600), creator: "fuzz")
        for profile in samples.profiles {
            _ = engine.layout(profile, taxonomy: samples.taxonomy, options: options)
        }
    }
    return 0
}
