import Foundation
import SheetCore

/// `output/manifest.json`: per sheet, what it was made from and what came out, so that a build
/// renders only what changed and can report a sheet's warnings without reading its profile.
public struct Manifest: Codable, Sendable, Equatable {
    public static let fileName = "manifest.json"
    public static let format = 1

    public var format: Int = Manifest.format
    public var tool: String
    /// Sheets in id order.
    public var sheets: [Sheet]
    /// Digest of the collection's inputs (every sheet's id and PDF digest, in order).
    public var collection: String?
    /// Warnings of the last run that belong to no sheet (survey files, taxonomy), reported
    /// again by a run that does not read those files.
    public var warnings: [Diagnostic] = []

    public init(tool: String, sheets: [Sheet], collection: String? = nil) {
        self.tool = tool
        self.sheets = sheets
        self.collection = collection
    }

    public struct Sheet: Codable, Sendable, Equatable {
        public var id: String
        /// The profile file, as named in the run that rendered it.
        public var profile: String
        public var name: String
        /// BCP 47 tag of the profile's text, for the gallery's `lang` attributes.
        public var language: String
        public var type: String
        /// Keyword labels, for the gallery.
        public var keywords: [String]
        public var pages: Int
        /// SHA-256 of the PDF.
        public var sha256: String
        public var inputs: SheetInputs
        public var warnings: [Diagnostic]
    }

    /// Digests of everything a sheet depends on.
    public struct SheetInputs: Codable, Sendable, Equatable {
        public var profile: String
        public var logo: String?
        public var logoPath: String?
        public var taxonomy: String
        public var template: String
        /// Digest of every survey file of the run.
        public var surveys: String
        /// Digest of the survey rows and mappings that fed this profile.
        public var surveyRows: String
        public var tool: String
        public var paper: String
        /// The date printed in the footer.
        public var date: String

        enum CodingKeys: String, CodingKey {
            case profile, logo, logoPath = "logo_path", taxonomy, template, surveys, surveyRows = "survey_rows", tool, paper, date
        }
    }

    /// Deterministic JSON: keys sorted, indented, one trailing newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// The manifest in `file`, or nil when there is none or it is unreadable (then everything
    /// is rebuilt).
    public static func read(_ file: String) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data), manifest.format == format else { return nil }
        return manifest
    }

    /// The collection digest recorded in the manifest `file`, without building its sheets'
    /// entries (a build only needs this one value of the manifest it replaces); nil when there
    /// is none, or the file is unreadable or of another format.
    public static func collectionKey(in file: String) -> String? {
        struct Head: Decodable {
            var format: Int
            var collection: String?
        }
        guard let data = FileManager.default.contents(atPath: file),
              let head = try? JSONDecoder().decode(Head.self, from: data), head.format == format
        else { return nil }
        return head.collection
    }

    /// `manifest.json` and every shard's `manifest.shard-I-of-N.json` in `directory`, merged
    /// (later files win for the same id).
    public static func readAll(in directory: String) -> [String: Sheet] {
        var sheets: [String: Sheet] = [:]
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { isManifestName($0) }.sorted()
        for name in [fileName] + names.filter({ $0 != fileName }) {
            guard let manifest = read((directory as NSString).appendingPathComponent(name)) else { continue }
            for sheet in manifest.sheets { sheets[sheet.id] = sheet }
        }
        return sheets
    }

    static func isManifestName(_ name: String) -> Bool {
        name == fileName || (name.hasPrefix("manifest.shard-") && name.hasSuffix(".json"))
    }

    public static func shardFileName(_ shard: Shard) -> String {
        "manifest.shard-\(shard.index)-of-\(shard.count).json"
    }
}
