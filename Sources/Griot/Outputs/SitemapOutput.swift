/// `sitemap.xml`: every page's absolute address. Written only when `base_url` is absolute.
struct SitemapOutput: SiteOutput {
    var path: String { "sitemap.xml" }

    func inputs(in site: Site) -> Set<SiteInput> {
        [.config, .pageList(.country), .pageList(.topic), .pageList(.page)]
    }

    func render(_ reader: SiteReader) -> String {
        guard let absolute = reader.config.absoluteRoot else { return "" }
        let origin =
            absolute.range(of: "://").flatMap { scheme in
                absolute[scheme.upperBound...].firstIndex(of: "/").map { String(absolute[..<$0]) }
            } ?? absolute
        let pages = reader.pages(.country) + reader.pages(.topic) + reader.pages(.page)
        let paths = ["", "relations/", "timeline/"] + pages.sorted().map(\.path)
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            xml += "  <url><loc>\(HTMLEscaping.text(origin + reader.root + path))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
