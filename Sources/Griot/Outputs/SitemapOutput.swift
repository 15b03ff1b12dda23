/// `sitemap.xml`: every page's absolute address and the day it last changed. Written only when
/// `base_url` is absolute.
struct SitemapOutput: SiteOutput {
    var path: String { "sitemap.xml" }

    func inputs(in site: Site) -> Set<SiteInput> {
        var inputs: Set<SiteInput> = [.config]
        for kind in PageKind.allCases {
            inputs.insert(.pageList(kind))
            inputs.formUnion(site.ids(kind).map { .page($0, .updated) })
        }
        return inputs
    }

    func render(_ reader: SiteReader) -> String {
        let config = reader.config
        guard config.absoluteRoot != nil else { return "" }
        let pages = PageKind.allCases.flatMap { reader.pages($0) }.sorted()
        let days = pages.map { reader.updated(of: $0) }
        // The indexes change whenever a page does.
        let latest = days.compactMap { $0 }.max()
        let indexes = SiteReader.indexes.map { ($0.path, latest) }
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (path, day) in indexes + zip(pages.map(\.path), days) {
            guard let address = config.absoluteURL(of: path) else { continue }
            xml += "  <url><loc>\(HTMLEscaping.text(address))</loc>"
            if let day { xml += "<lastmod>\(day)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
