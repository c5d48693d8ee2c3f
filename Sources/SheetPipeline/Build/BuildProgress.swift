/// What a build reports while it runs, for a progress bar or log lines.
public enum BuildProgress: Sendable {
    /// Another build (process `process`, if known) is writing into the output folder; this one
    /// waits for it (`--wait`).
    case waitingForOutput(directory: String, process: Int32?)
    /// `total` sheets are to be rendered; `upToDate` need nothing.
    case started(total: Int, upToDate: Int)
    /// One more sheet is done (rendered or found invalid).
    case sheetDone(id: String, rendered: Bool, done: Int, total: Int)
    /// Writing the gallery, collection and manifest.
    case finishing
}

/// Receives progress; called from worker threads.
public typealias BuildProgressHandler = @Sendable (BuildProgress) -> Void
