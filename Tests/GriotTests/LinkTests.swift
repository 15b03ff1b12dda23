import Foundation
import Testing

@testable import Griot

@Suite("Links between pages")
struct LinkTests {
    @Test("links to content files become page URLs under base_url's path")
    func rewritesLinks() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(fixture.build().succeeded)
        let alpha = try fixture.page("countries/alpha/index.html")
        let hrefs = alpha.select("div.prose a").map { $0["href"] ?? "" }
        #expect(hrefs.contains("/atlas/topics/river-pact/"))
        #expect(hrefs.contains("/atlas/countries/beta/#the-rupture"))
        #expect(hrefs.contains("#trade-and-aid"))
        let home = try fixture.page("index.html")
        #expect(
            home.select("div.prose a").map { $0["href"] ?? "" } == [
                "/atlas/countries/alpha/", "/atlas/topics/river-pact/#signing",
            ])
    }

    @Test("--base-url changes the prefix of every link")
    func baseURLOverride() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(fixture.build(baseURL: "/").succeeded)
        let alpha = try fixture.page("countries/alpha/index.html")
        #expect(alpha.select("div.prose a").contains { $0["href"] == "/topics/river-pact/" })
        #expect(alpha.first("link[rel=stylesheet]")?["href"] == "/assets/style.css")
    }

    @Test("a link to a missing page is an error at its line and column")
    func brokenLink() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let path = "content/topics/river-pact.md"
        try fixture.write(path, try fixture.read(path) + "\nSee [nowhere](../countries/atlantis.md).\n")
        let error = try #require(fixture.check().errors.first)
        #expect(error.file == path)
        #expect(error.line == 19)
        #expect(error.column == 5)
        #expect(error.message == "link to a missing page '../countries/atlantis.md'")
    }

    @Test("a link to a missing heading is an error with a suggestion")
    func brokenAnchor() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let path = "content/topics/river-pact.md"
        try fixture.write(path, try fixture.read(path) + "\nSee [Alpha](../countries/alpha.md#histroy).\n")
        let error = try #require(fixture.check().errors.first)
        #expect(error.message == "link to a missing heading '#histroy' in '../countries/alpha.md'")
        #expect(error.hint == "did you mean '#history'?")
        #expect(error.line == 19)
    }

    @Test("a same-page anchor must exist")
    func brokenSamePageAnchor() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let path = "content/countries/gamma.md"
        try fixture.write(path, try fixture.read(path) + "\n[up](#nothing-here)\n")
        #expect(
            fixture.check().errors.contains { $0.message == "link to a missing heading '#nothing-here' on this page" })
    }

    @Test("javascript: links are refused even though safe mode would empty them")
    func unsafeLinks() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let path = "content/countries/gamma.md"
        try fixture.write(path, try fixture.read(path) + "\n[click](javascript:alert(1))\n")
        let error = try #require(fixture.check().errors.first)
        #expect(error.message.hasPrefix("unsafe javascript: link"))
    }

    @Test("raw HTML is omitted by cmark's safe mode and smart punctuation is on")
    func safeModeAndSmartPunctuation() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(fixture.build().succeeded)
        let source = try String(
            contentsOf: fixture.output.appendingPathComponent("countries/alpha/index.html"), encoding: .utf8)
        #expect(!source.contains("<b>bold raw html</b>"))
        #expect(!(try fixture.read("public/index.html")).contains("<script>alert"))
        let prose = try #require(try fixture.page("countries/alpha/index.html").first("div.prose"))
        #expect(prose.text.contains("“steady” – and growing"))
    }

    @Test("headings get unique ids and a table of contents")
    func headingIds() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(fixture.build().succeeded)
        let alpha = try fixture.page("countries/alpha/index.html")
        #expect(alpha.select("div.prose h2").map { $0["id"] ?? "" } == ["history", "trade-and-aid"])
        #expect(alpha.first("div.prose h3")?["id"] == "trade-and-aid-1")
        let toc = alpha.select("nav.toc li a").map { $0["href"] ?? "" }
        #expect(toc == ["#history", "#trade-and-aid", "#trade-and-aid-1"])
        #expect(alpha.select("nav.toc li.nested").count == 1)
    }

    @Test("a link's file is found the same way whether or not it is in the linking file's folder", arguments: 0..<200)
    func joiningPaths(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) + 9000)
        let parts = ["content", "countries", "x.md", ".", "..", "", "é.md"]
        func path(_ count: ClosedRange<Int>) -> String {
            (0..<Int.random(in: count, using: &generator)).map { _ in parts.randomElement(using: &generator)! }
                .joined(separator: "/")
        }
        let file = path(0...4)
        let relative = path(1...3)
        #expect(
            LinkTargets.join(file, relative) == LinkTargets.joinByParts(file, relative),
            "\(file.debugDescription) + \(relative.debugDescription)")
        #expect(
            LinkTargets.joinByParts(file, relative) == Self.joinedByName(file, relative),
            "\(file.debugDescription) + \(relative.debugDescription)")
    }

    /// Path joining as the words say it, on whole names: the reference for the byte-wise join.
    static func joinedByName(_ file: String, _ relative: String) -> String? {
        var parts = file.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
