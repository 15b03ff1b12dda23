#if canImport(Glibc)
    import Glibc
#endif

/// Fingerprints of what each output reads, stable across runs: an output whose fingerprint is
/// the one recorded when its file was written needs no rendering, since its declared inputs
/// (which `OutputGraphTests` holds equal to what it reads) have the same values.
struct OutputFingerprints: Sendable {
    private let site: Site
    /// The program and the templates: a change to either changes every output.
    let salt: UInt64
    private let timeline: UInt64
    private let relationsIndex: UInt64
    /// The values of the site-wide inputs, and of every page's inputs, computed once: many
    /// outputs read the same input (a page's title is on every page listing it).
    private(set) var siteValues: [SiteInput: UInt64] = [:]
    private(set) var pageValues = PageValueTable()

    /// Every page's input values, in the site's page order.
    struct PageValueTable: Sendable {
        var ids: [PageID] = []
        var values: [PageInputValues] = []
        /// The pages' version (`Site.pagesVersion`); 0 for none.
        var version: UInt64 = 0

        /// The values by page, for comparing tables of different pages.
        var byID: [PageID: PageInputValues] { Dictionary(uniqueKeysWithValues: zip(ids, values)) }
    }

    /// The values of the inputs one page provides.
    struct PageInputValues: Equatable, Sendable {
        /// What the values other than `related` and `backlinks` are made from: the page's file,
        /// its body as resolved, and its last-updated day.
        var source: UInt64
        var all, title, summary, region, menu, facts, updated, linkContexts, related, backlinks: UInt64

        /// Each input with its value.
        func inputs(of id: PageID) -> [(SiteInput, UInt64)] {
            [
                (.page(id, .all), all), (.page(id, .title), title), (.page(id, .summary), summary),
                (.page(id, .region), region), (.page(id, .menu), menu), (.page(id, .facts), facts),
                (.page(id, .updated), updated), (.page(id, .linkContexts), linkContexts),
                (.related(id), related),
                (.backlinks(id), backlinks),
            ]
        }
    }

    /// `known`: the page values of an earlier build, kept for each page whose `source` is the same
    /// (only its related pages and backlinks, which other pages decide, are read again).
    /// The cross-references the page values were computed with (`Site.relatedVersion`,
    /// `Site.backlinksVersion`).
    let relatedVersion: UInt64?
    let backlinksVersion: UInt64?

    init(
        site: Site, templates: Templates, portable: Bool = false, reusing known: PageValueTable = PageValueTable(),
        versions: (related: UInt64?, backlinks: UInt64?) = (nil, nil)
    ) {
        relatedVersion = site.relatedVersion
        backlinksVersion = site.backlinksVersion
        let sameRelated = site.relatedVersion != nil && site.relatedVersion == versions.related
        let sameBacklinks = site.backlinksVersion != nil && site.backlinksVersion == versions.backlinks
        self.site = site
        var salt = StableHash()
        salt.combine(Self.programIdentity)
        salt.combine(templates.fingerprint)
        salt.combine(portable ? "portable" : "served")
        self.salt = salt.value

        timeline = site.timeline.fingerprint
        relationsIndex = site.relationsIndex.fingerprint

        let inputs: [SiteInput] =
            [.config, .home, .timeline, .relationsIndex, .searchKeys] + PageKind.allCases.map { .pageList($0) }
            + site.search.keys.map { .searchShard($0) } + site.tables.searchBundles.indices.map { .searchBundle($0) }
        for input in inputs { siteValues[input] = fingerprint(of: input) }
        let partial = self
        let ids = site.tables.ids
        // The same pages as the table kept: compared place by place, not looked up.
        let sameIDs = known.version == site.pagesVersion
        let keptByID = sameIDs ? [:] : known.byID
        let perPage = Array(site.pages.indices).concurrentMap { index -> PageInputValues in
            let page = site.pages[index]
            let id = page.id
            var source = StableHash()
            source.combine(page.bodyFingerprint)
            source.combine(page.updated)
            let kept = sameIDs ? known.values[index] : keptByID[id]
            if var kept, kept.source == source.value {
                if !sameRelated { kept.related = partial.fingerprint(of: .related(id)) }
                if !sameBacklinks { kept.backlinks = partial.fingerprint(of: .backlinks(id)) }
                return kept
            }
            return PageInputValues(
                source: source.value, all: partial.fingerprint(of: .page(id, .all)),
                title: partial.fingerprint(of: .page(id, .title)),
                summary: partial.fingerprint(of: .page(id, .summary)),
                region: partial.fingerprint(of: .page(id, .region)), menu: partial.fingerprint(of: .page(id, .menu)),
                facts: partial.fingerprint(of: .page(id, .facts)),
                updated: partial.fingerprint(of: .page(id, .updated)),
                linkContexts: partial.fingerprint(of: .page(id, .linkContexts)),
                related: partial.fingerprint(of: .related(id)), backlinks: partial.fingerprint(of: .backlinks(id)))
        }
        pageValues = PageValueTable(ids: ids, values: perPage, version: site.pagesVersion)
    }

    /// The value of `input`, from the tables when it is there.
    func value(of input: SiteInput) -> UInt64 {
        let known: UInt64? =
            switch input {
            case .page(let id, let field):
                site.index(of: id).map { pageValues.values[$0] }.map { values in
                    switch field {
                    case .all: values.all
                    case .title: values.title
                    case .summary: values.summary
                    case .region: values.region
                    case .menu: values.menu
                    case .facts: values.facts
                    case .updated: values.updated
                    case .linkContexts: values.linkContexts
                    }
                }
            case .related(let id): site.index(of: id).map { pageValues.values[$0].related }
            case .backlinks(let id): site.index(of: id).map { pageValues.values[$0].backlinks }
            default: siteValues[input]
            }
        return known ?? fingerprint(of: input)
    }

    /// The fingerprint of an output from its path and the inputs it declares.
    func fingerprint(path: String, inputs: Set<SiteInput>) -> UInt64 {
        var sum = StableHash.mix(salt ^ StableHash.of(path))
        for input in inputs {
            sum &+= StableHash.mix(value(of: input))
        }
        return sum
    }

    /// One input: what it is and its value.
    func fingerprint(of input: SiteInput) -> UInt64 {
        var hash = StableHash()
        switch input {
        case .config:
            let config = site.config
            hash.combine("config")
            for field in [config.title, config.subject, config.description, config.baseURL, config.language] {
                hash.combine(field)
            }
        case .home:
            hash.combine("home")
            hash.combine(site.home?.sourceHash ?? 0)
            hash.combine(site.home?.body.html)
        case .page(let id, let field):
            hash.combine("page")
            hash.combine(id)
            let page = site.index(of: id).map { site.pages[$0] }
            let text: (name: String, value: String?)? =
                switch field {
                case .all, .facts, .linkContexts: nil
                case .title: ("title", page?.title)
                case .summary: ("summary", page?.summary)
                case .region: ("region", page?.region)
                case .menu: ("menu", page?.menu)
                case .updated: ("updated", page?.updated)
                }
            if field == .linkContexts {
                hash.combine("contexts")
                for (target, context) in (page?.linkContexts ?? [:]).sorted(by: { $0.key < $1.key }) {
                    hash.combine(target)
                    hash.combine(context)
                }
            } else if field == .facts {
                hash.combine("facts")
                for value in [page?.title, page?.summary, page?.region, page?.iso] { hash.combine(value) }
                for source in page?.sources ?? [] {
                    for value in [source.title, source.publisher, source.url, source.date?.text] { hash.combine(value) }
                }
            } else if let text {
                hash.combine(text.name)
                hash.combine(text.value)
            } else {
                hash.combine("all")
                hash.combine(page?.bodyFingerprint ?? 0)
            }
        case .pageList(let kind):
            hash.combine("list")
            hash.combine(kind.rawValue)
            for id in site.ids(kind) { hash.combine(id.slug) }
        case .related(let id), .backlinks(let id):
            let isRelated = if case .related = input { true } else { false }
            hash.combine(isRelated ? "related" : "backlinks")
            hash.combine(id)
            for other in (isRelated ? site.related[id] : site.backlinks[id]) ?? [] { hash.combine(other) }
        case .timeline:
            hash.combine("timeline")
            hash.combine(timeline)
        case .relationsIndex:
            hash.combine("relations")
            hash.combine(relationsIndex)
        case .searchKeys:
            hash.combine("search")
            hash.combine(site.search.keysFingerprint)
        case .searchShard(let key):
            hash.combine("shard")
            hash.combine(key)
            hash.combine(site.search.shards[key]?.fingerprint ?? 0)
        case .searchBundle(let bundle):
            hash.combine("bundle")
            hash.combine(bundle)
            let members = site.tables.searchBundles
            for id in members.indices.contains(bundle) ? members[bundle] : [] { hash.combine(id) }
        case .template(let name):
            hash.combine("template")
            hash.combine(name)
        }
        return hash.value
    }

    /// The running program's file (device, inode, size, modification time): a new build of
    /// Griot may render the same inputs differently. Random when it cannot be read, so that
    /// nothing is then reused.
    static let programIdentity: UInt64 = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return UInt64.random(in: .min ... .max) }
        var hash = StableHash()
        hash.combine(UInt64(info.st_dev))
        hash.combine(UInt64(info.st_ino))
        hash.combine(Int(info.st_size))
        hash.combine(Int(info.st_mtim.tv_sec))
        hash.combine(Int(info.st_mtim.tv_nsec))
        return hash.value
    }()
}

extension StableHash {
    /// Combines a page's kind and slug, without making its `description`.
    mutating func combine(_ id: PageID) {
        combine(id.kind.rawValue)
        combine(id.slug)
    }
}
