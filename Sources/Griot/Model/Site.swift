/// The resolved site: every page with its cross-references, backlinks, checked links, the
/// timeline and the relations index. Built by `Resolver`; read by the render stage.
public struct Site: Sendable {
    public var config: SiteConfig
    public var home: HomeText?
    /// Every page ordered by kind, then slug.
    public var pages: [Page]
    /// The ids of each kind's pages, in the same order.
    public let ids: [PageKind: [PageID]]
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

    private var indexByID: [PageID: Int]

    init(
        config: SiteConfig, home: HomeText?, pages: [Page], related: [PageID: [PageID]],
        backlinks: [PageID: [PageID]], timeline: Timeline? = nil, relationsIndex: RelationsIndex? = nil,
        search: SearchIndex? = nil
    ) {
        self.config = config
        self.home = home
        self.pages = pages
        self.related = related
        self.backlinks = backlinks
        self.timeline = timeline ?? Timeline(pages: pages)
        self.relationsIndex = relationsIndex ?? RelationsIndex(pages: pages)
        self.search = search ?? SearchIndex(pages: pages)
        self.indexByID = Dictionary(uniqueKeysWithValues: pages.enumerated().map { ($1.id, $0) })
        self.ids = Dictionary(grouping: pages.map(\.id), by: \.kind)
    }

    /// The ids of every page of `kind`, in id order.
    public func ids(_ kind: PageKind) -> [PageID] { ids[kind] ?? [] }

    /// The position of the page `id` in `pages`.
    func index(of id: PageID) -> Int? { indexByID[id] }

    public func page(_ id: PageID) -> Page? {
        indexByID[id].map { pages[$0] }
    }
}
