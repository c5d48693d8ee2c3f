import Foundation
import Yams

/// One YAML file composed into Yams' node tree, with the checks that must happen before and
/// while composing: size, encoding, control characters, then `YAMLEventScan` for syntax, one
/// document, nesting depth, duplicate keys, and no anchors, aliases, tags or merge keys. Only a
/// file that passes all of them is composed by Yams.
///
/// The tree keeps every node's `Mark`, so that each later diagnostic can point at its line and
/// column; `position(in:ofOccurrence:of:)` finds a character inside a scalar.
public struct YAMLDocument {
    /// The largest file read: profiles are small, and a cap keeps a hostile file from costing
    /// time or memory.
    public static let maximumFileSize = 1 << 20
    /// Deeper nesting of lists and mappings than any file of the format needs.
    public static let maximumDepth = 16

    public let file: String
    public let text: String
    public let root: Node?
    /// Where each scalar starts and ends in the source, by its start line and column.
    let spans: [YAMLEventScan.Key: YAMLEventScan.Span]
    /// The text as Unicode scalars, which libyaml's offsets count.
    let scalars: [Unicode.Scalar]

    /// Reads and parses the file at `path` (named as the user named it), refusing anything that
    /// is not a regular file of at most `maximumFileSize` bytes.
    public static func read(file path: String) -> (document: YAMLDocument?, diagnostics: [Diagnostic], source: String?) {
        switch BoundedFile.read(path, limit: maximumFileSize) {
        case .success(let data):
            let (document, diagnostics) = parse(data, file: path)
            return (document, diagnostics, document?.text ?? TextDecoding.lossy(data))
        case .failure(let problem):
            return (nil, [fileProblem(problem, file: path)], nil)
        }
    }

    static func fileProblem(_ problem: BoundedFile.Problem, file: String) -> Diagnostic {
        problem.diagnostic(file: file, limit: maximumFileSize, tooLargeHint: tooLargeHint)
    }

    static let tooLargeHint = "a profile is a few kilobytes; is this the right file?"

    static func tooLarge(_ bytes: Int, at location: SourceLocation) -> Diagnostic {
        .error(at: location, "the file is \(bytes) bytes; at most \(maximumFileSize) are read", hint: tooLargeHint)
    }

    /// Parses `data` read from `file`, or explains why not.
    public static func parse(_ data: Data, file: String) -> (document: YAMLDocument?, diagnostics: [Diagnostic]) {
        if data.count > maximumFileSize {
            return (nil, [tooLarge(data.count, at: SourceLocation(file: file, line: 1, column: 1))])
        }
        let text: String
        switch TextDecoding.decodeUTF8(data) {
        case .success(let decoded): text = decoded
        case .failure(let problem):
            return (nil, [.error(
                at: SourceLocation(file: file, line: problem.line, column: problem.column),
                "the file is not valid UTF-8: invalid byte 0x\(String(format: "%02X", problem.byte)) at byte \(problem.offset)",
                hint: problem.looksLikeUTF16 ? "the file looks like UTF-16; save it as UTF-8" : "save the file as UTF-8")])
        }
        let controls = TextDecoding.forbiddenControls(in: text, limit: YAMLEventScan.maximumProblems + 1)
        if !controls.isEmpty {
            var diagnostics: [Diagnostic] = controls.prefix(YAMLEventScan.maximumProblems).map { control -> Diagnostic in
                let location = SourceLocation(file: file, line: control.line, column: control.column)
                switch control.scalar {
                case "\u{2028}", "\u{2029}":
                    return .error(
                        at: location, "the file contains the \(control.scalar == "\u{2028}" ? "line" : "paragraph") separator \(control.scalar.codePoint)",
                        hint: "replace it with a line break or a space")
                case "\0":
                    return .error(at: location, "the file contains the control character U+0000", hint: "NUL bytes are not allowed in a YAML file; remove it")
                default:
                    return .error(at: location, "the file contains the control character \(control.scalar.codePoint)", hint: "remove it")
                }
            }
            if let next = controls.dropFirst(YAMLEventScan.maximumProblems).first {
                diagnostics.append(.error(
                    at: SourceLocation(file: file, line: next.line, column: next.column),
                    "too many problems in the file; stopped after \(YAMLEventScan.maximumProblems)", hint: "fix these and run again"))
            }
            return (nil, diagnostics)
        }
        // libyaml's scanner keeps its own stack and the scan does not recurse, but Yams composes
        // recursively (at most `maximumDepth` levels once the scan passed); a large stack costs
        // nothing and keeps that true whatever Yams does.
        let outcome = LargeStack.run { () -> (Node?, [Diagnostic], [YAMLEventScan.Key: YAMLEventScan.Span]) in
            let scan = YAMLEventScan.scan(text, file: file, maximumDepth: maximumDepth)
            guard !scan.diagnostics.hasErrors else { return (nil, scan.diagnostics, scan.scalarSpans) }
            do {
                let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
                let root = try parser.singleRoot()
                return (root, scan.diagnostics, scan.scalarSpans)
            } catch {
                return (nil, scan.diagnostics + [YAMLErrorTranslation.diagnostic(for: error, file: file)], scan.scalarSpans)
            }
        }
        let (root, diagnostics, spans) = outcome
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let document = YAMLDocument(file: file, text: text, root: root, spans: spans, scalars: Array(text.unicodeScalars))
        return (document, diagnostics)
    }

    public func location(_ node: Node) -> SourceLocation {
        Self.location(of: node, in: file)
    }

    public static func location(of node: Node, in file: String) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
}
