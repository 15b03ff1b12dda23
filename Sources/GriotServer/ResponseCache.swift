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
        /// The whole answer to a GET as last sent, as bytes, and the second its Date header names.
        var stamped: (second: Int, bytes: ByteBuffer)? = nil
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

    /// The whole answer to a GET kept for `path` in build `generation`, as bytes, its head as
    /// `head` makes it for `second`: made once a second at most, so that a page asked for again
    /// and again costs no header building.
    func stamped(for path: String, generation: Int, second: Int, head: (Entry) -> HTTPResponse) -> ByteBuffer? {
        store.withLock { store in
            guard store.generation == generation, var entry = store.entries[path] else { return nil }
            if let stamped = entry.stamped, stamped.second == second { return stamped.bytes }
            let bytes = Self.serialize(head(entry), body: entry.body)
            entry.stamped = (second, bytes)
            store.entries[path] = entry
            return bytes
        }
    }

    /// An HTTP/1.1 answer as it goes on the wire: status line, header fields, blank line, body.
    static func serialize(_ response: HTTPResponse, body: ByteBuffer) -> ByteBuffer {
        var bytes = ByteBufferAllocator().buffer(capacity: 512 + body.readableBytes)
        bytes.writeString("HTTP/1.1 \(response.status.code) \(response.status.reasonPhrase)\r\n")
        for field in response.headerFields {
            bytes.writeString(field.name.rawName)
            bytes.writeString(": ")
            bytes.writeString(field.value)
            bytes.writeString("\r\n")
        }
        bytes.writeString("\r\n")
        bytes.writeImmutableBuffer(body)
        return bytes
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
