/// The resolved site: every page with its cross-references, backlinks, checked links, the
/// timeline and the relations index. Built by `Resolver`; read by the render stage.
public struct Site: Sendable {
    public var config: SiteConfig
    public var home: HomeText?
    /// Every page ordered by kind, then slug.
    public var pages: [Page]
    /// Where each page is, and the pages of each kind.
    let tables: Tables
    /// For each page, the pages it is related to through `topics:`/`countries:`, both directions merged.
    public var related: [PageID: [PageID]] { didSet { relatedVersion = nil } }
    /// For each page, the pages whose bodies link to it.
    public var backlinks: [PageID: [PageID]] { didSet { backlinksVersion = nil } }
    /// Names the value of `related` (and of `backlinks`) as the resolve stage made it: two sites
    /// with the same version have the same cross-references. Nil when not known.
    var relatedVersion: UInt64?
    var backlinksVersion: UInt64?
    public var timeline: Timeline
    public var relationsIndex: RelationsIndex
    /// Every word of every page, for the search index the site publishes.
    public var search: SearchIndex

    /// Where each page is, and the pages of each kind: the same for every site of the same pages.
    struct Tables: Sendable {
        /// Every page's id, in page order.
        let ids: [PageID]
        let indexByID: [PageID: Int]
        let byKind: [PageKind: [PageID]]
        /// The pages whose search entries share each file (`SearchBundles`).
        let searchBundles: [[PageID]]
        /// Names these pages: tables made for other pages have another version (it is random),
        /// and a next site of the same pages is given these tables, version and all.
        let version: UInt64

        init(ids: [PageID]) {
            self.ids = ids
            indexByID = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            byKind = Dictionary(grouping: ids, by: \.kind)
            searchBundles = SearchBundles.members(of: ids)
            version = UInt64.random(in: 1 ... .max)
        }
    }

    /// Names the site's pages (their ids, in order): two sites with the same version have the
    /// same pages in the same order.
    var pagesVersion: UInt64 { tables.version }

    init(
        config: SiteConfig, home: HomeText?, pages: [Page], related: [PageID: [PageID]],
        backlinks: [PageID: [PageID]], timeline: Timeline? = nil, relationsIndex: RelationsIndex? = nil,
        search: SearchIndex? = nil, tables: Tables? = nil
    ) {
        self.config = config
        self.home = home
        self.pages = pages
        self.related = related
        self.backlinks = backlinks
        self.timeline = timeline ?? Timeline(pages: pages)
        self.relationsIndex = relationsIndex ?? RelationsIndex(pages: pages)
        self.search = search ?? SearchIndex(pages: pages)
        self.tables = tables ?? Tables(ids: pages.map(\.id))
    }

    /// The ids of every page of `kind`, in id order.
    public func ids(_ kind: PageKind) -> [PageID] { tables.byKind[kind] ?? [] }

    /// The position of the page `id` in `pages`.
    func index(of id: PageID) -> Int? { tables.indexByID[id] }

    public func page(_ id: PageID) -> Page? {
        tables.indexByID[id].map { pages[$0] }
    }
}
