// libFuzzer's entry point for survey exports with their mappings (SurveyMergeFuzzEntry); built
// only by `make fuzz` (scripts/fuzz.sh), whose libFuzzer runtime supplies `main`.
// FUZZ_PROFILES: the sample profiles the rows are merged into.
import FuzzEntries
import Foundation

private let entry = SurveyMergeFuzzEntry(
    scratch: NSTemporaryDirectory() + "profilesheet-survey-fuzz-" + String(getpid()),
    samples: FuzzSamples(folder: ProcessInfo.processInfo.environment["FUZZ_PROFILES"]))

@_cdecl("LLVMFuzzerTestOneInput")
public func surveyMergeFuzzer(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    entry.run(Data(bytes: bytes, count: count))
    return 0
}
