import Foundation

/// Writes a build's sheet files on a thread of its own, each through `AtomicFile.write`
/// (temporary file, checked writes, `fsync`, rename), so that workers go on painting while a
/// file waits for the disk: `fsync` blocks for milliseconds and would leave a core idle.
///
/// At most `capacity` files wait; `submit` blocks when that many do. After a failure the files
/// still waiting are dropped, `failed` turns true (the build stops early) and `finish` throws
/// the failure. Files are committed in the order they were submitted.
final class OutputCommitter: @unchecked Sendable {
    // @unchecked: every mutable property is only touched while `condition` is locked.
    private let condition = NSCondition()
    private var queue: [(data: Data, path: String)] = []
    private var busy = false
    private var closed = false
    private var failure: PipelineError?
    private let capacity: Int

    init(capacity: Int = 8) {
        self.capacity = max(1, capacity)
        let thread = Thread { [self] in run() }
        thread.start()
    }

    /// Whether a write has failed.
    var failed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return failure != nil
    }

    /// Queues `data` for `path`, waiting while the queue is full; drops it after a failure.
    func submit(_ data: Data, to path: String) {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && failure == nil { condition.wait() }
        guard failure == nil else { return }
        queue.append((data, path))
        condition.broadcast()
    }

    /// Waits until every file submitted is committed, stops the thread, and throws the first
    /// failure.
    func finish() throws(PipelineError) {
        condition.lock()
        closed = true
        condition.broadcast()
        while !queue.isEmpty || busy { condition.wait() }
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
    }

    private func run() {
        condition.lock()
        while true {
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty { break }
            let next = queue.removeFirst()
            busy = true
            condition.broadcast()  // room in the queue
            condition.unlock()
            var error: PipelineError?
            do {
                try AtomicFile.write(next.data, to: next.path)
            } catch let failure {
                error = failure
            }
            condition.lock()
            busy = false
            if let error, failure == nil {
                failure = error
                queue.removeAll()
            }
            condition.broadcast()
        }
        condition.unlock()
    }
}
