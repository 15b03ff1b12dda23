/// `404.html`, which static hosts serve for unknown addresses.
struct NotFoundOutput: SiteOutput {
    var path: String { "404.html" }

    func inputs(in site: Site) -> Set<SiteInput> {
        Set<SiteInput>([.config, .template("404")]).union(Set<SiteInput>.navigation(in: site))
    }

    func render(_ reader: SiteReader) -> String {
        reader.render(
            NotFoundView(
                site: reader.siteView, meta: reader.meta("Page not found", "", path: nil),
                nav: reader.nav(current: "404")),
            template: "404")
    }
}
