import Foundation
import Griot
import Synchronization

/// The line a long build shows on a terminal: "rendering 4210 of 10003 files". It appears only
/// once the build has run for a second, only when standard error is a terminal and not in CI,
/// is redrawn at most ten times a second, and is erased before the summary is printed.
final class ProgressLine: Sendable {
    private struct State {
        var lastDrawn: Double = 0
        var drawn = false
    }

    private let start = Date()
    private let state = Mutex(State())

    /// A progress line when the terminal wants one, else nil.
    static func forTerminal() -> ProgressLine? {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDERR_FILENO) == 1, environment["CI"] == nil, environment["TERM"] != "dumb" else { return nil }
        return ProgressLine()
    }

    func update(_ progress: BuildProgress) {
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed >= 1 else { return }
        let text: String
        switch progress.stage {
        case .loading: text = "loading content"
        case .rendering: text = "rendering \(progress.done) of \(progress.total) files"
        case .swapping: text = "putting the new site in place"
        }
        state.withLock { state in
            // A new stage is drawn at once; counts within a stage ten times a second at most.
            guard progress.done == 0 || progress.done == progress.total || elapsed - state.lastDrawn >= 0.1 else {
                return
            }
            state.lastDrawn = elapsed
            state.drawn = true
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        }
    }

    /// Erases the line, if it was ever drawn.
    func finish() {
        state.withLock { state in
            if state.drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            state.drawn = false
        }
    }
}
