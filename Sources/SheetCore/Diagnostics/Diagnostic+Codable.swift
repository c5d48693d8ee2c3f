/// Diagnostics as JSON objects with the keys of `--diagnostics json` (`severity`, `file`,
/// `line`, `column`, `message`, `hint`, `field`), so that a build can keep a sheet's warnings
/// in its manifest and report them again without reading the profile.
extension Diagnostic: Codable {
    private enum CodingKeys: String, CodingKey {
        case severity, file, line, column, message, hint, field
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let file = try container.decodeIfPresent(String.self, forKey: .file)
        let line = try container.decodeIfPresent(Int.self, forKey: .line)
        let column = try container.decodeIfPresent(Int.self, forKey: .column)
        self.init(
            try container.decode(Severity.self, forKey: .severity),
            at: file.map { SourceLocation(file: $0, line: line ?? 0, column: column ?? 0) },
            try container.decode(String.self, forKey: .message),
            hint: try container.decodeIfPresent(String.self, forKey: .hint),
            field: try container.decodeIfPresent(String.self, forKey: .field))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encodeIfPresent(location?.file, forKey: .file)
        try container.encodeIfPresent(location?.line, forKey: .line)
        try container.encodeIfPresent(location?.column, forKey: .column)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(hint, forKey: .hint)
        try container.encodeIfPresent(field, forKey: .field)
    }
}
