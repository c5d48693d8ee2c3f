import SheetCore

/// A laid-out sheet and what layout found: fields that overflow even at the smallest text
/// size (errors), and characters no font can show (warnings).
public struct LayoutResult: Sendable {
    public var document: SheetDocument
    public var diagnostics: [Diagnostic]
    /// The text scale chosen for each page, 1 at full size.
    public var scales: [Double]
}
