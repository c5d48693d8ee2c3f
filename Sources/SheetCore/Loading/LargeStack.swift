import Foundation

/// Runs work on a thread with a large stack and waits for it. Yams composes the node tree
/// recursively; libyaml stops at 1 000 levels, which needs more stack than a secondary thread's
/// default 512 KiB.
enum LargeStack {
    static let stackSize = 64 << 20

    static func run<T>(_ work: @escaping () -> T) -> T {
        let box = Handoff(work)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = box.work()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        guard let value = box.result else { preconditionFailure("the large-stack thread returned nothing") }
        return value
    }

    /// Carries the work to the thread and its result back. The semaphore orders the accesses:
    /// the caller reads `result` only after the thread has written it and signalled.
    private final class Handoff<T>: @unchecked Sendable {
        let work: () -> T
        var result: T?

        init(_ work: @escaping () -> T) {
            self.work = work
        }
    }
}
