// libFuzzer's entry point for templates (TemplateLayoutFuzzEntry); built only by `make fuzz`
// (scripts/fuzz.sh), whose libFuzzer runtime supplies `main`. FUZZ_PROFILES: the sample
// profiles laid out on a template that loads.
import FuzzEntries
import Foundation

private let entry = TemplateLayoutFuzzEntry(
    scratch: NSTemporaryDirectory() + "profilesheet-template-fuzz-" + String(getpid()),
    samples: FuzzSamples(folder: ProcessInfo.processInfo.environment["FUZZ_PROFILES"]))

@_cdecl("LLVMFuzzerTestOneInput")
public func templateLayoutFuzzer(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    entry.run(Data(bytes: bytes, count: count))
    return 0
}
