import Foundation
import Synchronization
import Testing

import Griot
@testable import GriotServer

#if canImport(Glibc)
    import Glibc
#endif

/// The preview server under the conditions that used to knock it over or leak: old clients,
/// large files, an output folder changing under a request, connection floods, and a `content/`
/// folder that goes away and comes back.
@Suite("griot serve, hardened", .serialized)
struct PreviewHardeningTests {
    @Test("every response forbids type sniffing and sets a content security policy the overlay satisfies")
    func securityHeaders() throws {
        let site = try ServedSite()
        defer { site.stop() }
        for path in ["/countries/alpha/", "/assets/style.css", "/nowhere/", LiveInjection.scriptPath] {
            let response = try site.get(path)
            #expect(response.headers["x-content-type-options"] == "nosniff", "\(path)")
            let policy = try #require(response.headers["content-security-policy"], "\(path)")
            #expect(policy.contains("default-src 'self'"))
            #expect(!policy.contains("unsafe-inline"))
        }
        // The overlay takes its look from a stylesheet of the preview's own, not inline styles.
        let overlay = LiveInjection().inject(
            into: "<html><body><p>x</p></body></html>",
            errors: [Diagnostic(.missingPage, file: "content/a.md", message: "bad", hint: "fix")])
        #expect(!overlay.contains("style="))
        #expect(overlay.contains(LiveInjection.stylesheetPath))
        #expect(try site.get(LiveInjection.stylesheetPath).headers["content-type"] == "text/css; charset=utf-8")
    }

    @Test("an HTTP/1.0 connection closes after its answer unless it asked to be kept alive")
    func http10() throws {
        let site = try ServedSite()
        defer { site.stop() }
        for (keepAlive, closes) in [(false, true), (true, false)] {
            let fd = try RawHTTP.connect(port: site.port)
            defer { close(fd) }
            RawHTTP.send(
                fd,
                "GET /countries/alpha/ HTTP/1.0\r\nHost: 127.0.0.1:\(site.port)\r\n"
                    + (keepAlive ? "Connection: keep-alive\r\n" : "") + "\r\n")
            let answer = RawHTTP.receive(fd, timeout: 2) { $0.contains("</html>") }
            #expect(answer.contains("<h1>Alpha</h1>"))
            #expect(RawHTTP.waitForClose(fd, timeout: 1) == closes, "keep-alive: \(keepAlive)")
        }
    }

    @Test("answers kept in memory are the answers read from the folder, and leave in the order asked")
    func keptAnswers() throws {
        let site = try ServedSite()
        defer { site.stop() }
        let first = try site.get("/countries/alpha/")
        let again = try site.get("/countries/alpha/")
        #expect(again.status == 200)
        #expect(again.body == first.body)
        for name in ["content-type", "etag", "last-modified", "content-length", "content-security-policy", "server"] {
            #expect(again.headers[name] == first.headers[name], "\(name)")
        }
        // Pipelined: a kept answer, one the server builds (a redirect), a kept 404, a kept page.
        let fd = try RawHTTP.connect(port: site.port)
        defer { close(fd) }
        let host = "Host: 127.0.0.1:\(site.port)\r\n"
        _ = try site.get("/no/such/page/")
        RawHTTP.send(
            fd,
            "GET /countries/alpha/ HTTP/1.1\r\n\(host)\r\nGET /countries HTTP/1.1\r\n\(host)\r\n"
                + "GET /no/such/page/ HTTP/1.1\r\n\(host)\r\nHEAD /countries/alpha/ HTTP/1.1\r\n\(host)\r\n")
        let answers = RawHTTP.receive(fd, timeout: 5) { text in
            text.components(separatedBy: "HTTP/1.1 ").count == 5 && text.hasSuffix("\r\n\r\n")
        }
        let statuses = answers.components(separatedBy: "HTTP/1.1 ").dropFirst().map { String($0.prefix(3)) }
        #expect(statuses == ["200", "301", "404", "200"])
        // Each answer is exactly its head and the body its length announces (none for HEAD):
        // nothing of one answer's framing leaks into the next.
        var rest = Array(answers.utf8)[...]
        let blank = Array("\r\n\r\n".utf8)
        for (index, status) in statuses.enumerated() {
            try #require(rest.starts(with: "HTTP/1.1 \(status)".utf8), "answer \(index)")
            let end = try #require(rest.indices.first { rest[$0...].starts(with: blank) })
            let head = String(decoding: rest[..<end], as: UTF8.self)
            let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
            let bodyLength = index == 3 ? 0 : try #require(length, "answer \(index) has no length")
            rest = rest[(end + blank.count)...].dropFirst(bodyLength)
        }
        #expect(rest.isEmpty, "after the answers: \(String(decoding: rest.prefix(40), as: UTF8.self))")
    }

    @Test("a large file arrives whole, with its length announced")
    func largeFile() throws {
        var bytes = [UInt8](repeating: 0, count: 3 * 1024 * 1024 + 17)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 31 &+ index >> 9) }
        let site = try ServedSite { root in
            try Data(bytes).write(to: root.appendingPathComponent("templates/assets/map.bin"))
        }
        defer { site.stop() }
        let fd = try RawHTTP.connect(port: site.port)
        defer { close(fd) }
        RawHTTP.send(fd, "GET /assets/map.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        let separator = try #require(received.range(of: Data("\r\n\r\n".utf8)))
        let head = String(decoding: received[..<separator.lowerBound], as: UTF8.self)
        #expect(head.contains("Content-Length: \(bytes.count)"))
        #expect(Array(received[separator.upperBound...]) == bytes)
        // Streamed files answer conditional requests like the others.
        let tag = try #require(head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("etag:") }?.dropFirst(5))
        let again = try site.get(
            "/assets/map.bin", headers: ["If-None-Match": tag.trimmingCharacters(in: .whitespaces)])
        #expect(again.status == 304)
    }

    @Test("a folder of the output swapped for a link while requests run never serves what lies outside")
    func swappedFolder() throws {
        let site = try ServedSite()
        defer { site.stop() }
        let fileManager = FileManager.default
        let secret = site.root.appendingPathComponent("secret")
        try fileManager.createDirectory(at: secret.appendingPathComponent("alpha"), withIntermediateDirectories: true)
        try Data("SECRET".utf8).write(to: secret.appendingPathComponent("alpha/index.html"))
        let countries = site.root.appendingPathComponent(ServedSite.previewFolder + "/countries")
        let aside = site.root.appendingPathComponent(ServedSite.previewFolder + "/countries-aside")
        // Swaps until the requests are done (and 300 times at least), the real folder back in
        // place for a moment each time, as between two rebuilds.
        let requestsDone = Mutex(false)
        let swapping = Thread {
            var swaps = 0
            while swaps < 300 || !requestsDone.withLock({ $0 }) {
                try? fileManager.moveItem(at: countries, to: aside)
                try? fileManager.createSymbolicLink(at: countries, withDestinationURL: secret)
                try? fileManager.removeItem(at: countries)
                try? fileManager.moveItem(at: aside, to: countries)
                usleep(50)
                swaps += 1
            }
        }
        swapping.start()
        // Through the server (which keeps answers until the next rebuild) and straight through
        // the path resolution it opens files with, which meets the swaps every time. On a busy
        // machine the swaps can cover every one of 300 tries: the requests go on (a few thousand
        // at most) until the real page has been opened between two swaps.
        let paths = SitePath(root: site.root.appendingPathComponent(ServedSite.previewFolder))
        var opened = 0
        var tries = 0
        while tries < 300 || (opened == 0 && tries < 5_000) {
            #expect(!(try site.get("/countries/alpha/")).body.contains("SECRET"))
            if case .file(let file) = paths.resolve("/countries/alpha/") {
                #expect(!String(decoding: file.readAll(), as: UTF8.self).contains("SECRET"))
                opened += 1
            }
            tries += 1
        }
        requestsDone.withLock { $0 = true }
        while swapping.isExecuting { Thread.sleep(forTimeInterval: 0.01) }
        #expect(opened > 0, "the real page was opened between swaps")
    }

    @Test("connections over the limit are closed at once, and the server answers again when they go")
    func connectionLimit() throws {
        let site = try ServedSite(arguments: ["--max-connections", "8"])
        defer { site.stop() }
        let held = try (0..<8).map { _ in try RawHTTP.connect(port: site.port) }
        // Each held connection is accepted before the next opens: the count is then exact.
        Thread.sleep(forTimeInterval: 0.3)
        let extra = try RawHTTP.connect(port: site.port)
        #expect(RawHTTP.waitForClose(extra, timeout: 2), "the ninth connection is closed")
        close(extra)
        for fd in held { close(fd) }
        let deadline = Date().addingTimeInterval(3)
        var status = 0
        while Date() < deadline, status != 200 { status = (try? site.get("/countries/alpha/").status) ?? 0 }
        #expect(status == 200)
    }

    @Test("live-reload streams a client closes are released at once: 40 come and go through a limit of 8")
    func liveReloadChurn() throws {
        let site = try ServedSite(arguments: ["--max-connections", "8"])
        defer { site.stop() }
        for cycle in 0..<40 {
            let (events, greeting) = try RawHTTP.openEvents(port: site.port)
            close(events)
            try #require(greeting.contains(": connected"), "stream \(cycle) was not opened")
        }
        #expect(try site.get("/countries/alpha/").status == 200)
    }

    @Test("content/ moved away and back is watched again")
    func contentMovedAwayAndBack() throws {
        let site = try ServedSite()
        defer { site.stop() }
        let (events, _) = try RawHTTP.openEvents(port: site.port)
        defer { close(events) }
        let content = site.root.appendingPathComponent("content")
        let away = site.root.appendingPathComponent("content-away")
        try FileManager.default.moveItem(at: content, to: away)
        #expect(RawHTTP.receive(events, timeout: 3) { $0.contains("event: reload") }.contains("event: reload"))
        // Edited while away: not under content/, so no rebuild yet.
        let gamma = "content-away/countries/gamma.md"
        try site.write(gamma, try site.read(gamma) + "\nWritten while the folder was away.\n")
        try FileManager.default.moveItem(at: away, to: content)
        #expect(RawHTTP.receive(events, timeout: 3) { $0.contains("event: reload") }.contains("event: reload"))
        #expect(try site.get("/countries/gamma/").body.contains("Written while the folder was away."))
        let path = "content/countries/gamma.md"
        try site.write(path, try site.read(path) + "\nWritten after it came back.\n")
        #expect(RawHTTP.receive(events, timeout: 3) { $0.contains("event: reload") }.contains("event: reload"))
        #expect(try site.get("/countries/gamma/").body.contains("Written after it came back."))
    }
}

/// The watcher on its own: what it says when it cannot watch, and when the kernel loses events.
@Suite("The folder watcher")
struct DirectoryWatcherTests {
    static func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("griot-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("content/countries"), withIntermediateDirectories: true)
        return root
    }

    @Test("a folder that cannot be watched is named, and the next rebuild starts afresh")
    func failedWatch() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = try DirectoryWatcher(roots: [root.appendingPathComponent("content")]) { descriptor, path, mask in
            guard !path.hasSuffix("/countries") else {
                errno = ENOSPC
                return -1
            }
            return inotify_add_watch(descriptor, path, mask)
        }
        let notes = watcher.takeNotes()
        #expect(notes.count == 1)
        #expect(notes.first?.contains("cannot watch \(root.path)/content/countries") == true)
        #expect(notes.first?.contains("max_user_watches") == true)
        #expect(watcher.takeNotes().isEmpty, "told once")
    }

    @Test(
        "when the kernel's queue overflows, the batch says to start afresh",
        .enabled(if: FileManager.default.isWritableFile(atPath: "/proc/sys/fs/inotify/max_queued_events")))
    func overflow() async throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let setting = "/proc/sys/fs/inotify/max_queued_events"
        let original = try String(contentsOfFile: setting, encoding: .utf8)
        // The queue's size is fixed when the watcher is made: a tiny one, then the setting back.
        try Data("4\n".utf8).write(to: URL(fileURLWithPath: setting))
        let made = Result { try DirectoryWatcher(roots: [root.appendingPathComponent("content")], debounce: 0.01) }
        try Data(original.utf8).write(to: URL(fileURLWithPath: setting))
        let watcher = try made.get()
        // Events pile up unread until the watcher starts reading.
        for index in 0..<50 {
            try Data("x".utf8).write(to: root.appendingPathComponent("content/countries/page-\(index).md"))
        }
        var batches = watcher.changes().makeAsyncIterator()
        let batch = try #require(await batches.next())
        watcher.stop()
        #expect(batch.startsAfresh)
        #expect(batch.notes.contains { $0.contains("overflowed") })
        #expect(batch.paths.contains(root.appendingPathComponent("content").path))
    }
}
