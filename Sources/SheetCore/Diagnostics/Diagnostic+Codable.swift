/// Diagnostics as JSON objects of the shape `--diagnostics json` prints (docs/cli.md), so that a
/// build can keep a sheet's warnings in its manifest and report them again without reading the
/// profile: `severity`, `file`, `line`, `column`, `message` and `hint` are always there (`null`
/// when a diagnostic has no position or no hint); `field` only when the diagnostic concerns
/// one. `DiagnosticRenderer` writes the same keys and values.
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
        if let location {
            try container.encode(location.file, forKey: .file)
            try container.encode(location.line, forKey: .line)
            try container.encode(location.column, forKey: .column)
        } else {
            try container.encodeNil(forKey: .file)
            try container.encodeNil(forKey: .line)
            try container.encodeNil(forKey: .column)
        }
        try container.encode(message, forKey: .message)
        if let hint { try container.encode(hint, forKey: .hint) } else { try container.encodeNil(forKey: .hint) }
        try container.encodeIfPresent(field, forKey: .field)
    }
}
