// libFuzzer's entry point for profile loading (ProfileLoadFuzzEntry); built only by
// `make fuzz` (scripts/fuzz.sh), whose libFuzzer runtime supplies `main`. FUZZ_LOGOS: a folder
// of logos the fuzzed profiles can name.
import FuzzEntries
import Foundation

private let entry = ProfileLoadFuzzEntry(
    scratch: NSTemporaryDirectory() + "profilesheet-fuzz-" + String(getpid()),
    logos: ProcessInfo.processInfo.environment["FUZZ_LOGOS"])

@_cdecl("LLVMFuzzerTestOneInput")
public func profileLoadFuzzer(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    entry.run(Data(bytes: bytes, count: count))
    return 0
}
