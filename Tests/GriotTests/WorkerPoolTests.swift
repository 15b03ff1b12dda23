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
}
