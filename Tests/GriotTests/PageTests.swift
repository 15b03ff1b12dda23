import Foundation
import Testing

@testable import Griot

@Suite("Rendered pages", .serialized)
final class PageTests {
    let fixture: FixtureSite

    deinit { fixture.remove() }

    init() throws {
        fixture = try FixtureSite()
        let report = fixture.build()
        #expect(report.succeeded, "\(report.diagnostics)")
    }

    @Test("every page is written at its pretty URL, with the home, timeline, relations and 404 pages")
    func writesEveryPage() throws {
        for path in [
            "index.html", "countries/alpha/index.html", "countries/beta/index.html", "countries/gamma/index.html",
            "topics/river-pact/index.html", "timeline/index.html", "relations/index.html", "404.html",
            "assets/style.css", "sitemap.xml",
        ] {
            #expect(FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent(path).path), "\(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent("countries/delta").path))
    }

    @Test("a country page shows its relations facts at their precision")
    func countryFacts() throws {
        let alpha = try fixture.page("countries/alpha/index.html")
        #expect(alpha.first("h1")?.text == "Alpha")
        #expect(alpha.first("title")?.text == "Alpha · Fixture Atlas")
        #expect(alpha.first("meta[name=description]")?["content"] == "Alpha is the oldest partner.")
        let established = try #require(alpha.first("section.facts time"))
        #expect(established["datetime"] == "1960-08-20")
        #expect(established.text == "20 August 1960")
        #expect(alpha.first("section.facts span.status")?.text == "Active")
        let gamma = try fixture.page("countries/gamma/index.html")
        #expect(gamma.first("section.facts time")?.text == "1963")
        let beta = try fixture.page("countries/beta/index.html")
        #expect(beta.first("span.status-severed")?.text == "Severed")
        #expect(beta.select("section.facts time").map(\.text) == ["5 November 1992", "4 August 2024"])
    }

    @Test("a country page lists its topics, events in date order, backlinks and sources")
    func countrySections() throws {
        let alpha = try fixture.page("countries/alpha/index.html")
        #expect(alpha.select("section.related li a").map(\.text) == ["River Pact"])
        #expect(alpha.select("section.events li time").map(\.text) == ["c. 1591 – 1737", "July 1963"])
        #expect(alpha.select("section.events li time").map { $0["data-edtf"] ?? "" } == ["1591~/1737", "1963-07"])
        #expect(alpha.select("section.backlinks li a").map(\.text) == ["Beta"])
        let source = try #require(alpha.first("section.sources li"))
        #expect(source.first("a")?["href"] == "https://example.org/alpha")
        #expect(source.text == "Alpha Yearbook, Alpha Press, 17 December 2024.")
        let beta = try fixture.page("countries/beta/index.html")
        #expect(beta.first("section.sources li")?.first("a") == nil)
        #expect(beta.select("section.backlinks li a").map(\.text) == ["Alpha"])
    }

    @Test("a topic page merges the countries it names with the countries that name it")
    func topicCountries() throws {
        let pact = try fixture.page("topics/river-pact/index.html")
        #expect(pact.first("h1")?.text == "River Pact")
        #expect(pact.first("section.related h2")?.text == "Countries involved")
        #expect(pact.select("section.related li a").map(\.text) == ["Alpha", "Gamma"])
        #expect(
            pact.select("section.related li a").map { $0["href"] ?? "" } == [
                "/atlas/countries/alpha/", "/atlas/countries/gamma/",
            ])
        // Alpha links here, but is listed above among the countries involved.
        #expect(pact.first("section.backlinks") == nil)
        #expect(pact.select("section.events li time").map(\.text) == ["1972"])
    }

    @Test("pages that link here quote the sentence of the link")
    func backlinkContext() throws {
        let beta = try fixture.page("countries/beta/index.html")
        let item = try #require(beta.first("section.backlinks li"))
        #expect(item.first("a")?.text == "Alpha")
        #expect(item.first("q.backlink-context")?.text == "See also Beta’s rupture and the same page.")
    }

    @Test("a link sentence with no end in reach is cut at 160 characters each side, never inside a character")
    func longBacklinkContext() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let path = "content/countries/gamma.md"
        let words = Array(repeating: "Ségou étape", count: 60).joined(separator: " ")
        try site.write(path, try site.read(path) + "\nAvant. \(words) [Beta](beta.md) \(words)\n")
        #expect(site.build().succeeded)
        let beta = try site.page("countries/beta/index.html")
        let item = try #require(beta.select("section.backlinks li").first { $0.first("a")?.text == "Gamma" })
        let context = try #require(item.first("q.backlink-context")?.text)
        #expect(context.hasPrefix("…") && context.hasSuffix("…"), "\(context)")
        #expect(context.contains("étape Beta Ségou"))
        #expect(!context.contains("Avant"))
        #expect(!context.unicodeScalars.contains("\u{FFFD}"))
        #expect(context.unicodeScalars.count <= 2 * 160 + 4 + 2)
    }

    @Test("the home page shows its text, countries by region, topics and latest events")
    func home() throws {
        let home = try fixture.page("index.html")
        #expect(home.first("title")?.text == "Fixture Atlas")
        #expect(home.first("div.prose p")?.text.hasPrefix("Welcome.") == true)
        #expect(home.select("div.regions section.region h3").map(\.text) == ["North Region", "South Region"])
        #expect(home.select("div.regions section.region").first?.select("a").map(\.text) == ["Alpha", "Gamma"])
        #expect(home.select("section ul.card-list li a").map(\.text) == ["River Pact"])
        #expect(
            home.select("ol.entries li").first?.first("time")?.text == "August 2024",
            "August 2024 (mid-month) is later than 4 August 2024")
        #expect(home.first("nav a[aria-current=page]")?.text == "Home")
    }

    @Test("every value reaching HTML is escaped")
    func escapesValues() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let path = "content/countries/gamma.md"
        try site.write(
            path,
            try site.read(path).replacingOccurrences(of: "title: Gamma\n", with: "title: \"<script>Gamma</script>\"\n"))
        #expect(site.build().succeeded)
        let source = try String(
            contentsOf: site.output.appendingPathComponent("countries/gamma/index.html"), encoding: .utf8)
        #expect(!source.contains("<script>Gamma"))
        #expect(source.contains("&lt;script&gt;Gamma"))
    }

    @Test("the sitemap lists every page under the absolute base_url")
    func sitemap() throws {
        let sitemap = try fixture.read("public/sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/atlas/countries/alpha/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/atlas/timeline/</loc>"))
    }
}

@Suite("Timeline and relations index", .serialized)
final class IndexPageTests {
    let fixture: FixtureSite

    deinit { fixture.remove() }

    init() throws {
        fixture = try FixtureSite()
        #expect(fixture.build().succeeded)
    }

    @Test("the timeline holds every event and relation date in order, grouped by period and (for two or more) year")
    func timelineOrder() throws {
        let timeline = try fixture.page("timeline/index.html")
        let dates = timeline.select("li.entry time").map { $0["datetime"] ?? "" }
        #expect(dates == ["1591", "1960-08-20", "1963", "1963-07", "1972", "1992-11-05", "2024-08-04", "2024-08"])
        #expect(timeline.select("section.period h2").map(\.text) == ["1500s", "1960s", "1970s", "1990s", "2020s"])
        // 1960 has one entry, which shows its date; 1963 has two, under their year.
        #expect(timeline.first("section#decade-1960")?.select("h3.year").map(\.text) == ["1963"])
        let first = try #require(timeline.first("li.entry"))
        #expect(first.first("time")?.text == "c. 1591 – 1737")
        #expect(first.first("a")?["href"] == "/atlas/countries/alpha/")
        let severed = try #require(timeline.first("li.entry-relationsSevered"))
        #expect(severed.first("a")?.text == "Diplomatic relations with Beta severed")
    }

    @Test("the relations index is one table by name, each row carrying its place by date, region and status")
    func relationsViews() throws {
        let relations = try fixture.page("relations/index.html")
        let rows = relations.select("table#countries tbody tr")
        #expect(rows.compactMap { $0.first("th")?.text } == ["Alpha", "Beta", "Gamma"])
        let byDate = rows.sorted { Int($0["data-rank-date"] ?? "") ?? 0 < Int($1["data-rank-date"] ?? "") ?? 0 }
        #expect(byDate.compactMap { $0.first("th")?.text } == ["Alpha", "Gamma", "Beta"])
        let byRegion = rows.sorted { Int($0["data-rank-region"] ?? "") ?? 0 < Int($1["data-rank-region"] ?? "") ?? 0 }
        #expect(
            byRegion.map { $0["data-region"] } == ["region-north-region", "region-north-region", "region-south-region"])
        let byStatus = rows.sorted { Int($0["data-rank-status"] ?? "") ?? 0 < Int($1["data-rank-status"] ?? "") ?? 0 }
        #expect(byStatus.compactMap { $0.first("th")?.text } == ["Alpha", "Gamma", "Beta"])
        #expect(relations.select("[data-filter-region]").map(\.text) == ["North Region", "South Region"])
        let beta = try #require(rows.first { $0.first("th")?.text == "Beta" })
        #expect(beta.select("td").map(\.text) == ["South Region", "5 November 1992", "Severed since 4 August 2024"])
        #expect(beta["data-status"] == "severed")
    }

    @Test("the relations chart counts relations established per decade, by region, with a text alternative")
    func relationsChart() throws {
        let relations = try fixture.page("relations/index.html")
        let chart = try #require(relations.first("svg.chart"))
        #expect(chart["role"] == "img")
        #expect(chart.first("title")?.text == "Relations established per decade, by region")
        // Alpha 1960 and Gamma 1963 (North Region), Beta 1992 (South Region).
        #expect(chart.first("desc")?.text == "1960s: 2 (North Region 2); 1990s: 1 (South Region 1).")
        #expect(
            chart.select("rect title").map(\.text) == [
                "1960s, North Region: 2 countries", "1990s, South Region: 1 country",
            ])
    }
}
