import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import Griot

/// What search engines, feeds and link previews read: descriptions, canonical links, Open Graph
/// tags, `robots.txt` and the sitemap.
@Suite("Page metadata")
struct MetadataTests {
    /// Every HTML file of a built site, by its path in the output.
    static func htmlFiles(in site: FixtureSite) -> [String: HTMLElement] {
        FixtureSite.snapshot(site.output).filter { $0.key.hasSuffix(".html") }.mapValues {
            HTML.parse(String(decoding: $0, as: UTF8.self))
        }
    }

    static func meta(_ page: HTMLElement, property: String) -> String? {
        page.select("meta").first { $0.attributes["property"] == property || $0.attributes["name"] == property }?
            .attributes["content"]
    }

    @Test(
        "every page has its canonical address, Open Graph and Twitter tags, and a description of at most 160 characters"
    )
    func everyPage() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let pages = Self.htmlFiles(in: site)
        #expect(pages.count >= 10)
        for (path, page) in pages {
            let description = try #require(Self.meta(page, property: "description"), "\(path)")
            #expect(description.count <= 160, "\(path): \(description.count) characters")
            #expect(Self.meta(page, property: "og:description") == description)
            #expect(Self.meta(page, property: "og:title")?.isEmpty == false)
            #expect(Self.meta(page, property: "og:site_name") == "Fixture Atlas")
            #expect(Self.meta(page, property: "twitter:card") == "summary")
            let canonicals = page.select("link").filter { $0.attributes["rel"] == "canonical" }
            if path == "/404.html" {
                #expect(canonicals.isEmpty, "the not-found page has no address of its own")
                continue
            }
            let folder = path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
            let address = "https://example.org/atlas" + folder
            #expect(canonicals.map { $0.attributes["href"] } == [address], "\(path)")
            #expect(Self.meta(page, property: "og:url") == address)
            let isArticle = path.hasPrefix("/countries/") && path != "/countries/index.html"
            if isArticle { #expect(Self.meta(page, property: "og:type") == "article", "\(path)") }
        }
    }

    @Test("a description field overrides the summary in metadata only; long ones are cut at a word")
    func descriptionField() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let alpha = "content/countries/alpha.md"
        let long = String(repeating: "Alpha and Testland trade salt, gold and cotton along the river. ", count: 4)
        try site.write(
            alpha, try site.read(alpha).replacingOccurrences(of: "iso: AL\n", with: "iso: AL\ndescription: \(long)\n"))
        #expect(site.build().succeeded)
        let page = try site.page("countries/alpha/index.html")
        let description = try #require(Self.meta(page, property: "description"))
        #expect(description.count <= 160)
        #expect(description.hasSuffix("…"))
        #expect(long.hasPrefix(String(description.dropLast())), "a prefix of the field's words")
        let rest = long.dropFirst(description.count - 1)
        #expect(rest.first == " " || (rest.first == "," && rest.dropFirst().first == " "), "cut between words")
        #expect(page.first(".summary")?.text == "Alpha is the oldest partner.", "the page still shows its summary")
    }

    @Test("a cut description is the longest run of whole words that fits, with an ellipsis", arguments: 0..<200)
    func cutting(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        // Half the texts are ASCII alone, which is cut a byte at a time; the rest a character at a time.
        var words = [
            "Mali", "relations", "since", "1960,", "the", "Sahel;", "a", "treaty", "-", "(Bamako)", "d'Ivoire",
        ]
        if seed.isMultiple(of: 2) { words += ["—", "Côte", "Sénégal"] }
        let count = Int.random(in: 0...60, using: &generator)
        let spaces = [" ", "  ", "\t", "\n "]
        let text = (0..<count).map { _ in
            words.randomElement(using: &generator)! + spaces.randomElement(using: &generator)!
        }.joined()
        let cut = MetaDescription.cut(text)
        let whole = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(cut.count <= 160)
        if whole.count <= 160 {
            #expect(cut == whole)
        } else {
            #expect(cut.hasSuffix("…"))
            let kept = String(cut.dropLast())
            #expect(whole.hasPrefix(kept))
            #expect(!",;:–—-(".contains(kept.last ?? "x"), "no dangling punctuation")
            let next = whole.dropFirst(kept.count).split(separator: " ").first.map(String.init) ?? ""
            #expect((kept + " " + next).count > 159 || ",;:–—-(".contains(next.last ?? "x"), "no further word fits")
        }
    }

    @Test("robots.txt names the sitemap, which lists every page as XML")
    func robotsAndSitemap() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let robots = try site.read("public/robots.txt")
        #expect(robots.contains("User-agent: *"))
        #expect(robots.contains("Sitemap: https://example.org/atlas/sitemap.xml"))
        let data = try Data(contentsOf: site.output.appendingPathComponent("sitemap.xml"))
        let locations = LocationCollector()
        let parser = XMLParser(data: data)
        parser.delegate = locations
        #expect(parser.parse(), "the sitemap is well-formed XML")
        #expect(locations.values.contains("https://example.org/atlas/countries/alpha/"))
        #expect(locations.values.allSatisfy { $0.hasPrefix("https://example.org/atlas/") })
    }

    @Test(
        "with a relative base_url, griot build says once what it left out, and writes neither robots.txt nor canonical links"
    )
    func relativeBase() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let result = try CLI.run(["build", "--site", site.root.path, "--base-url", "/atlas/"])
        #expect(result.status == 0)
        #expect(result.stderr.components(separatedBy: "is not an absolute address").count == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--base-url https://"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("robots.txt").path))
        #expect(try site.page("index.html").select("link").allSatisfy { $0.attributes["rel"] != "canonical" })
    }
}

/// Collects the text of every `<loc>` element.
final class LocationCollector: NSObject, XMLParserDelegate {
    var values: [String] = []
    private var current: String?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "loc" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "loc", let current { values.append(current) }
        current = nil
    }
}
