import Foundation
import Hummingbird
import Synchronization

/// Answers read from the output folder, kept until the next rebuild: most requests ask for pages
/// just served, and answering them from memory skips opening, reading and injecting the file.
/// Large files are not kept (they are streamed), and the whole store is bounded.
final class ResponseCache: Sendable {
    /// One prepared answer: everything but the per-request headers.
    struct Entry: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
        /// The ETag and modification time, for conditional requests (nil: never "not modified").
        var tag: String?
        var modified: Date?
        /// The answer's head as last sent whole, and the second its Date header names.
        var stamped: (second: Int, head: HTTPResponse)? = nil
    }

    /// Files larger than this are streamed, never kept.
    static let largestEntry = 1 << 20
    /// The most the store holds; past it, it starts again empty.
    static let budget = 64 << 20

    private struct Store {
        var generation = -1
        var entries: [String: Entry] = [:]
        var bytes = 0
    }

    private let store = Mutex(Store())

    /// The answer kept for `path` in build `generation`, if any.
    func entry(for path: String, generation: Int) -> Entry? {
        store.withLock { store in
            store.generation == generation ? store.entries[path] : nil
        }
    }

    /// The answer kept for `path` in build `generation` with its whole head, as `head` makes it
    /// for `second`: made once a second at most, so that a page asked for again and again costs
    /// no header building.
    func stamped(
        for path: String, generation: Int, second: Int, head: (Entry) -> HTTPResponse
    ) -> (entry: Entry, head: HTTPResponse)? {
        store.withLock { store in
            guard store.generation == generation, var entry = store.entries[path] else { return nil }
            if let stamped = entry.stamped, stamped.second == second { return (entry, stamped.head) }
            let made = head(entry)
            entry.stamped = (second, made)
            store.entries[path] = entry
            return (entry, made)
        }
    }

    /// Keeps `entry` for `path`, unless a newer build has been recorded since it was made.
    func keep(_ entry: Entry, for path: String, generation: Int) {
        guard entry.body.readableBytes <= Self.largestEntry else { return }
        store.withLock { store in
            if generation > store.generation { store = Store(generation: generation) }
            guard generation == store.generation else { return }
            if store.bytes + entry.body.readableBytes > Self.budget { store = Store(generation: generation) }
            store.bytes += entry.body.readableBytes
            store.entries[path] = entry
        }
    }
}
