import Foundation
import Yams

/// One YAML file composed into Yams' node tree, with the checks that must happen before and
/// while composing: size, encoding, control characters, one document, nesting depth, and no
/// anchors, aliases, tags or merge keys.
///
/// The tree keeps every node's `Mark`, so that each later diagnostic can point at its line and
/// column.
public struct YAMLDocument {
    /// The largest file read: profiles are small, and a cap keeps a hostile file from costing
    /// time or memory.
    public static let maximumFileSize = 1 << 20
    /// Deeper nesting than any file of the format needs; checked on the composed tree.
    public static let maximumDepth = 16

    public let file: String
    public let text: String
    public let root: Node?

    /// Parses `data` read from `file` (named as the user named it), or explains why not.
    public static func parse(_ data: Data, file: String) -> (document: YAMLDocument?, diagnostics: [Diagnostic]) {
        if data.count > maximumFileSize {
            return (nil, [.error(
                at: SourceLocation(file: file, line: 1, column: 1),
                "the file is \(data.count) bytes; at most \(maximumFileSize) are read",
                hint: "a profile is a few kilobytes; is this the right file?")])
        }
        let text: String
        switch TextDecoding.decodeUTF8(data) {
        case .success(let decoded): text = decoded
        case .failure(let problem):
            return (nil, [.error(
                at: SourceLocation(file: file, line: problem.line, column: problem.column),
                "the file is not valid UTF-8: invalid byte 0x\(String(format: "%02X", problem.byte)) at byte \(problem.offset)",
                hint: "save the file as UTF-8")])
        }
        if let control = TextDecoding.firstForbiddenControl(in: text) {
            return (nil, [.error(
                at: SourceLocation(file: file, line: control.line, column: control.column),
                "the file contains the control character \(control.scalar.codePoint)",
                hint: control.scalar == "\0" ? "NUL bytes are not allowed in a YAML file; remove it" : "remove it")])
        }
        let composed = LargeStack.run { () -> Result<(Node?, Parser), Error> in
            do {
                let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
                let root = try parser.singleRoot()
                return .success((root, parser))
            } catch {
                return .failure(error)
            }
        }
        switch composed {
        case .failure(let error):
            return (nil, [YAMLErrorTranslation.diagnostic(for: error, file: file, text: text)])
        case .success(let (root, parser)):
            var diagnostics: [Diagnostic] = []
            if let root {
                diagnostics = StructureCheck.diagnostics(for: root, file: file)
            }
            // The parser owns the anchors that the tree refers to weakly; keep it alive until
            // the check above has seen them.
            withExtendedLifetime(parser) {}
            let document = diagnostics.hasErrors ? nil : YAMLDocument(file: file, text: text, root: root)
            return (document, diagnostics)
        }
    }

    public func location(_ node: Node) -> SourceLocation {
        Self.location(of: node, in: file)
    }

    public static func location(of node: Node, in file: String) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
}

