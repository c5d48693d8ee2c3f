// The libFuzzer entry for profile loading. It is not a SwiftPM target, so that `swift build`
// and `make test` never see it: `scripts/fuzz.sh` (run by `make fuzz`) builds SheetCore with
// `-sanitize=fuzzer` coverage into its own scratch folder and compiles this file against it
// with `swiftc -sanitize=fuzzer`, whose libFuzzer runtime supplies `main`.
//
// Each input is read as a profile (YAML checks, every field, logo paths resolved in a scratch
// profiles folder holding a few logos), its diagnostics are rendered in every format, and the
// same bytes are read as a taxonomy and probed as an image. A crash, a trap, a hang over
// `-timeout` or memory over `-rss_limit_mb` is a finding.
import Foundation
import FoundationXML
import SheetCore

private let root: String = {
    let path = NSTemporaryDirectory() + "profilesheet-fuzz-" + String(getpid())
    try? FileManager.default.createDirectory(atPath: path + "/logos", withIntermediateDirectories: true)
    if let logos = ProcessInfo.processInfo.environment["FUZZ_LOGOS"],
       let names = try? FileManager.default.contentsOfDirectory(atPath: logos) {
        for name in names {
            try? FileManager.default.copyItem(atPath: logos + "/" + name, toPath: path + "/logos/" + name)
        }
    }
    return path
}()

private let taxonomy = Taxonomy(keywords: [
    ("research-software", "Research software"), ("open-science", "Open science"), ("training", "Training"),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func profileLoadFuzzer(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
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
    return 0
}
