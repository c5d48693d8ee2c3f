// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "profilesheet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "profilesheet", targets: ["profilesheet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        // C libraries, seen only by SheetRender.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        .systemLibrary(
            name: "CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev", "libgdk-pixbuf-2.0-dev"])]
        ),
        // libpng's simplified API, for encoding thumbnails.
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CSPNG", pkgConfig: "spng", providers: [.apt(["libspng-dev"])]),
        // libxml2, for parsing SVG logos before librsvg sees them (SVGCleaner).
        .systemLibrary(name: "CXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // libhyphen ships no pkg-config file: the module map links -lhyphen.
        .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev"])]),
        // HarfBuzz's subsetter, for the subroutines of embedded CFF fonts (CFFSubroutineSubsetter).
        .systemLibrary(name: "CHarfBuzzSubset", pkgConfig: "harfbuzz-subset", providers: [.apt(["libharfbuzz-dev"])]),
        // libqpdf's C API: reading back and checking every PDF written (qpdf-c.h), and rewriting the
        // font programs of a written PDF (PDFFontProgramCompactor).
        .systemLibrary(name: "CQPDF", pkgConfig: "libqpdf", providers: [.apt(["libqpdf-dev"])]),
        // ICU's plural rules (Debian's libicu, libicu-dev), for the template's plural strings
        // (PluralRules). A C target rather than a system one: its header must not include ICU's,
        // which clash with the copy of ICU inside Foundation (see include/CICU.h).
        .target(name: "CICU", linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]),
        // glibc's mallopt (malloc.h), which Swift's Glibc module leaves out.
        .systemLibrary(name: "CMalloc"),
        // zlib, for the page content streams the accessibility pass rewrites.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Model, loading, validation, diagnostics. No C.
        .target(name: "SheetCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Survey CSVs and mappings merged into profiles.
        .target(
            name: "SheetSurvey",
            dependencies: ["SheetCore", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Template → measured, positioned frame tree. Text measured through a protocol.
        .target(name: "SheetLayout", dependencies: ["SheetCore", "CICU", .product(name: "Yams", package: "Yams")]),
        // The PDF files cairo writes, read and written again: the accessibility pass, the
        // collection's copying. Pure Swift but for zlib.
        .target(name: "SheetPDF", dependencies: ["CZlib"]),
        // The only code that touches Cairo, Pango, librsvg, libxml2, libhyphen, HarfBuzz's subsetter and
        // libqpdf (and glibc's allocator settings).
        .target(name: "SheetRender", dependencies: ["SheetCore", "SheetLayout", "SheetPDF", "CPangoCairo", "CRsvg", "CHyphen", "CPNG", "CSPNG", "CQPDF", "CMalloc", "CXML2", "CHarfBuzzSubset"]),
        // The stages put together: load → merge → validate → lay out → render → write.
        .target(
            name: "SheetPipeline",
            dependencies: ["SheetCore", "SheetSurvey", "SheetLayout", "SheetRender", "SheetPDF", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The thin command line.
        .executableTarget(
            name: "profilesheet",
            dependencies: ["SheetPipeline", "SheetRender", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "SheetCoreTests", dependencies: ["SheetCore"]),
        .testTarget(name: "SheetLayoutTests", dependencies: ["SheetLayout", "SheetCore"]),
        .testTarget(name: "SheetPDFTests", dependencies: ["SheetPDF"]),
        .testTarget(name: "SheetRenderTests", dependencies: ["SheetRender", "SheetLayout", "SheetCore", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["SheetPipeline", "TestSupport"]),
        .testTarget(name: "SheetSurveyTests", dependencies: ["SheetSurvey", "SheetPipeline", "SheetCore", "TestSupport"]),
        // Running the built binary, for the test targets that do.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // The fuzz entries (what one fuzzed input goes through), a library so that every build
        // compiles them and FuzzEntryTests runs them over their seeds; libFuzzer's drivers below.
        .target(name: "FuzzEntries", dependencies: ["SheetCore", "SheetSurvey", "SheetLayout", "SheetRender"], path: "Fuzz/Entries"),
        .testTarget(name: "FuzzEntryTests", dependencies: ["FuzzEntries", "SheetRender", "TestSupport"]),
    ]
)

// libFuzzer's drivers, one executable per entry, declared only for `make fuzz`
// (scripts/fuzz.sh sets PROFILESHEET_FUZZ=1 and builds with --sanitize=fuzzer into .build-fuzz):
// each defines LLVMFuzzerTestOneInput and no `main`, which libFuzzer's runtime supplies, so an
// ordinary `swift build` could not link them.
if Context.environment["PROFILESHEET_FUZZ"] == "1" {
    for driver in ["profile-load-fuzzer", "svg-clean-fuzzer", "survey-merge-fuzzer", "template-layout-fuzzer"] {
        package.targets.append(.executableTarget(name: driver, dependencies: ["FuzzEntries"], path: "Fuzz/Drivers/" + driver))
        package.products.append(.executable(name: driver, targets: [driver]))
    }
}
