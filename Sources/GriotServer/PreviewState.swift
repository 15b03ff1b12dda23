import Foundation
import Griot

/// What the server knows about the latest rebuild, shared between the watcher and requests.
final class PreviewState: @unchecked Sendable {
    struct Snapshot: Sendable {
        /// The errors of the latest build; empty when it succeeded.
        var errors: [Diagnostic]
        /// Counts builds, so cached pages are revalidated after each one.
        var generation: Int
    }

    private let lock = NSLock()
    private var current = Snapshot(errors: [], generation: 0)

    var snapshot: Snapshot { lock.withLock { current } }

    func record(_ report: BuildReport) {
        lock.withLock {
            current = Snapshot(errors: report.errors, generation: current.generation + 1)
        }
    }
}
