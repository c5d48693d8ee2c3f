import Foundation
import SheetCore

/// The sample profiles of a profiles folder (`profiles/` of the repository), loaded once, for
/// the entries that merge or lay out fuzzed input into real profiles.
public struct FuzzSamples: Sendable {
    public var profiles: [Profile]
    public var taxonomy: Taxonomy

    /// Every profile of `folder` that loads; none (and an empty taxonomy) when `folder` is nil.
    public init(folder: String?) {
        guard let folder else {
            self.init(profiles: [], taxonomy: .empty)
            return
        }
        let taxonomy = TaxonomyLoader.load(file: folder + "/taxonomy.yaml").taxonomy
        let loader = ProfileLoader(profilesRoot: folder, taxonomy: taxonomy, currentYear: 2026)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".yaml") && $0 != "taxonomy.yaml" }
        self.init(profiles: names.sorted().compactMap { loader.load(file: folder + "/" + $0).profile }, taxonomy: taxonomy)
    }

    public init(profiles: [Profile], taxonomy: Taxonomy) {
        self.profiles = profiles
        self.taxonomy = taxonomy
    }
}
