/// One file of the built site: where it goes, what it reads, how it renders.
///
/// Adding a kind of output — an export, a feed, a search index — is adding one type and listing
/// it in `OutputGraph`. The declared inputs must be exactly what `render` reads through the
/// reader: the incremental preview trusts them to know which files a change affects.
protocol SiteOutput: Sendable {
    /// The file's path under the output folder: `countries/france/index.html`.
    var path: String { get }
    /// Every input `render` reads, for this site.
    func inputs(in site: Site) -> Set<SiteInput>
    /// The file's contents.
    func render(_ reader: SiteReader) -> String
}

/// Every output of a site, the largest first so that parallel rendering ends evenly.
struct OutputGraph: Sendable {
    let outputs: [any SiteOutput]

    /// Every output of `site`; with `aliases` false, all but the redirects from old addresses.
    init(site: Site, aliases: Bool = true) {
        var outputs: [any SiteOutput] = [
            TimelineOutput(), RelationsOutput(), HomeOutput(), NotFoundOutput(), ListingOutput(kind: .country),
            ListingOutput(kind: .topic), RelationsExportOutput(format: .json), RelationsExportOutput(format: .csv),
            TimelineExportOutput(), TimelineJSOutput(), PagesExportOutput(),
        ]
        outputs += ExportSchemaOutput.all
        outputs += [SearchManifestOutput(), SearchResultsOutput()]
        outputs += site.search.keys.map { SearchShardOutput(key: $0) }
        outputs += site.pages.map { SearchPageOutput(id: $0.id) }
        if aliases {
            // Checked by the resolve stage: an alias taking another output's address is an error.
            outputs += site.pages.flatMap { page in page.aliases.map { AliasOutput(alias: $0, target: page.id) } }
        }
        if site.config.absoluteRoot != nil { outputs += [SitemapOutput(), RobotsOutput(), FeedOutput()] }
        outputs += site.pages.map { PageOutput(id: $0.id) }
        self.outputs = outputs
    }
}
