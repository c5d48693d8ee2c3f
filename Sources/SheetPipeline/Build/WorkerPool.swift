import Foundation

/// Runs `work` for indices 0..<count on `jobs` threads, each with its own state made by
/// `makeState` (a Pango measurer and renderer per thread: Pango contexts are not shared).
/// Threads take the next index from a shared counter, so work stays balanced; `shouldStop`
/// ends the run early (after a fatal error).
enum WorkerPool {
    static let stackSize = 16 << 20

    static func run<State>(
        count: Int, jobs: Int, makeState: @escaping @Sendable () -> State,
        work: @escaping @Sendable (inout State, Int) -> Void, shouldStop: @escaping @Sendable () -> Bool,
        finish: @escaping @Sendable (State) -> Void = { _ in }
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
                finish(state)
                group.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        group.wait()
    }

    /// `transform` of every index 0..<count, on `jobs` threads, in index order.
    static func map<Value: Sendable>(count: Int, jobs: Int, _ transform: @escaping @Sendable (Int) -> Value) -> [Value] {
        let results = Guarded([Value?](repeating: nil, count: count))
        run(
            count: count, jobs: jobs, makeState: { () },
            work: { _, index in
                let value = transform(index)
                results.with { $0[index] = value }
            },
            shouldStop: { false })
        // Every index was taken (nothing stops the run), so every slot is filled.
        return results.with { $0.compactMap { $0 } }
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

/// Worker states kept from one `WorkerPool.run` to the next, so that a build run a part at a
/// time makes each worker's font map and caches once.
final class StatePool<State>: @unchecked Sendable {
    // @unchecked: `idle` is only touched under `lock`; a state is used by one thread at a time.
    private let lock = NSLock()
    private var idle: [State] = []
    private let make: @Sendable () -> State

    init(make: @escaping @Sendable () -> State) {
        self.make = make
    }

    /// An idle state, or a new one.
    func take() -> State {
        lock.lock()
        let state = idle.popLast()
        lock.unlock()
        return state ?? make()
    }

    func give(_ state: State) {
        lock.lock()
        idle.append(state)
        lock.unlock()
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
