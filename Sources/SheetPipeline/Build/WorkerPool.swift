import Foundation

/// Runs `work` for indices 0..<count on `jobs` threads, each with its own state made by
/// `makeState` (a Pango measurer and renderer per thread: Pango contexts are not shared).
/// Threads take the next index from a shared counter, so work stays balanced; `shouldStop`
/// ends the run early (after a fatal error).
enum WorkerPool {
    static let stackSize = 16 << 20

    static func run<State>(
        count: Int, jobs: Int, makeState: @escaping @Sendable () -> State,
        work: @escaping @Sendable (inout State, Int) -> Void, shouldStop: @escaping @Sendable () -> Bool
    ) {
        guard count > 0 else { return }
        let next = Counter()
        let group = DispatchGroup()
        for _ in 0..<min(jobs, count) {
            group.enter()
            let thread = Thread {
                var state = makeState()
                while !shouldStop(), let index = next.take(below: count) {
                    work(&state, index)
                }
                group.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        group.wait()
    }

    /// The next unclaimed index.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take(below limit: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }
}

/// A value guarded by a lock, for results that worker threads hand back.
final class Guarded<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func with<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
