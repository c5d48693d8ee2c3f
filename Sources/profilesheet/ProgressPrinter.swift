import Foundation
import SheetPipeline

/// Shows a build's progress on standard error: on a terminal a bar that redraws itself, with
/// counts and rate; elsewhere (CI logs) a plain line at every tenth of the work.
final class ProgressPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    private var started = Date()
    private var total = 0
    private var lastTenth = 0
    /// Of the sheets done, those found invalid instead of rendered.
    private var invalid = 0
    private var drewBar = false

    var handle: BuildProgressHandler {
        { [self] event in self.receive(event) }
    }

    private func receive(_ event: BuildProgress) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .waitingForOutput(let directory, let process):
            write("waiting for the build\(process.map { " in process \($0)" } ?? "") that is writing into '\(directory)'\n")
        case .started(let total, let upToDate):
            self.total = total
            started = Date()
            if total > 0 { write("rendering \(total) sheet\(total == 1 ? "" : "s") (\(upToDate) up to date)\n") }
        case .sheetDone(_, let rendered, let done, let total):
            if !rendered { invalid += 1 }
            // A sheet found invalid is done but not rendered, and the line says so.
            let notRendered = invalid == 0 ? "" : ", \(invalid) invalid"
            let seconds = max(Date().timeIntervalSince(started), 0.001)
            let rate = String(format: "%.1f", Double(done) / seconds)
            if isTerminal {
                let width = 30
                let filled = total > 0 ? width * done / total : width
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                write("\r\(bar) \(done)/\(total) sheets\(notRendered) · \(rate)/s")
                drewBar = true
            } else {
                let tenth = total > 0 ? done * 10 / total : 10
                if tenth > lastTenth || done == total {
                    lastTenth = tenth
                    write("\(done)/\(total) sheets done: \(done - invalid) rendered\(notRendered) (\(rate)/s)\n")
                }
            }
        case .finishing:
            if drewBar {
                write("\n")
                drewBar = false
            }
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drewBar { write("\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
