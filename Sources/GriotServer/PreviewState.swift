import Foundation
import Griot

/// What the server knows about the latest rebuild, shared between the watcher and requests.
final class PreviewState: @unchecked Sendable {
    struct Snapshot: Sendable {
        /// The errors of the latest build; empty when it succeeded.
        var errors: [Diagnostic]
        /// Counts builds, so cached pages are revalidated after each one.
        var generation: Int
        /// A rebuild is changing files in place: answers are read from the files, so each page
        /// shows its new version as soon as it is written, not when the whole rebuild ends.
        var isRebuilding = false
    }

    private let lock = NSLock()
    private var current = Snapshot(errors: [], generation: 0)

    var snapshot: Snapshot { lock.withLock { current } }

    /// A rebuild starts writing.
    func beginRebuild() {
        lock.withLock { current.isRebuilding = true }
    }

    func record(_ report: BuildReport) {
        lock.withLock {
            current = Snapshot(errors: report.errors, generation: current.generation + 1)
        }
    }
}
