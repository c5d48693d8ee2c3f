import SheetRender

/// The fuzz entry for the SVG cleaner (driver: Fuzz/Drivers/svg-clean-fuzzer; run over the
/// seeds by `FuzzEntryTests`).
///
/// Each input is cleaned. A crash, a trap, a hang over `-timeout` or memory over
/// `-rss_limit_mb` is a finding, and so is a cleaned document that breaks what the cleaner
/// promises (`SVGCleaner.brokenPromise(in:)`): the driver traps with what `run` returns.
public enum SVGCleanFuzzEntry {
    /// What the cleaned `bytes` break of the cleaner's promises, nil when nothing (or when the
    /// cleaner refuses the file, which is allowed for any input).
    public static func run(_ bytes: [UInt8]) -> String? {
        guard case .success(let cleaned) = SVGCleaner.clean(bytes) else { return nil }
        return SVGCleaner.brokenPromise(in: cleaned)
    }
}
