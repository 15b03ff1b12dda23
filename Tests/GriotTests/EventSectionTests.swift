import Foundation
import Testing

/// An event may name the heading of its page that describes it; the timeline then links there.
@Suite("Event sections")
struct EventSectionTests {
    @Test("an event with a section links to that heading from the timeline and the home page")
    func linksToSection() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let beta = "content/countries/beta.md"
        try fixture.replace(
            in: beta, "    title: Beta recalls its envoy\n",
            with: "    title: Beta recalls its envoy\n    section: the-rupture\n")
        #expect(fixture.build().succeeded)
        for path in ["timeline/index.html", "index.html"] {
            let entry = try #require(
                try fixture.page(path).select("li.entry").first { $0.text.contains("Beta recalls its envoy") },
                "\(path)")
            #expect(entry.first("a")?["href"] == "/atlas/countries/beta/#the-rupture", "\(path)")
        }
        let other = try #require(
            try fixture.page("timeline/index.html").select("li.entry").first {
                $0.text.contains("Alpha opens an embassy")
            })
        #expect(other.first("a")?["href"] == "/atlas/countries/alpha/")
    }
}
