import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("griot serve over HTTP", .serialized)
final class PreviewServerTests {
    let site: ServedSite

    init() throws {
        site = try ServedSite()
    }

    deinit { site.stop() }

    @Test("pages are served as HTML with the live-reload script, which the built files never contain")
    func servesPages() throws {
        let page = try site.get("/countries/alpha/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.body.contains("<h1>Alpha</h1>"))
        #expect(page.body.contains("<script src=\"/__griot/live.js\" defer></script>"))
        #expect(page.body.contains("href=\"/topics/river-pact/\""), "links use / as the base path in the preview")
        #expect(!(try site.read(ServedSite.previewFolder + "/countries/alpha/index.html")).contains("__griot"))
        let script = try site.get("/__griot/live.js")
        #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.body.contains("EventSource"))
    }

    @Test(
        "assets get their content type",
        arguments: [
            ("assets/style.css", "text/css; charset=utf-8"), ("sitemap.xml", nil), ("feed.json", "application/json"),
            ("logo.svg", "image/svg+xml"), ("photo.png", "image/png"), ("font.woff2", "font/woff2"),
            ("app.js", "text/javascript; charset=utf-8"), ("data.xml", "application/xml; charset=utf-8"),
        ])
    func contentTypes(path: String, expected: String?) throws {
        if expected != nil && !path.hasPrefix("assets/") {
            // Files that are not part of the fixture are placed in the output folder directly.
            try site.write(ServedSite.previewFolder + "/\(path)", "x")
        }
        let response = try site.get("/" + path)
        if let expected {
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == expected)
        } else {
            // The preview builds with base_url "/", which is not absolute: no sitemap is written.
            #expect(response.status == 404)
        }
    }

    @Test("the preview builds in a folder of its own and never touches a published build")
    func ownFolder() throws {
        let griot = Bundle.main.bundleURL.appendingPathComponent("griot")
        var published: [String: Data] = [:]
        let served = try ServedSite { root in
            let build = Process()
            build.executableURL = griot
            build.arguments = ["build", "--site", root.path, "--base-url", "/atlas/"]
            build.standardOutput = FileHandle.nullDevice
            try build.run()
            build.waitUntilExit()
            published = ServedSite.files(in: root.appendingPathComponent("public"))
        }
        defer { served.stop() }
        #expect(published.count > 5)
        #expect(try served.get("/countries/alpha/").body.contains("href=\"/topics/river-pact/\""))
        let (events, _) = try RawHTTP.openEvents(port: served.port)
        defer { close(events) }
        try served.write("content/countries/alpha.md", try served.read("content/countries/alpha.md") + "\nMore.\n")
        #expect(RawHTTP.receive(events, timeout: 5) { $0.contains("event: reload") }.contains("event: reload"))
        #expect(ServedSite.files(in: served.root.appendingPathComponent("public")) == published)
        #expect(try served.read(ServedSite.previewFolder + "/countries/alpha/index.html").contains("More."))
    }

    @Test(
        "requests addressed to another host are refused (DNS rebinding); the loopback names are served",
        arguments: [
            ("evil.example", 421), ("evil.example:8080", 421), ("127.0.0.1.evil.example", 421), ("", 421),
            ("localhost", 200), ("LOCALHOST:9", 200), ("127.0.0.1", 200), ("[::1]:8080", 200),
        ])
    func hostHeader(host: String, status: Int) throws {
        let response = try site.get("/countries/alpha/", headers: ["Host": host])
        #expect(response.status == status, "Host: \(host)")
        if status == 421 { #expect(!response.body.contains("Alpha")) }
    }

    @Test("hidden files in the output folder are not served")
    func hiddenFiles() throws {
        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent(ServedSite.previewFolder + "/assets/.secret"),
            withIntermediateDirectories: true)
        try site.write(ServedSite.previewFolder + "/assets/.env", "TOKEN=1")
        try site.write(ServedSite.previewFolder + "/assets/.secret/key", "TOKEN=2")
        for path in ["/assets/.env", "/assets/.secret/key", "/.griot-output", "/%2eenv"] {
            let response = try site.get(path)
            #expect(response.status == 404, "\(path) → \(response.status)")
            #expect(!response.body.contains("TOKEN"))
        }
    }

    @Test("folder links that loop or lead to / neither stop the preview nor get watched")
    func linkedFolders() throws {
        let served = try ServedSite { root in
            let fileManager = FileManager.default
            try fileManager.createSymbolicLink(
                atPath: root.appendingPathComponent("content/countries/a").path, withDestinationPath: ".")
            try fileManager.createSymbolicLink(
                atPath: root.appendingPathComponent("content/countries/b").path, withDestinationPath: ".")
            try fileManager.createSymbolicLink(
                atPath: root.appendingPathComponent("templates/assets/root").path, withDestinationPath: "/")
        }
        defer { served.stop() }
        #expect(try served.get("/countries/alpha/").status == 200)
    }

    @Test("a file saved over and over cannot hold back the rebuild of a real edit")
    func busyFolderStillRebuilds() throws {
        let (events, _) = try RawHTTP.openEvents(port: site.port)
        defer { close(events) }
        let scratch = site.root.appendingPathComponent("content/autosave.txt")
        let writer = Thread {
            // An editor autosaving every 20 ms for four seconds.
            for index in 0..<200 {
                try? Data("draft \(index)".utf8).write(to: scratch)
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        writer.start()
        let path = "content/countries/gamma.md"
        try site.write(path, try site.read(path) + "\nA sentence written while another file is busy.\n")
        let started = Date()
        let event = RawHTTP.receive(events, timeout: 3) { $0.contains("event: reload") }
        #expect(event.contains("event: reload"))
        #expect(Date().timeIntervalSince(started) < 2.5, "the rebuild waited for the autosaves to stop")
        while writer.isExecuting { Thread.sleep(forTimeInterval: 0.05) }
    }

    @Test("clients that never finish their request are closed; live-reload streams stay open")
    func stalledClients() throws {
        let (events, _) = try RawHTTP.openEvents(port: site.port)
        defer { close(events) }
        var stalled: [Int32] = []
        defer { stalled.forEach { close($0) } }
        for _ in 0..<50 {
            let fd = try RawHTTP.connect(port: site.port)
            RawHTTP.send(fd, "GET /countries/alpha/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            stalled.append(fd)
        }
        for fd in stalled {
            #expect(RawHTTP.waitForClose(fd, timeout: 20), "a stalled connection was kept open")
        }
        // The stream outlived the idle timeout because the server keeps it busy with comments.
        #expect(RawHTTP.receive(events, timeout: 6) { $0.contains(": ping") }.contains(": ping"))
        #expect(try site.get("/countries/alpha/").status == 200)
    }

    @Test("a missing page answers 404 with the site's own 404 page")
    func notFound() throws {
        let response = try site.get("/countries/atlantis/")
        #expect(response.status == 404)
        #expect(response.body.contains("Page not found"))
    }

    @Test("a folder without its trailing slash redirects, keeping the query")
    func redirects() throws {
        let response = try site.get("/countries/alpha?x=1")
        #expect(response.status == 301)
        #expect(response.headers["location"] == "/countries/alpha/?x=1")
    }

    @Test("HEAD answers the headers of GET without a body")
    func head() throws {
        let get = try site.get("/assets/style.css")
        let head = try site.get("/assets/style.css", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == get.headers["content-length"])
        #expect(head.headers["etag"] == get.headers["etag"])
    }

    @Test("ETag and Last-Modified answer 304 Not Modified")
    func conditionalRequests() throws {
        let first = try site.get("/assets/style.css")
        let tag = try #require(first.headers["etag"])
        let modified = try #require(first.headers["last-modified"])
        #expect(try site.get("/assets/style.css", headers: ["If-None-Match": tag]).status == 304)
        #expect(try site.get("/assets/style.css", headers: ["If-Modified-Since": modified]).status == 304)
        #expect(try site.get("/assets/style.css", headers: ["If-None-Match": "\"stale\""]).status == 200)
        let page = try site.get("/countries/alpha/")
        #expect(try site.get("/countries/alpha/", headers: ["If-None-Match": page.headers["etag"] ?? ""]).status == 304)
    }

    @Test(
        "nothing outside the output folder is ever served",
        arguments: [
            "/../content/site.yml", "/countries/../../content/site.yml", "/%2e%2e/content/site.yml",
            "/%2E%2E%2Fcontent%2Fsite.yml", "/%252e%252e/content/site.yml", "/..%2fcontent/site.yml",
            "/countries/alpha/index.html%00.css", "/..\\content\\site.yml", "/outside/site.yml", "/outside-file",
        ])
    func traversal(path: String) throws {
        let fileManager = FileManager.default
        let output = site.root.appendingPathComponent(ServedSite.previewFolder)
        if !fileManager.fileExists(atPath: output.appendingPathComponent("outside").path) {
            try fileManager.createSymbolicLink(
                at: output.appendingPathComponent("outside"),
                withDestinationURL: site.root.appendingPathComponent("content"))
            try fileManager.createSymbolicLink(
                at: output.appendingPathComponent("outside-file"),
                withDestinationURL: site.root.appendingPathComponent("content/site.yml"))
        }
        let response = try site.get(path)
        #expect([400, 403, 404].contains(response.status), "\(path) → \(response.status)")
        #expect(!response.body.contains("Fixture Atlas\nsubject"), "\(path) leaked site.yml")
        #expect(!response.body.contains("base_url"))
    }

    @Test("an edit rebuilds the page and sends a reload event within two seconds; an error shows, then clears")
    func liveReload() throws {
        let (events, opening) = try RawHTTP.openEvents(port: site.port)
        defer { close(events) }
        #expect(opening.contains("text/event-stream"))

        let path = "content/countries/gamma.md"
        let original = try site.read(path)
        let started = Date()
        try site.write(path, original + "\nA freshly written sentence.\n")
        let event = RawHTTP.receive(events, timeout: 2) { $0.contains("event: reload") }
        #expect(event.contains("event: reload"))
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(try site.get("/countries/gamma/").body.contains("A freshly written sentence."))

        try site.write(path, original + "\n[broken](nowhere.md)\n")
        #expect(RawHTTP.receive(events, timeout: 2) { $0.contains("event: reload") }.contains("event: reload"))
        let failed = try site.get("/countries/gamma/")
        #expect(failed.body.contains("id=\"griot-errors\""))
        #expect(failed.body.contains("content/countries/gamma.md:12:1"))
        #expect(failed.body.contains("link to a missing page"))
        #expect(failed.body.contains("A freshly written sentence."), "the last good page stays underneath")
        #expect(site.log.contains("content/countries/gamma.md:12:1: error[G401]: link to a missing page 'nowhere.md'"))

        try site.write(path, original)
        #expect(RawHTTP.receive(events, timeout: 2) { $0.contains("event: reload") }.contains("event: reload"))
        let fixed = try site.get("/countries/gamma/")
        #expect(!fixed.body.contains("griot-errors"))
        #expect(!fixed.body.contains("A freshly written sentence."))
    }

    @Test("new and deleted pages are picked up")
    func newAndDeletedFiles() throws {
        try site.write(
            "content/topics/new-topic.md",
            "---\ntitle: New Topic\nsummary: Fresh.\nsources:\n  - title: Notes\n---\nBody.\n")
        let deadline = Date().addingTimeInterval(3)
        var status = 0
        while Date() < deadline {
            status = try site.get("/topics/new-topic/").status
            if status == 200 { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(status == 200)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/topics/new-topic.md"))
        let gone = Date().addingTimeInterval(3)
        while Date() < gone, try site.get("/topics/new-topic/").status == 200 { Thread.sleep(forTimeInterval: 0.1) }
        #expect(try site.get("/topics/new-topic/").status == 404)
    }

    @Test("Ctrl-C stops the server cleanly, with open live-reload connections")
    func stopsCleanly() throws {
        let (events, _) = try RawHTTP.openEvents(port: site.port)
        defer { close(events) }
        let started = Date()
        let status = site.stop()
        #expect(status == 0)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(site.log.contains("Stopped."))
    }
}
