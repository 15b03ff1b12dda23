import Foundation
import Griot
import Hummingbird
import Synchronization

/// Answers HTTP requests from the output folder, adding live reload to HTML pages.
struct SiteResponder: Sendable {
    let paths: SitePath
    let state: PreviewState
    let broadcaster: Broadcaster
    /// The host names requests may be addressed to, without port; nil accepts any (the preview
    /// was bound to every interface on purpose).
    let allowedHosts: Set<String>?
    let injection = LiveInjection()
    /// Answers kept until the next rebuild.
    let cache = ResponseCache()

    /// The names a preview bound to `host` answers to: the loopback names, and `host` itself.
    static func allowedHosts(boundTo host: String) -> Set<String>? {
        if host == "0.0.0.0" || host == "::" { return nil }
        return ["127.0.0.1", "localhost", "[::1]", host.contains(":") ? "[\(host)]" : host]
    }

    /// The host name of a `Host` header, lowercased, without its port: `localhost:8080` → `localhost`.
    static func hostName(_ authority: String) -> String {
        // Asked for every request: no lowering or splitting unless needed.
        var name = Substring(authority)
        if name.hasPrefix("["), let end = name.firstIndex(of: "]") {
            name = name[...end]
        } else if let colon = name.firstIndex(of: ":") {
            name = name[..<colon]
        }
        return name.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
            ? name.lowercased() : String(name)
    }

    /// Sent with every response: no guessing of types from content, and scripts, styles and
    /// connections only from the preview itself (the live-reload script and stream included).
    static let securityHeaders: HTTPFields = [
        .xContentTypeOptions: "nosniff",
        .contentSecurityPolicy:
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    ]

    /// Files larger than this are sent in pieces of this size, never held whole in memory.
    static let chunkSize = 64 * 1024

    func respond(to request: Request) async -> Response {
        var response = answer(request)
        Self.addCommonHeaders(to: &response.headers)
        return response
    }

    /// What every answer carries: the security headers, the date and the server's name.
    private static func addCommonHeaders(to headers: inout HTTPFields, date: String = HTTPDate.now().text) {
        headers.append(contentsOf: securityHeaders)
        headers[.date] = date
        headers[.server] = "griot"
    }

    /// The answer to `request` when it is kept in memory from an earlier one and needs nothing
    /// else (no redirect, no stream, no closing): what `respond(to:)` would answer, found without
    /// a task. Nil otherwise.
    func keptAnswer(to request: HTTPRequest) -> KeptAnswer? {
        // Only a plain path is looked up as it came: it is then the path `respond(to:)` reads.
        guard request.method == .get || request.method == .head, let path = request.path, path.hasPrefix("/"),
            !path.hasPrefix("//"), !path.utf8.contains(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "%") }),
            request.headerFields[.connection] == nil,
            allowedHosts?.contains(Self.hostName(request.authority ?? "")) ?? true
        else { return nil }
        let snapshot = state.snapshot
        guard !snapshot.isRebuilding, !Self.ownPaths.contains(path) else { return nil }
        let isHead = request.method == .head
        if !isHead, request.headerFields[.ifNoneMatch] == nil, request.headerFields[.ifModifiedSince] == nil {
            // Not conditional: the whole answer, as bytes made once a second.
            let now = HTTPDate.now()
            let kept = cache.stamped(for: path, generation: snapshot.generation, second: now.second) { entry in
                var headers = entry.headers
                Self.addCommonHeaders(to: &headers, date: now.text)
                return HTTPResponse(status: entry.status, headerFields: headers)
            }
            return kept.map { .bytes($0) }
        }
        guard let kept = cache.entry(for: path, generation: snapshot.generation) else { return nil }
        var (status, headers, body) = parts(
            of: kept, requestHeaders: request.headerFields, head: isHead)
        Self.addCommonHeaders(to: &headers)
        return .parts(HTTPResponse(status: status, headerFields: headers), body)
    }

    /// An answer kept in memory.
    enum KeptAnswer {
        /// The whole answer, as it goes on the wire (HTTP/1.1).
        case bytes(ByteBuffer)
        /// Its head and body.
        case parts(HTTPResponse, ByteBuffer?)
    }

    /// The preview's own paths, answered before the output folder is looked at.
    private static let ownPaths: Set<String> = [
        LiveInjection.eventsPath, LiveInjection.scriptPath, LiveInjection.stylesheetPath,
    ]

    private func answer(_ request: Request) -> Response {
        // A page elsewhere on the web could otherwise read the preview through a name it resolves
        // to 127.0.0.1 (DNS rebinding): answer only to the names the preview is reached by.
        if let allowedHosts, !allowedHosts.contains(Self.hostName(request.head.authority ?? "")) {
            return text(
                .misdirectedRequest, "This preview answers only to \(allowedHosts.sorted().joined(separator: ", ")).\n")
        }
        guard request.method == .get || request.method == .head else {
            return text(.methodNotAllowed, "Only GET and HEAD are supported.\n", extra: [.allow: "GET, HEAD"])
        }
        let isHead = request.method == .head
        let path = request.uri.path
        switch path {
        case LiveInjection.eventsPath:
            return events()
        case LiveInjection.scriptPath:
            return own(LiveInjection.script, type: "text/javascript; charset=utf-8", head: isHead)
        case LiveInjection.stylesheetPath:
            return own(LiveInjection.stylesheet, type: "text/css; charset=utf-8", head: isHead)
        default:
            break
        }
        let snapshot = state.snapshot
        // While a rebuild writes, kept answers may be old and new ones may be outdated at once.
        let cache = snapshot.isRebuilding ? nil : self.cache
        if let kept = cache?.entry(for: path, generation: snapshot.generation) {
            return reply(kept, to: request, head: isHead)
        }
        switch paths.resolve(path) {
        case .forbidden:
            return text(.badRequest, "Bad request: this path is not allowed.\n", head: isHead)
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Response(status: .movedPermanently, headers: [.location: location + query, .contentLength: "0"])
        case .notFound:
            let entry = notFound(snapshot)
            cache?.keep(entry, for: path, generation: snapshot.generation)
            return reply(entry, to: request, head: isHead)
        case .file(let file):
            guard let entry = prepare(file, snapshot: snapshot) else {
                return stream(file, request: request, head: isHead)
            }
            cache?.keep(entry, for: path, generation: snapshot.generation)
            return reply(entry, to: request, head: isHead)
        }
    }

    /// One of the preview's own files (the live-reload script, the overlay's stylesheet).
    private func own(_ content: String, type: String, head: Bool) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .cacheControl: "no-cache", .contentLength: String(content.utf8.count)],
            body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: content)))
    }

    /// The headers every answer from a file carries.
    private func headers(for file: ServedFile, contentType: String, tag: String) -> HTTPFields {
        [
            .contentType: contentType, .eTag: tag, .lastModified: HTTPDate.format(file.modified),
            .cacheControl: "no-cache",
        ]
    }

    /// The whole answer for `file`, read into memory: a page (with the live-reload script and,
    /// after a failed rebuild, the error overlay), or a small file. Nil for a large file.
    private func prepare(
        _ file: ServedFile, snapshot: PreviewState.Snapshot, status: HTTPResponse.Status = .ok
    ) -> ResponseCache.Entry? {
        let contentType = ContentTypes.forPath(file.name)
        let isHTML = ContentTypes.isHTML(contentType)
        guard isHTML || file.size <= ResponseCache.largestEntry else { return nil }
        // HTML changes with the error overlay too, so its tag includes the build generation.
        let tag = file.entityTag(generation: isHTML ? snapshot.generation : nil)
        var headers = headers(for: file, contentType: contentType, tag: tag)
        let body =
            isHTML
            ? ByteBuffer(
                string: injection.inject(into: String(decoding: file.readAll(), as: UTF8.self), errors: snapshot.errors)
            )
            : ByteBuffer(bytes: file.readAll())
        headers[.contentLength] = String(body.readableBytes)
        return ResponseCache.Entry(status: status, headers: headers, body: body, tag: tag, modified: file.modified)
    }

    /// A large file, sent in pieces as it is read.
    private func stream(_ file: ServedFile, request: Request, head: Bool) -> Response {
        let tag = file.entityTag(generation: nil)
        var headers = headers(for: file, contentType: ContentTypes.forPath(file.name), tag: tag)
        if isNotModified(request, tag: tag, modified: file.modified) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(file.size)
        if head { return Response(status: .ok, headers: headers, body: ResponseBody()) }
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody(contentLength: file.size) { writer in
                var offset = 0
                while offset < file.size {
                    let piece = file.read(at: offset, count: min(Self.chunkSize, file.size - offset))
                    // The file shrank since it was opened: end here; the length said is then short.
                    guard !piece.isEmpty else { break }
                    try await writer.write(ByteBuffer(bytes: piece))
                    offset += piece.count
                }
                try await writer.finish(nil)
            })
    }

    /// A prepared answer for this request: `304 Not Modified` when the client has it already.
    private func reply(_ entry: ResponseCache.Entry, to request: Request, head: Bool) -> Response {
        let (status, headers, body) = parts(of: entry, requestHeaders: request.headers, head: head)
        return Response(
            status: status, headers: headers, body: body.map { ResponseBody(byteBuffer: $0) } ?? ResponseBody())
    }

    /// The status, headers and body (nil: none) of a prepared answer to a request with
    /// `requestHeaders`.
    private func parts(
        of entry: ResponseCache.Entry, requestHeaders: HTTPFields, head: Bool
    ) -> (HTTPResponse.Status, HTTPFields, ByteBuffer?) {
        if entry.status == .ok, let tag = entry.tag, let modified = entry.modified,
            isNotModified(requestHeaders, tag: tag, modified: modified)
        {
            var headers = entry.headers
            headers[.contentLength] = nil
            return (.notModified, headers, nil)
        }
        return (entry.status, entry.headers, head ? nil : entry.body)
    }

    private func isNotModified(_ request: Request, tag: String, modified: Date) -> Bool {
        isNotModified(request.headers, tag: tag, modified: modified)
    }

    private func isNotModified(_ requestHeaders: HTTPFields, tag: String, modified: Date) -> Bool {
        if let match = requestHeaders[.ifNoneMatch] {
            return match == "*"
                || match.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == tag }
        }
        if let since = requestHeaders[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return modified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }

    /// The site's own `404.html` with status 404, or a line of text when it has none.
    private func notFound(_ snapshot: PreviewState.Snapshot) -> ResponseCache.Entry {
        if case .file(let page) = paths.resolve("/404.html"),
            var entry = prepare(page, snapshot: snapshot, status: .notFound)
        {
            entry.headers[.eTag] = nil
            entry.tag = nil
            return entry
        }
        let message = ByteBuffer(string: "Not found.\n")
        return ResponseCache.Entry(
            status: .notFound,
            headers: [.contentType: "text/plain; charset=utf-8", .contentLength: String(message.readableBytes)],
            body: message, tag: nil, modified: nil)
    }

    private func events() -> Response {
        let stream = broadcaster.subscribe()
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
                // The broadcaster's heartbeat comes through here too: a write to a page that has
                // gone fails, and the stream ends.
                for await message in stream {
                    try await writer.write(ByteBuffer(string: message))
                }
                try await writer.finish(nil)
            })
    }

    private func text(
        _ status: HTTPResponse.Status, _ message: String, head: Bool = false, extra: HTTPFields = [:]
    ) -> Response {
        var headers: HTTPFields = [
            .contentType: "text/plain; charset=utf-8", .contentLength: String(message.utf8.count),
        ]
        headers.append(contentsOf: extra)
        return Response(
            status: status, headers: headers,
            body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: message)))
    }
}

/// HTTP dates (RFC 9110 IMF-fixdate): `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }

    static func format(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return formatter().string(from: date) }
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }

    /// The Date header's value for a response sent now, formatted once a second, and the second.
    static func now() -> (second: Int, text: String) {
        let second = Int(Date().timeIntervalSince1970)
        return current.withLock { current in
            if current.second != second { current = (second, format(Date(timeIntervalSince1970: Double(second)))) }
            return current
        }
    }

    private static let current = Mutex((second: 0, text: ""))

    static func parse(_ text: String) -> Date? { formatter().date(from: text) }
}

extension ServedFile {
    /// An ETag from the file's size and modification time, and `generation` when the answer
    /// also depends on the build (pages, which carry the error overlay).
    func entityTag(generation: Int?) -> String {
        let stamp = String(Int(modified.timeIntervalSince1970 * 1000), radix: 16)
        return "\"\(String(size, radix: 16))-\(stamp)\(generation.map { "-\($0)" } ?? "")\""
    }
}
