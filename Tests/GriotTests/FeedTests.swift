import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import Griot

/// The Atom feed and the sitemap's `<lastmod>`: when each page last changed, from its `updated`
/// field, else its file's last commit, else the file's modification time.
@Suite("Feed and last changes", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")))
struct FeedTests {
    /// Runs git in the site folder with a fixed author and commit date.
    static func git(_ site: FixtureSite, _ arguments: [String], date: String = "2020-01-01T12:00:00Z") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", site.root.path] + arguments
        process.environment = [
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
            "HOME": site.root.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    /// The feed's entries as (id, updated) pairs, in order; nil when it is not well-formed XML.
    static func entries(_ data: Data) -> [(String, String)]? {
        final class Reader: NSObject, XMLParserDelegate {
            var entries: [(String, String)] = []
            var inEntry = false
            var element = ""
            var id = ""
            var updated = ""
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                element = name
                if name == "entry" { (inEntry, id, updated) = (true, "", "") }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) {
                guard inEntry else { return }
                if element == "id" { id += string }
                if element == "updated" { updated += string }
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?)
            {
                if name == "entry" { entries.append((id, updated)) }
                element = ""
            }
        }
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        return parser.parse() ? reader.entries : nil
    }

    @Test("pages are dated by their field, their last commit, or their file, newest first")
    func dates() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.git(site, ["init", "-q"])
        try Self.git(site, ["add", "content"])
        try Self.git(site, ["commit", "-q", "-m", "first"], date: "2020-01-01T12:00:00Z")
        let gamma = "content/countries/gamma.md"
        try site.write(gamma, try site.read(gamma) + "\nMore.\n")
        try Self.git(site, ["commit", "-q", "-am", "gamma"], date: "2022-03-04T23:30:00Z")
        let pact = "content/topics/river-pact.md"
        try site.write(
            pact,
            try site.read(pact).replacingOccurrences(
                of: "title: River Pact\n", with: "title: River Pact\nupdated: \"2023-05-06\"\n"))
        try Self.git(site, ["commit", "-q", "-am", "pact"], date: "2021-01-01T00:00:00Z")
        // Never committed: dated by its file.
        try site.write(
            "content/countries/zeta.md", "---\ntitle: Zeta\nsummary: Z.\nsources:\n  - title: N\n---\nText.\n")
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)],
            ofItemAtPath: site.url("content/countries/zeta.md").path)
        #expect(site.build().succeeded)

        let entries = try #require(Self.entries(try Data(contentsOf: site.output.appendingPathComponent("feed.xml"))))
        let root = "https://example.org/atlas/"
        #expect(entries.first?.0 == root + "countries/zeta/")
        #expect(entries.first?.1 == "2023-11-14T00:00:00Z", "no commit: the file's modification day")
        #expect(entries[1].0 == root + "topics/river-pact/")
        #expect(entries[1].1 == "2023-05-06T00:00:00Z", "the field wins over the commit")
        #expect(entries[2].0 == root + "countries/gamma/")
        #expect(entries[2].1 == "2022-03-04T00:00:00Z", "the day of the last commit, in UTC")
        #expect(entries.dropFirst(3).allSatisfy { $0.1 == "2020-01-01T00:00:00Z" })
        let sitemap = try site.read("public/sitemap.xml")
        #expect(sitemap.contains("<loc>\(root)countries/gamma/</loc><lastmod>2022-03-04</lastmod>"))
        #expect(sitemap.contains("<loc>\(root)</loc><lastmod>2023-11-14</lastmod>"), "the indexes change with any page")
        let home = try site.page("index.html")
        #expect(
            home.select("link").contains {
                $0.attributes["type"] == "application/atom+xml" && $0.attributes["href"] == root + "feed.xml"
            })
    }

    @Test(
        "an 'updated' that is not one exact day is an error at its position",
        arguments: ["2024-12", "2024-12-17~", "2024-12-01/2024-12-17"])
    func badUpdated(value: String) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let pact = "content/topics/river-pact.md"
        try site.write(
            pact,
            try site.read(pact).replacingOccurrences(
                of: "title: River Pact\n", with: "title: River Pact\nupdated: \"\(value)\"\n"))
        let error = try #require(site.check().errors.first)
        #expect(error.message.contains("'updated'"))
        #expect(error.line == 3)
    }
}
