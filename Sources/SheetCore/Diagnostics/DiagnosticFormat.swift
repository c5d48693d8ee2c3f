/// How diagnostics are printed: `--diagnostics text|json|github`.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:column: error: message`, the source line with a caret, `hint: …`.
    case text
    /// One JSON array of objects with `severity`, `file`, `line`, `column`, `message`, `hint`.
    case json
    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::…`.
    case github
}
