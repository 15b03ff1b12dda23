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

/// An output large enough to be written as it renders (the timeline, the relations index, the
/// exports): its text goes to the file a piece at a time and is never held whole.
protocol StreamedOutput: SiteOutput {
    /// Renders the file's contents into `sink`, a piece at a time.
    func render(_ reader: SiteReader, into sink: TextSink)
}

extension StreamedOutput {
    func render(_ reader: SiteReader) -> String {
        TextSink.collecting { render(reader, into: $0) }
    }
}

/// An output whose text is made as UTF-8 bytes (the pages): written as they are, without
/// becoming a `String` first, whose validation of every page's bytes cost 2 % of a build.
protocol BytesOutput: SiteOutput {
    /// The file's contents, as UTF-8.
    func bytes(_ reader: SiteReader) -> [UInt8]
}

extension BytesOutput {
    func render(_ reader: SiteReader) -> String {
        String(decoding: bytes(reader), as: UTF8.self)
    }
}

/// Every output of a site, in the order they are rendered.
struct OutputGraph: Sendable {
    let outputs: [any SiteOutput]
    /// Where in `outputs` the site-wide ones are (the timeline, the relations index, the exports
    /// and the search index): those a rebuild may leave for the next when newer changes wait.
    let siteWide: Range<Int>

    /// What the outputs of a site are made from: two sites of the same shape have the same
    /// outputs, in the same order.
    struct Shape: Equatable, Sendable {
        var pages: UInt64
        var aliases: UInt64
        var searchKeys: UInt64
        var isAbsolute: Bool
        var includesAliases: Bool
        var pagesFirst: Bool

        init(site: Site, aliases: Bool = true, pagesFirst: Bool = false) {
            pages = site.pagesVersion
            var hash = StableHash()
            for (index, page) in site.pages.enumerated() where !page.aliases.isEmpty {
                hash.combine(index)
                for alias in page.aliases { hash.combine(alias.path) }
            }
            self.aliases = hash.value
            searchKeys = site.search.keysFingerprint
            isAbsolute = site.config.absoluteRoot != nil
            includesAliases = aliases
            self.pagesFirst = pagesFirst
        }
    }

    /// Every output of `site`; with `aliases` false, all but the redirects from old addresses.
    /// By default the site-wide outputs, the longest to render, come first, so that the cores
    /// share the rest evenly; with `pagesFirst`, the pages readers look at come first and those
    /// last (for a preview, whose pages show as soon as each is written).
    init(site: Site, aliases: Bool = true, pagesFirst: Bool = false) {
        let listings: [any SiteOutput] = [
            HomeOutput(), NotFoundOutput(), ListingOutput(kind: .country), ListingOutput(kind: .topic),
        ]
        var siteWide: [any SiteOutput] = [
            TimelineOutput(), RelationsOutput(), RelationsExportOutput(format: .json),
            RelationsExportOutput(format: .csv), TimelineExportOutput(), TimelineJSOutput(), PagesExportOutput(),
        ]
        siteWide += ExportSchemaOutput.all
        siteWide += [SearchManifestOutput(), SearchResultsOutput()]
        siteWide += site.search.keys.map { SearchShardOutput(key: $0) }
        if site.config.absoluteRoot != nil { siteWide += [SitemapOutput(), RobotsOutput(), FeedOutput()] }
        var pages: [any SiteOutput] = site.pages.map { PageOutput(id: $0.id) }
        pages += site.tables.searchBundles.indices.filter { !site.tables.searchBundles[$0].isEmpty }.map {
            SearchPageOutput(bundle: $0)
        }
        if aliases {
            // Checked by the resolve stage: an alias taking another output's address is an error.
            pages += site.pages.flatMap { page in page.aliases.map { AliasOutput(alias: $0, target: page.id) } }
        }
        outputs = pagesFirst ? listings + pages + siteWide : siteWide + listings + pages
        self.siteWide = pagesFirst ? (listings.count + pages.count)..<outputs.count : 0..<siteWide.count
    }
}
