// libFuzzer's entry point for the SVG cleaner (SVGCleanFuzzEntry); built only by `make fuzz`
// (scripts/fuzz.sh), whose libFuzzer runtime supplies `main`. A broken promise of the cleaner
// is a trap, so libFuzzer keeps the input as a finding.
import FuzzEntries

@_cdecl("LLVMFuzzerTestOneInput")
public func svgCleanFuzzer(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    if let problem = SVGCleanFuzzEntry.run(Array(UnsafeBufferPointer(start: bytes, count: count))) {
        fatalError(problem)
    }
    return 0
}
