import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Griot

/// The engine's parallel loops run on threads of its own (the preview's requests, on Swift's task
/// pool, are then answered during a rebuild: `bench/preview.py` measures it).
@Suite("Worker pool")
struct WorkerPoolTests {
    @Test("every index is visited once, also for loops started inside loops and from several threads at once")
    func visitsEveryIndexOnce() {
        let pool = WorkerPool(workers: 2)
        let counts = Mutex([[Int]](repeating: [Int](repeating: 0, count: 200), count: 4))
        DispatchQueue.concurrentPerform(iterations: 4) { caller in
            pool.perform(iterations: 20) { outer in
                pool.perform(iterations: 10) { inner in
                    counts.withLock { $0[caller][outer * 10 + inner] += 1 }
                }
            }
        }
        #expect(counts.withLock { $0.allSatisfy { $0.allSatisfy { $0 == 1 } } })
    }

    @Test(
        "long loops, taken several steps at a time, still visit every index once, whatever the remainder",
        arguments: [1023, 1024, 1025, 1040, 10_007])
    func longLoopsVisitEveryIndexOnce(iterations: Int) {
        let pool = WorkerPool(workers: 2)
        let counts = Mutex([Int](repeating: 0, count: iterations))
        pool.perform(iterations: iterations) { index in counts.withLock { $0[index] += 1 } }
        #expect(counts.withLock { $0.allSatisfy { $0 == 1 } })
    }

    @Test("a caller whose own steps are done helps a loop nested in a step another thread runs")
    func callerHelpsNestedLoops() {
        let pool = WorkerPool(workers: 1)
        let caller = pthread_self()
        let outer = Meeting()
        let inner = Meeting()
        let met = Atomic<Bool>(true)
        pool.perform(iterations: 2) { _ in
            // One outer step each; the worker's starts a loop of two steps that can only finish
            // together, so the caller, its own step done, must take one of them.
            if !outer.meet() { met.store(false, ordering: .relaxed) }
            guard pthread_equal(pthread_self(), caller) == 0 else { return }
            pool.perform(iterations: 2) { _ in
                if !inner.meet() { met.store(false, ordering: .relaxed) }
            }
        }
        let together = met.load(ordering: .relaxed)
        #expect(together)
    }
}

/// Two threads meeting: each waits, a minute at most, until the other has come.
private final class Meeting: @unchecked Sendable {
    private let condition = NSCondition()
    private var arrived = 0

    /// Whether the other thread came.
    func meet() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        arrived += 1
        condition.broadcast()
        let deadline = Date().addingTimeInterval(60)
        while arrived < 2 {
            if !condition.wait(until: deadline) { return arrived >= 2 }
        }
        return true
    }
}
