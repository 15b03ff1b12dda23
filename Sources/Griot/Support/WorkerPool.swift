import Foundation
import Synchronization

/// Threads of the engine's own for its parallel loops, apart from the pool Swift's tasks run on:
/// a rebuild rendering on every core must not keep a server in the same process (the preview)
/// from answering requests. The thread that starts a loop works on it too, so loops started
/// from inside loops, or from several threads at once, always finish; and a caller whose loop has
/// no step left to take helps the other loops until its own has finished, so a loop nested in
/// one step of a short outer loop still gets every core.
final class WorkerPool: @unchecked Sendable {
    /// One worker fewer than the cores: the caller of a loop is the last.
    static let shared = WorkerPool(workers: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))

    private final class Loop: @unchecked Sendable {
        let count: Int
        /// Cleared by the loop's caller once every call has returned, so that no worker still
        /// holding the loop holds the caller's closure.
        var body: ((Int) -> Void)?
        let next = Atomic<Int>(0)
        let remaining: Atomic<Int>
        let finished = DispatchSemaphore(value: 0)
        /// The pool's condition, signalled when the loop finishes (its caller may be waiting on it).
        let pool: NSCondition
        /// The loop's place among those the pool has started: a waiting caller helps only later
        /// ones, never a loop its own step is part of.
        let order: Int

        init(count: Int, body: @escaping (Int) -> Void, pool: NSCondition, order: Int) {
            self.count = count
            self.body = body
            self.pool = pool
            self.order = order
            remaining = Atomic(count)
        }

        var isFinished: Bool { remaining.load(ordering: .acquiring) == 0 }
        var hasStepsLeft: Bool { next.load(ordering: .relaxed) < count }

        /// Iterations taken at a time: for a long loop of small steps (a rebuild looks at each of
        /// 10,000 pages), the two shared counters would otherwise cost more than the steps.
        var chunk: Int { count >= 1024 ? 16 : 1 }

        /// Runs iterations until none is left to take.
        func work() {
            let chunk = self.chunk
            while true {
                let start = next.add(chunk, ordering: .relaxed).oldValue
                guard start < count else { return }
                let end = min(start + chunk, count)
                for index in start..<end { body!(index) }
                if remaining.subtract(end - start, ordering: .acquiringAndReleasing).newValue == 0 {
                    finished.signal()
                    pool.lock()
                    pool.broadcast()
                    pool.unlock()
                }
            }
        }
    }

    private let condition = NSCondition()
    private var loops: [Loop] = []
    private var loopsStarted = 0

    init(workers: Int) {
        for index in 0..<workers {
            let thread = Thread { [self] in serve() }
            thread.name = "griot-worker-\(index)"
            thread.start()
        }
    }

    /// Calls `body` with every index below `iterations`, on this thread and the workers, and
    /// returns when all calls have returned.
    func perform(iterations: Int, _ body: (Int) -> Void) {
        guard iterations > 1 else {
            if iterations == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            // No call of `body` outlives this function: it returns after the last one.
            condition.lock()
            loopsStarted += 1
            let loop = Loop(count: iterations, body: body, pool: condition, order: loopsStarted)
            loops.append(loop)
            condition.broadcast()
            condition.unlock()
            loop.work()
            help(until: loop)
            loop.finished.wait()
            loop.body = nil
            remove(loop)
        }
    }

    /// Works on the steps of loops started after `loop` (those nested in its steps, or another
    /// caller's) while `loop`'s last steps run on other threads; returns when it has finished. An
    /// earlier loop is left alone: its step may be the one waiting here.
    private func help(until loop: Loop) {
        while true {
            condition.lock()
            var other: Loop? = nil
            while !loop.isFinished {
                other = loops.first { $0.order > loop.order && $0.hasStepsLeft }
                if other != nil { break }
                condition.wait()
            }
            condition.unlock()
            guard let other else { return }
            other.work()
        }
    }

    private func serve() {
        while true {
            condition.lock()
            while loops.isEmpty { condition.wait() }
            let loop = loops[0]
            condition.unlock()
            loop.work()
            remove(loop)
        }
    }

    private func remove(_ loop: Loop) {
        condition.lock()
        if let index = loops.firstIndex(where: { $0 === loop }) { loops.remove(at: index) }
        condition.unlock()
    }
}
