import Foundation
import Testing

@testable import Griot

@Suite("Loading content")
struct LoadingTests {
    @Test("front matter decodes into typed pages; until and circa combine into one EDTF date")
    func decodesFixture() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let content = ContentLoader(siteDirectory: fixture.root).load()
        #expect(content.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(content.config.title == "Fixture Atlas")
        #expect(content.config.basePath == "/atlas/")
        let alpha = try #require(content.pages.first { $0.slug == "alpha" })
        #expect(alpha.kind == .country)
        #expect(alpha.iso == "AL")
        #expect(alpha.relation?.established?.description == "1960-08-20")
        let period = try #require(alpha.events.first { $0.date.isInterval })
        #expect(period.date.text == "1591~/1737")
        #expect(period.date.isApproximate)
        #expect(period.date.displayText == "c. 1591 – 1737")
        let gamma = try #require(content.pages.first { $0.slug == "gamma" })
        #expect(gamma.relation?.established?.text == "1963")
    }

    @Test("drafts are left out unless asked for")
    func drafts() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(!ContentLoader(siteDirectory: fixture.root).load().pages.contains { $0.slug == "delta" })
        #expect(
            ContentLoader(siteDirectory: fixture.root, includeDrafts: true).load().pages.contains { $0.slug == "delta" }
        )
    }

    @Test("an invalid date is reported at its file, line and column")
    func invalidDatePosition() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let path = "content/countries/gamma.md"
        try fixture.write(path, try fixture.read(path).replacingOccurrences(of: "\"1963\"", with: "\"2023-02-30\""))
        let report = fixture.check()
        let error = try #require(report.errors.first)
        #expect(error.file == path)
        #expect(error.line == 6)
        #expect(error.column == 25, "at the day, past the quote")
        #expect(error.message.contains("February 2023 has 28 days"))
        #expect(error.hint != nil)
    }

    @Test("a date written unquoted stays text at its precision, never a timestamp")
    func unquotedDates() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let path = "content/countries/gamma.md"
        try fixture.write(path, try fixture.read(path).replacingOccurrences(of: "\"1963\"", with: "1963-07"))
        let content = ContentLoader(siteDirectory: fixture.root).load()
        #expect(content.pages.first { $0.slug == "gamma" }?.relation?.established?.description == "1963-07")
    }

    @Test("an event that ends before it begins is an error")
    func untilBeforeDate() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let path = "content/countries/alpha.md"
        try fixture.write(
            path, try fixture.read(path).replacingOccurrences(of: "until: \"1737\"", with: "until: \"1500\""))
        let errors = fixture.check().errors
        #expect(
            errors.contains {
                $0.file == path && $0.line == 14 && $0.column == 13
                    && $0.message.contains("ends before it begins (1591)")
            })
    }

    @Test("a severed status needs a severed date, and a severed date needs that status")
    func severedConsistency() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let path = "content/countries/beta.md"
        try fixture.write(
            path, try fixture.read(path).replacingOccurrences(of: "  severed: \"2024-08-04\"\n", with: ""))
        #expect(fixture.check().errors.contains { $0.message.contains("no 'severed' date") })
        try fixture.write(
            "content/countries/gamma.md",
            try fixture.read("content/countries/gamma.md").replacingOccurrences(
                of: "established: \"1963\"", with: "established: \"1963\"\n  severed: \"1990\""))
        #expect(
            fixture.check().errors.contains {
                $0.file == "content/countries/gamma.md" && $0.message.contains("status is 'active'")
            })
    }

    @Test("an unknown key is a warning with a suggestion")
    func unknownKey() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let path = "content/countries/gamma.md"
        try fixture.write(path, try fixture.read(path).replacingOccurrences(of: "region:", with: "regoin:"))
        let warning = try #require(fixture.check().warnings.first { $0.file == path })
        #expect(warning.message == "unknown key 'regoin' in a country page's front matter")
        #expect(warning.hint == "did you mean 'region'?")
        #expect(warning.line == 3)
    }

    @Test("a YAML syntax error names the file line, counting the fence")
    func yamlSyntaxError() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let path = "content/countries/gamma.md"
        try fixture.write(path, "---\ntitle: Gamma\nsummary: [unclosed\n---\nBody\n")
        let error = try #require(fixture.check().errors.first { $0.file == path })
        #expect(error.message.hasPrefix("invalid YAML"))
        #expect((3...5).contains(error.line ?? 0))
    }

    @Test("a GitHub pipe table is a warning, since CommonMark renders it as text")
    func pipeTable() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let path = "content/countries/gamma.md"
        try fixture.write(path, try fixture.read(path) + "\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        let report = fixture.check()
        #expect(report.errors.isEmpty)
        let warning = try #require(report.warnings.first { $0.file == path })
        #expect(warning.message == "this pipe table is not CommonMark and renders as plain text")
        #expect(warning.line == 12)
        #expect(warning.column == 1)
    }

    @Test("a byte-order mark and CRLF line endings simply work")
    func bomAndCRLF() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let path = "content/countries/gamma.md"
        let text = "\u{FEFF}" + (try fixture.read(path)).replacingOccurrences(of: "\n", with: "\r\n")
        try fixture.write(path, text)
        let report = fixture.check()
        #expect(report.errors.isEmpty)
        #expect(report.site?.page(PageID(.country, "gamma"))?.title == "Gamma")
    }

    @Test("aliases that would expand past the budget are an error at the alias, before anything composes them")
    func aliasBomb() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        var yaml = "---\ntitle: Bomb\nsummary: s\nx0: &x0 \"ten bytes!\"\n"
        for level in 1...8 {
            yaml +=
                "x\(level): &x\(level) [" + Array(repeating: "*x\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        // A key made of an alias is hashed by the composer: without the budget this never ends.
        yaml += "? *x8\n: 1\n---\nBody.\n"
        try fixture.write("content/countries/bomb.md", yaml)
        let report = fixture.check()
        let error = try #require(report.errors.first { $0.file == "content/countries/bomb.md" })
        #expect(error.message.contains("once its aliases (*name) are expanded"))
        #expect(error.line != nil && error.line! >= 5 && error.line! <= 12)
        #expect(error.hint?.contains("&anchor") == true)
    }

    @Test("ordinary anchors and aliases still work")
    func ordinaryAliases() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.write(
            "content/countries/echo.md",
            "---\ntitle: &name Echo\nsummary: *name\nsources:\n  - title: Notes\n---\nBody.\n")
        let report = fixture.check()
        #expect(report.errors.isEmpty)
        #expect(report.site?.page(PageID(.country, "echo"))?.summary == "Echo")
    }

    @Test("twenty thousand links on one line each get their own exact column")
    func manyLinksOnOneLine() throws {
        let count = 20_000
        // Each link is 16 scalars wide; an accented word before them shifts bytes but not columns.
        let body = "Été " + Array(repeating: "[x](https://a.b)", count: count).joined(separator: " ") + "\n"
        let document = MarkdownDocument(body, file: "links.md", firstLine: 7)
        #expect(document.links.count == count)
        #expect(document.links.first?.location == SourceLocation(file: "links.md", line: 7, column: 5))
        let last = try #require(document.links.last)
        #expect(last.location.line == 7)
        #expect(last.location.column == 5 + (count - 1) * 17)
    }
}
