import Foundation
import SheetCore

/// Loads profiles from text in a scratch profiles folder, as the tool would from disk.
struct ProfileFixture {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "profilesheet-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/logos", withIntermediateDirectories: true)
    }

    static let taxonomy = Taxonomy(keywords: [
        ("research-software", "Research software"), ("open-science", "Open science"), ("training", "Training"),
    ])

    /// A minimal valid profile; `extra` lines are appended at the top level.
    static func minimal(id: String = "demo", extra: String = "") -> String {
        """
        format: 1
        id: \(id)
        name: Demo Community
        type: network
        period: 2025
        mission: Help people help each other.
        programming:
          convey: [Monthly newsletter]
        \(extra)
        """
    }

    func write(_ text: String, as name: String) throws -> String {
        let path = root + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func writeData(_ data: Data, as name: String) throws -> String {
        let path = root + "/" + name
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func load(_ text: String, name: String = "demo.yaml", currentYear: Int = 2026) throws -> ProfileLoader.Result {
        let path = try write(text, as: name)
        return ProfileLoader(profilesRoot: root, taxonomy: Self.taxonomy, currentYear: currentYear).load(file: path)
    }

    /// The diagnostics of `text` rendered as the CLI prints them, with paths relative to the root.
    func rendered(_ text: String, name: String = "demo.yaml") throws -> String {
        let result = try load(text, name: name)
        var sources = SourceTextStore()
        if let source = result.source { sources.add(file: root + "/" + name, text: source) }
        let all = result.diagnostics + (result.profile.map(ProfileChecks.check) ?? [])
        return DiagnosticRenderer(format: .text, sources: sources).render(all).replacingOccurrences(of: root + "/", with: "")
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
