import Foundation
import NIOCore
import NIOPosix

/// Where the preview's Swift tasks run, and how they wait.
public enum TaskExecution {
    /// Runs every Swift task on the server's event loops instead of libdispatch's global pool:
    /// a request is answered on the thread that read it (no hop between two pools), and an idle
    /// preview has no libdispatch thread to wake every second. Returns false when it could not be
    /// installed (tasks then run on the global pool, as before).
    ///
    /// Call once, from the main thread, before the first task starts. Work that takes long must
    /// not run in a task then (it would hold up an event loop's connections): see `onOwnThread`.
    @discardableResult
    public static func runTasksOnEventLoops() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// Runs `work` on a thread of its own and waits for its result without holding a thread of
    /// the server: for a build, which may take seconds.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.name = "griot-build"
            thread.start()
        }
    }

    /// Waits `seconds` on an event loop's timer, or until the task is cancelled. (`Task.sleep`
    /// would start libdispatch's pool, and with it its once-a-second check.)
    static func pause(seconds: Int64) async {
        let scheduled = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: .seconds(seconds)) {}
        await withTaskCancellationHandler {
            _ = try? await scheduled.futureResult.get()
        } onCancel: {
            scheduled.cancel()
        }
    }
}
