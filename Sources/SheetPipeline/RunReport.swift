import SheetCore

/// What a run did and found, and the exit status that follows from it.
public struct RunReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var sources = SourceTextStore()
    /// Files written, in order. A build lists only its run-wide files (manifest, gallery,
    /// collection); its sheets are counted in `rendered`, so that the report of a large batch
    /// stays small.
    public var written: [String] = []
    /// Profile files loaded and checked (valid or not).
    public var checked = 0
    public var rendered = 0
    public var upToDate = 0
    public var invalid = 0
    /// Sheets a build removed because their profiles are gone or invalid, in id order.
    public var removed: [RemovedSheet] = []
    /// Set when the run could not complete.
    public var failure: PipelineError?
    public var seconds = 0.0
    /// For a preview: the logo file the profile uses, so that a watch can follow it.
    public var logoPath: String?

    public init() {}

    /// The diagnostics as reported, with those that explain a failure (a template's errors):
    /// with `strict`, warnings become errors.
    public func reported(strict: Bool) -> [Diagnostic] {
        let diagnostics = diagnostics + (failure?.diagnostics ?? [])
        guard strict else { return diagnostics }
        return diagnostics.map { diagnostic in
            var copy = diagnostic
            if copy.severity == .warning { copy.severity = .error }
            return copy
        }
    }

    /// 0 all valid, 1 some profile invalid (or a warning under `strict`), 3 the run failed.
    public func exitStatus(strict: Bool) -> Int32 {
        if failure != nil { return 3 }
        return reported(strict: strict).hasErrors ? 1 : 0
    }
}
