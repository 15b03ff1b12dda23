import Foundation
import Testing

@testable import Griot

/// `aliases:` keeps a renamed page's old addresses working: each becomes a small page that sends
/// readers and search engines on.
@Suite("Aliases")
struct AliasTests {
    static func addAliases(_ site: FixtureSite, _ list: String, to path: String = "content/countries/alpha.md") throws {
        try site.write(
            path, try site.read(path).replacingOccurrences(of: "iso: AL\n", with: "iso: AL\naliases: \(list)\n"))
    }

    @Test("an alias sends readers to the page, with its canonical address, and is kept out of search results")
    func redirects() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.addAliases(site, "[\"/countries/old-alpha/\", \"/legacy/alpha.html\"]")
        #expect(site.build().succeeded)
        for path in ["countries/old-alpha/index.html", "legacy/alpha.html"] {
            let page = try site.page(path)
            let refresh = page.select("meta").first { $0.attributes["http-equiv"] == "refresh" }
            #expect(refresh?.attributes["content"] == "0; url=/atlas/countries/alpha/", "\(path)")
            #expect(page.first("link")?.attributes["href"] == "https://example.org/atlas/countries/alpha/")
            #expect(page.first("a")?.attributes["href"] == "/atlas/countries/alpha/")
            #expect(page.first("a")?.text == "Alpha")
            #expect(
                page.select("meta").contains {
                    $0.attributes["name"] == "robots" && $0.attributes["content"] == "noindex"
                })
        }
    }

    @Test(
        "an alias taking another address, or not an address of the site, is an error at its position",
        arguments: [
            ("\"/countries/beta/\"", "already the address of the page content/countries/beta.md"),
            ("\"/relations/\"", "already the address of /relations/index.html"),
            ("\"/assets/style.css.html\"", "already the address of the site's assets"),
            ("\"/sitemap.xml\"", "already the address of /sitemap.xml"),
            ("\"countries/old/\"", "starting with a single '/'"),
            ("\"//evil.example/\"", "starting with a single '/'"),
            ("\"/a/../b/\"", "'..'"),
            ("\"/old/?x=1\"", "'?' or '#'"),
        ])
    func refused(alias: String, message: String) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.addAliases(site, "[\(alias)]")
        let report = site.check()
        let error = try #require(report.errors.first, "\(alias) was accepted")
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.file == "content/countries/alpha.md")
        #expect(error.line == 4, "the line of 'aliases:'")
    }

    @Test("two pages may not claim one old address")
    func twoPagesOneAlias() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.addAliases(site, "[\"/old/\"]")
        let gamma = "content/countries/gamma.md"
        try site.write(
            gamma,
            try site.read(gamma).replacingOccurrences(of: "title: Gamma\n", with: "title: Gamma\naliases: [/old/]\n"))
        let errors = site.check().errors
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("already the address of an alias of content/countries/") == true)
    }
}
