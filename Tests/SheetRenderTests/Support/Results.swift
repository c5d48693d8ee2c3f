import Foundation

/// Values collected from concurrent workers, one slot per worker.
final class Results<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `values` is only touched under `lock`.
    private let lock = NSLock()
    private var values: [Value]

    init(count: Int, initial: Value) { values = Array(repeating: initial, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
    }

    func get(_ index: Int) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}
