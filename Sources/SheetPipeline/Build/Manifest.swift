import Foundation
import SheetCore

/// `output/manifest.json`: per sheet, what it was made from and what came out, so that a build
/// renders only what changed and can report a sheet's warnings without reading its profile.
///
/// The file is one JSON object, laid out a line per sheet (see `Manifest+Lines.swift`) so that
/// a build can stream it out and index it back without holding every entry in memory. Any
/// other layout of the same object (a hand-formatted copy, an older version's pretty-printed
/// file) is read too, by decoding it whole.
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
        /// The community's merged values for `profiles.csv` and `profiles.json`; nil in an
        /// entry an earlier version wrote (that sheet is rendered again). Named so that `id` stays the
        /// entry line's first key.
        public var openData: OpenDataRecord? = nil
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
        /// `--language` when the run gave one; absent otherwise (and in older manifests).
        public var language: String?
        /// The date printed in the footer.
        public var date: String

        enum CodingKeys: String, CodingKey {
            case profile, logo, logoPath = "logo_path", taxonomy, template, surveys, surveyRows = "survey_rows", tool, paper, language, date
        }
    }

    // What a build reads back from its output folder is opened only when it is a regular file
    // (no link followed) within these sizes, so that a link to /dev/zero, a FIFO or a huge
    // file put there makes the build start afresh instead of hanging or filling its memory.

    /// The largest manifest indexed in its line layout (read a line at a time): a hundred
    /// thousand sheets' entries are about 200 MB.
    public static let maximumSize = 1 << 30
    /// The largest manifest decoded whole (any other layout), which takes memory in proportion.
    public static let maximumDecodedSize = 64 << 20
    /// The longest entry line read: an entry with a hundred warnings is some 50 KB.
    public static let maximumLineLength = 4 << 20
    /// The largest sheet PDF read back for the collection (a sheet is 0.1–1 MB).
    public static let maximumSheetSize = 64 << 20

    /// The manifest in `file` decoded whole, or nil when there is none or it is unreadable
    /// (then everything is rebuilt).
    public static func read(_ file: String) -> Manifest? {
        guard case .success(let data) = BoundedFile.read(file, limit: maximumDecodedSize, followingLinks: false) else { return nil }
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data), manifest.format == format else { return nil }
        return manifest
    }

    /// `manifest.json` and every shard's `manifest.shard-I-of-N.json` in `directory`, in the
    /// order their entries are merged (later files win for the same id).
    public static func files(in directory: String) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { isManifestName($0) }.sorted()
        return ([fileName] + names.filter { $0 != fileName }).map { (directory as NSString).appendingPathComponent($0) }
    }

    static func isManifestName(_ name: String) -> Bool {
        name == fileName || (name.hasPrefix("manifest.shard-") && name.hasSuffix(".json"))
    }

    public static func shardFileName(_ shard: Shard) -> String {
        "manifest.shard-\(shard.index)-of-\(shard.count).json"
    }
}
