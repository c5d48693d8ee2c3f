import Foundation
import SheetCore
@testable import SheetSurvey
import TestSupport

/// A scratch profiles folder with profiles, a `surveys/` folder, mappings and CSVs, merged as
/// the survey stage would.
struct SurveyFixture {
    let root: String

    init() throws {
        root = try CommandRunner.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: root + "/surveys", withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    static let taxonomy = Taxonomy(keywords: [("open-science", "Open science"), ("training", "Training"), ("mentoring", "Mentoring")])

    /// A minimal valid profile with `id`, `name`, and extra top-level lines.
    static func profile(_ id: String, name: String, shortName: String? = nil, extra: String = "") -> String {
        """
        format: 1
        id: \(id)
        name: \(name)
        \(shortName.map { "short_name: \($0)" } ?? "")
        type: network
        period: 2025
        mission: Help people help each other.
        programming:
          convey: [Monthly newsletter]
        \(extra)
        """
    }

    @discardableResult
    func write(_ text: String, as name: String) throws -> String {
        let path = root + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @discardableResult
    func write(bytes: [UInt8], as name: String) throws -> String {
        let path = root + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A mapping file `surveys/NAME.survey.yaml` reading `surveys/NAME.csv`.
    @discardableResult
    func survey(_ name: String, csv: String, mapping: String) throws -> String {
        try write(csv, as: "surveys/\(name).csv")
        return try write("format: 1\nsource: \(name).csv\n" + mapping, as: "surveys/\(name).survey.yaml")
    }

    func loadProfiles() -> (profiles: [Profile], diagnostics: [Diagnostic]) {
        let loader = ProfileLoader(profilesRoot: root, taxonomy: Self.taxonomy, currentYear: 2026)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        var profiles: [Profile] = []
        var diagnostics: [Diagnostic] = []
        for name in names {
            let result = loader.load(file: root + "/" + name)
            diagnostics += result.diagnostics
            if let profile = result.profile { profiles.append(profile) }
        }
        return (profiles, diagnostics)
    }

    func merge() -> SurveyMergeResult {
        let (profiles, diagnostics) = loadProfiles()
        precondition(!diagnostics.hasErrors, "fixture profiles must load: \(diagnostics)")
        let merger = SurveyMerger(profilesRoot: root, taxonomy: Self.taxonomy, currentYear: 2026)
        return merger.merge(profiles, mappingFiles: SurveyMerger.mappingFiles(in: root))
    }

    /// Diagnostics as the command line prints them, paths relative to the fixture.
    func rendered(_ result: SurveyMergeResult) -> String {
        DiagnosticRenderer(format: .text, sources: result.sources).render(result.diagnostics)
            .replacingOccurrences(of: root + "/", with: "")
    }
}

extension SurveyMergeResult {
    func profile(_ id: String) -> Profile? { profiles.first { $0.id == id } }
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Reads a whole CSV with every column kept, as tests need; the tool itself never does.
enum CSVTestReader {
    static func records(_ text: String, delimiter: Character = ",") -> Result<[CSVScanner.Record], CSVScanner.Failure> {
        records(bytes: Array(text.utf8), delimiter: delimiter)
    }

    static func records(bytes: [UInt8], delimiter: Character = ",") -> Result<[CSVScanner.Record], CSVScanner.Failure> {
        var scanner = CSVScanner(bytes: bytes, delimiter: delimiter.asciiValue!)
        var records: [CSVScanner.Record] = []
        while true {
            switch scanner.next(keeping: { _ in true }) {
            case .failure(let failure): return .failure(failure)
            case .success(nil): return .success(records)
            case .success(let record?): records.append(record)
            }
        }
    }

    static func rows(_ text: String) throws -> [[String]] {
        try records(text).get().map { record in (0..<record.cellCount).map { record.cells[$0] ?? "<invalid>" } }
    }
}
