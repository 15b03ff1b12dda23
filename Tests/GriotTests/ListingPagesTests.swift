import Foundation
import Testing

@testable import Griot

/// `/countries/` and `/topics/`: every page of the kind, listed once by region (countries) and
/// once from A to Z, and reachable from the navigation of every page.
@Suite("Listing pages")
struct ListingPagesTests {
    @Test("/countries/ lists every country once under its region and once under its initial")
    func countries() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write(
            "content/countries/cote-d-ivoire.md",
            "---\ntitle: Côte d'Ivoire\nsummary: A neighbour.\nsources:\n  - title: Notes\n---\nText.\n")
        #expect(site.build().succeeded)
        let page = try site.page("countries/index.html")
        #expect(page.first("h1")?.text == "Countries")
        let byRegion = page.select("#by-region li a").map(\.text)
        let byLetter = page.select("#a-to-z section li a").map(\.text)
        // Delta is a draft, left out.
        let all = ["Alpha", "Beta", "Côte d'Ivoire", "Gamma"]
        #expect(byRegion.sorted() == all)
        #expect(byLetter == all, "A to Z, accents read as their letters")
        #expect(
            page.select("#by-region h3").map(\.text) == [
                "North Region (2)", "Region not given (1)", "South Region (1)",
            ])
        #expect(page.first("#letter-c li a")?.text == "Côte d'Ivoire")
        #expect(page.first("#letter-c li a")?.attributes["href"] == "/atlas/countries/cote-d-ivoire/")
    }

    @Test("/topics/ lists every topic from A to Z, with digits first; both lists are in every page's navigation")
    func topics() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write(
            "content/topics/2015-accord.md",
            "---\ntitle: 2015 accord\nsummary: An accord.\nsources:\n  - title: Notes\n---\nText.\n")
        #expect(site.build(baseURL: "/atlas/").succeeded)
        let page = try site.page("topics/index.html")
        #expect(page.select("#a-to-z section h3").map(\.text) == ["0–9", "R"])
        #expect(page.select("#a-to-z section li a").map(\.text) == ["2015 accord", "River Pact"])
        #expect(page.first("#by-region") == nil, "topics have no regions")
        for path in ["index.html", "countries/alpha/index.html", "topics/index.html"] {
            let links = try site.page(path).select("header nav a")
            #expect(links.first { $0.text == "Countries" }?.attributes["href"] == "/atlas/countries/")
            #expect(links.first { $0.text == "Topics" }?.attributes["href"] == "/atlas/topics/")
        }
        #expect(page.first("header nav a[aria-current]")?.text == "Topics")
    }
}
