import Foundation
import SheetCore

/// The fuzz entry for profile loading (driver: Fuzz/Drivers/profile-load-fuzzer, built by
/// `make fuzz`; `FuzzEntryTests` runs it over the seeds in every `make test`, so it cannot stop
/// compiling unnoticed).
///
/// Each input is read as a profile (YAML checks, every field, logo paths resolved in a scratch
/// profiles folder holding a few logos), its diagnostics are rendered in every format, and the
/// same bytes are read as a taxonomy and probed as an image. A crash, a trap, a hang over
/// `-timeout` or memory over `-rss_limit_mb` is a finding.
public struct ProfileLoadFuzzEntry: Sendable {
    private let root: String
    private let taxonomy = Taxonomy(keywords: [
        ("research-software", "Research software"), ("open-science", "Open science"), ("training", "Training"),
    ])

    /// `scratch`: a folder of its own (made here) that plays the profiles folder; the files of
    /// `logos` (if any) are copied into its `logos/`.
    public init(scratch: String, logos: String?) {
        root = scratch
        try? FileManager.default.createDirectory(atPath: scratch + "/logos", withIntermediateDirectories: true)
        if let logos, let names = try? FileManager.default.contentsOfDirectory(atPath: logos) {
            for name in names {
                try? FileManager.default.copyItem(atPath: logos + "/" + name, toPath: scratch + "/logos/" + name)
            }
        }
    }

    public func run(_ data: Data) {
        let file = root + "/fuzz.yaml"
        let result = ProfileLoader(profilesRoot: root, taxonomy: taxonomy, currentYear: 2026).load(data: data, file: file)
        var sources = SourceTextStore()
        if let source = result.source { sources.add(file: file, text: source) }
        let diagnostics = result.diagnostics + (result.profile.map(ProfileChecks.check) ?? [])
        for format in DiagnosticFormat.allCases {
            _ = DiagnosticRenderer(format: format, sources: sources).render(diagnostics)
        }
        _ = TaxonomyLoader.load(data: data, file: root + "/taxonomy.yaml")
        _ = ImageProbe.probe(data)
    }
}
