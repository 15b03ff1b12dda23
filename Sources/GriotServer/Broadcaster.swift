import Foundation

/// Fans a message out to every open live-reload connection.
final class Broadcaster: @unchecked Sendable {
    private let lock = NSLock()
    private var continuations: [UUID: AsyncStream<String>.Continuation] = [:]
    private var finished = false
    /// Tasks waiting for a first subscriber (the heartbeat, which sleeps while no page is open).
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// A stream of messages for one connection; it ends when the server shuts down.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        lock.withLock {
            if finished {
                continuation.finish()
            } else {
                continuations[id] = continuation
            }
        }
        for waiter in lock.withLock({
            defer { waiters.removeAll() }; return waiters
        }) { waiter.resume() }
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    /// Returns once at least one stream is open (or the broadcaster has finished).
    func untilSubscribed() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let ready = lock.withLock {
                if finished || !continuations.isEmpty { return true }
                waiters.append(waiter)
                return false
            }
            if ready { waiter.resume() }
        }
    }

    /// An SSE comment to every stream, which browsers ignore.
    func ping() {
        send(": ping\n\n")
    }

    func send(_ message: String) {
        let targets = lock.withLock { Array(continuations.values) }
        for continuation in targets { continuation.yield(message) }
    }

    /// Ends every stream, so open connections close and the server can stop.
    func finishAll() {
        let targets = lock.withLock {
            finished = true
            defer { continuations.removeAll() }
            return Array(continuations.values)
        }
        for continuation in targets { continuation.finish() }
        for waiter in lock.withLock({
            defer { waiters.removeAll() }; return waiters
        }) { waiter.resume() }
    }
}
