/// `robots.txt`: every crawler welcome, and where the sitemap is. Written only when `base_url` is
/// absolute, since the sitemap's address must be.
struct RobotsOutput: SiteOutput {
    var path: String { "robots.txt" }

    func inputs(in site: Site) -> Set<SiteInput> { [.config] }

    func render(_ reader: SiteReader) -> String {
        guard let sitemap = reader.config.absoluteURL(of: "sitemap.xml") else { return "" }
        return "User-agent: *\nAllow: /\n\nSitemap: \(sitemap)\n"
    }
}
