import Foundation
import TestSupport

/// A PDF's structure tree as lines, one per element, indented by depth: its type, then its
/// `/Lang`, table header scope, alternative text and link annotations where it has them —
/// read from `qpdf --json`, so that the test does not read the file with the code it tests.
enum StructureOutline {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func lines(of path: String) throws -> [String] {
        let run = try CommandRunner.run("qpdf", ["--json", "--json-key=qpdf", path])
        guard run.status == 0,
              let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
              let parts = json["qpdf"] as? [Any], parts.count == 2, let objects = parts[1] as? [String: Any]
        else { throw Failure(description: "qpdf --json failed: \(run.stderr)") }
        func value(_ reference: Any?) -> Any? {
            guard let text = reference as? String, text.hasSuffix(" R") else { return reference }
            return (objects["obj:" + text] as? [String: Any])?["value"]
        }
        func string(_ item: Any?) -> String? {
            guard let text = item as? String else { return nil }
            return text.hasPrefix("u:") ? String(text.dropFirst(2)) : text
        }
        guard let trailer = (objects["trailer"] as? [String: Any])?["value"] as? [String: Any],
              let catalog = value(trailer["/Root"]) as? [String: Any],
              let tree = value(catalog["/StructTreeRoot"]) as? [String: Any]
        else { throw Failure(description: "no structure tree") }
        var out: [String] = []
        func visit(_ kid: Any?, depth: Int) {
            if let list = kid as? [Any] {
                for item in list { visit(item, depth: depth) }
                return
            }
            guard let element = value(kid) as? [String: Any] else { return }
            if element["/Type"] as? String == "/OBJR" {
                out.append(String(repeating: "  ", count: depth) + "(annotation)")
                return
            }
            guard let type = element["/S"] as? String else { return }
            var line = String(repeating: "  ", count: depth) + type.dropFirst()
            if let lang = string(element["/Lang"]) { line += " lang=\(lang)" }
            if let scope = (element["/A"] as? [String: Any])?["/Scope"] as? String { line += " scope=\(scope.dropFirst())" }
            if let alt = string(element["/Alt"]) { line += " alt=\"\(alt)\"" }
            out.append(line)
            visit(element["/K"], depth: depth + 1)
        }
        visit(tree["/K"], depth: 0)
        return out
    }
}
