import Foundation

/// Runs the preview's tasks on threads of its own, apart from the shared pool that Swift's tasks
/// and a rebuild's parallel rendering both draw on: while a rebuild fills every core of that
/// pool, requests are still answered, and each page rewritten is served at once. (A dispatch
/// queue is not enough: when the pool is busy, Linux's libdispatch adds a thread only at its
/// once-a-second check.) Idle threads wait on a condition, so an idle preview never wakes.
final class ServingExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var next = 0
    private var stopped = false

    /// `threads`: one may be held by a rebuild, which runs to its end on the thread it started on.
    init(threads: Int = max(2, ProcessInfo.processInfo.activeProcessorCount) + 1) {
        for index in 0..<threads {
            let thread = Thread { self.work() }
            thread.name = "griot-serve-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads end once the jobs enqueued so far have run.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the calling code runs on one of this executor's threads.
    var isRunningOnItsThreads: Bool {
        Thread.current.threadDictionary[Self.marker] as? ObjectIdentifier == ObjectIdentifier(self)
    }

    private static let marker = "griot.serving-executor"

    private func work() {
        Thread.current.threadDictionary[Self.marker] = ObjectIdentifier(self)
        let executor = asUnownedTaskExecutor()
        while true {
            condition.lock()
            while next == jobs.count && !stopped { condition.wait() }
            if next == jobs.count {
                condition.unlock()
                return
            }
            let job = jobs[next]
            next += 1
            if next == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                next = 0
            }
            condition.unlock()
            job.runSynchronously(on: executor)
        }
    }
}
