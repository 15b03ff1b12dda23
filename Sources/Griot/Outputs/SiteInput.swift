/// One piece of the resolved site that an output may read. Outputs declare theirs, so a change
/// can be traced to exactly the files it affects.
public enum SiteInput: Sendable, Hashable {
    /// `site.yml`: title, subject, description, base URL, language.
    case config
    /// `content/index.md`: the home page's own text.
    case home
    /// One field of one page.
    case page(PageID, PageField)
    /// Which pages of a kind exist.
    case pageList(PageKind)
    /// The pages related to a page through `topics:` and `countries:`, both directions.
    case related(PageID)
    /// The pages whose bodies link to a page.
    case backlinks(PageID)
    /// Every dated entry, in order: events and relation dates of every page.
    case timeline
    /// The relations index: every country's name, region and relation.
    case relationsIndex
    /// Which shards the search index has.
    case searchKeys
    /// The words of one shard of the search index.
    case searchShard(String)
    /// Which pages' search entries share one file (`SearchBundles`).
    case searchBundle(Int)
    /// A template, with the partials it includes.
    case template(String)
}

/// The parts of a page another output may show.
public enum PageField: Sendable, Hashable {
    case title
    case summary
    case region
    /// A plain page's label in the main navigation.
    case menu
    /// What describes the page without its body: title, summary, region, ISO code and sources
    /// (what `pages.json` lists).
    case facts
    /// The day the page last changed.
    case updated
    /// The sentences in which the page links to others (what their backlinks quote).
    case linkContexts
    /// Everything the page's own file holds: what its own output shows.
    case all
}
