/// `search/index.html`: where the search box sends a query when no result was chosen; its script
/// lists every result there.
struct SearchResultsOutput: SiteOutput {
    var path: String { "search/index.html" }

    func inputs(in site: Site) -> Set<SiteInput> {
        Set<SiteInput>([.config, .template("search")]).union(Set<SiteInput>.navigation(in: site))
    }

    func render(_ reader: SiteReader) -> String {
        reader.render(
            NotFoundView(
                site: reader.siteView, meta: reader.meta("Search", "Search every page of the site.", path: "search/"),
                nav: reader.nav(current: "search/")),
            template: "search")
    }
}
