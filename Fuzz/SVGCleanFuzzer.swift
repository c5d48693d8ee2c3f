// The libFuzzer entry for the SVG cleaner. Like ProfileLoadFuzzer.swift it is not a SwiftPM
// target: `scripts/fuzz.sh` compiles it together with the cleaner's sources
// (Sources/SheetRender/Images/SVG/, which need only SheetCore and libxml2, not cairo or
// librsvg) with `swiftc -sanitize=fuzzer`.
//
// Each input is cleaned. A crash, a trap, a hang over `-timeout` or memory over
// `-rss_limit_mb` is a finding, and so is a cleaned document that breaks what the cleaner
// promises: it must clean again to itself with nothing left out (so nothing it writes is
// something it would refuse), and, parsed again, hold no DTD, processing instruction or entity,
// and no attribute or style sheet with a backslash, an `href` or a `url()` but to `#id`.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func svgCleanFuzzer(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard case .success(let cleaned) = SVGCleaner.clean(Array(UnsafeBufferPointer(start: bytes, count: count))) else { return 0 }
    let text = String(decoding: cleaned.bytes, as: UTF8.self)
    guard case .success(let again) = SVGCleaner.clean(cleaned.bytes) else { fatalError("the cleaned document is refused: \(text)") }
    if again.bytes != cleaned.bytes || !again.leftOut.isEmpty {
        fatalError("cleaning is not idempotent: \(text) → \(String(decoding: again.bytes, as: UTF8.self)) leaving out \(again.leftOut)")
    }
    guard case .success(let document) = SVGSource.parse(cleaned.bytes), document.prolog.isEmpty else {
        fatalError("the cleaned document has a prolog or does not parse: \(text)")
    }
    func check(_ value: String, _ what: String) {
        if value.contains("\\") { fatalError("\(what) holds a backslash: \(text)") }
        var rest = Substring(value.lowercased())
        while let reference = rest.range(of: "url(") {
            if !rest[reference.upperBound...].hasPrefix("#") { fatalError("\(what) has a url() to outside: \(text)") }
            rest = rest[reference.upperBound...]
        }
    }
    func visit(_ element: SVGSource.Element) {
        for attribute in element.attributes {
            check(attribute.value, "attribute \(attribute.name)")
            if attribute.name == "href", !attribute.value.hasPrefix("#") { fatalError("an href to outside: \(text)") }
        }
        for child in element.children {
            switch child {
            case .element(let child): visit(child)
            case .text(let css) where element.name == "style": check(css, "a style sheet")
            case .text, .tooDeep: break
            case .entityReference, .processingInstruction: fatalError("an entity or instruction: \(text)")
            }
        }
    }
    visit(document.root)
    return 0
}
