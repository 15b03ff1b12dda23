import Dispatch
import Foundation
import Testing

@testable import GriotServer

/// The preview answers requests while a rebuild renders on every core: its tasks run on threads
/// of their own, which a saturated shared pool cannot hold back.
@Suite("Serving executor")
struct ServingExecutorTests {
    @Test("a task preferring the serving executor runs while every thread of the shared pool is busy")
    func runsBesideASaturatedPool() async throws {
        let executor = ServingExecutor()
        defer { executor.stop() }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let entered = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        // Every worker of the shared pool held, as a rebuild's rendering holds them, until the
        // task below releases them (or, were it queued behind them, until they give up).
        let holding = Thread {
            DispatchQueue.concurrentPerform(iterations: cores) { _ in
                entered.signal()
                _ = released.wait(timeout: .now() + 5)
                released.signal()
            }
        }
        holding.start()
        for _ in 0..<cores { _ = entered.wait(timeout: .now() + 5) }
        let ranOnItsThreads = await withTaskExecutorPreference(executor) { () -> Bool in
            released.signal()
            return executor.isRunningOnItsThreads
        }
        #expect(ranOnItsThreads)
    }
}
