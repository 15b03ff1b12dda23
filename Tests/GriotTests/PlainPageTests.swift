import Foundation
import Testing

@testable import Griot

/// Plain pages: `content/pages/<slug>.md`, published at `/<slug>/` through the `page` template.
@Suite("Plain pages")
struct PlainPageTests {
    static let colophon = """
        ---
        title: About this atlas
        menu: About
        summary: How the atlas is made.
        sources:
          - title: Atlas Notes
        ---
        The atlas is written from [Alpha's page](../countries/alpha.md) and others.

        ## Method

        Every page lists its sources.

        """

    @Test("a plain page is published at the top of the site, in the navigation and the footer")
    func published() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("content/pages/about.md", Self.colophon)
        let report = site.build()
        #expect(report.errors.isEmpty && report.warnings.isEmpty, "\(report.diagnostics)")
        let about = try site.page("about/index.html")
        #expect(about.first("h1")?.text == "About this atlas")
        #expect(about.first("article a")?["href"] == "/atlas/countries/alpha/")
        #expect(about.select("section.sources li cite").map(\.text) == ["Atlas Notes"])
        #expect(about.first("nav a[aria-current=page]")?.text == "About")
        let home = try site.page("index.html")
        #expect(
            home.select("header nav a").map(\.text) == [
                "Home", "Countries", "Topics", "Relations", "Timeline", "About",
            ])
        #expect(home.select("footer a").map { $0["href"] ?? "" } == ["/atlas/about/"])
        #expect(try site.read("public/sitemap.xml").contains("<loc>https://example.org/atlas/about/</loc>"))
        let alpha = try site.page("countries/alpha/index.html")
        #expect(alpha.select("section.backlinks li a").map(\.text).contains("About this atlas"))
    }

    @Test("without a menu label a plain page is published but not in the navigation")
    func notInMenu() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write(
            "content/pages/notes.md", Self.colophon.replacingOccurrences(of: "menu: About\n", with: ""))
        #expect(site.build().succeeded)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("notes/index.html").path))
        #expect(try site.page("index.html").select("header nav a").count == 5)
    }

    @Test("a plain page may not take an address the site uses, nor a country's or topic's fields")
    func checked() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("content/pages/timeline.md", Self.colophon)
        try site.write(
            "content/pages/about.md",
            Self.colophon.replacingOccurrences(of: "menu: About\n", with: "menu: About\ncountries: [alpha]\n"))
        let report = site.check()
        #expect(
            report.errors.contains {
                $0.file == "content/pages/timeline.md" && $0.message.contains("would be published at /timeline/")
            })
        #expect(
            report.warnings.contains {
                $0.file == "content/pages/about.md" && $0.line == 4
                    && $0.message == "unknown key 'countries' in a plain page's front matter"
            })
    }

    @Test("griot new page writes a draft that builds cleanly with --drafts")
    func scaffold() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let created = try CLI.run(["new", "page", "Press Kit", "--site", site.root.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("content/pages/press-kit.md"))
        let built = try CLI.run(["build", "--drafts", "--site", site.root.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(!built.stderr.contains("warning"), "\(built.stderr)")
        #expect(try site.page("press-kit/index.html").first("h1")?.text == "Press Kit")
        let refused = try CLI.run(["new", "page", "Relations", "--site", site.root.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("the site publishes /relations/ already"))
    }
}
