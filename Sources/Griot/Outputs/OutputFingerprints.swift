#if canImport(Glibc)
    import Glibc
#endif

/// Fingerprints of what each output reads, stable across runs: an output whose fingerprint is
/// the one recorded when its file was written needs no rendering, since its declared inputs
/// (which `OutputGraphTests` holds equal to what it reads) have the same values.
struct OutputFingerprints: Sendable {
    private let site: Site
    /// The program and the templates: a change to either changes every output.
    private let salt: UInt64
    private let timeline: UInt64
    private let relationsIndex: UInt64
    /// Each page's own file and its body as resolved (links follow the pages they point to).
    private let pages: [PageID: UInt64]

    init(site: Site, templates: Templates) {
        self.site = site
        var salt = StableHash()
        salt.combine(Self.programIdentity)
        salt.combine(templates.fingerprint)
        self.salt = salt.value

        var timeline = StableHash()
        for entry in site.timeline.entries {
            timeline.combine(entry.kind.rawValue)
            timeline.combine(entry.date.text)
            timeline.combine(entry.title)
            timeline.combine(entry.page.description)
            timeline.combine(entry.order)
        }
        self.timeline = timeline.value

        var relations = StableHash()
        for row in site.relationsIndex.byName {
            relations.combine(row.country.description)
            relations.combine(row.name)
            relations.combine(row.region)
            relations.combine(row.relation.established?.text)
            relations.combine(row.relation.status.rawValue)
            relations.combine(row.relation.severed?.text)
        }
        self.relationsIndex = relations.value

        let hashes = site.pages.concurrentMap { page -> UInt64 in
            var hash = StableHash()
            hash.combine(page.sourceHash)
            hash.combine(page.body.html)
            return hash.value
        }
        pages = Dictionary(uniqueKeysWithValues: zip(site.pages.map(\.id), hashes))
    }

    /// The fingerprint of `output`: its path and every input it declares, with their values.
    func fingerprint(of output: any SiteOutput) -> UInt64 {
        var sum = StableHash.mix(salt ^ StableHash.of(output.path))
        for input in output.inputs(in: site) {
            sum &+= StableHash.mix(fingerprint(of: input))
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
            hash.combine(id.description)
            let page = site.page(id)
            let text: (name: String, value: String?)? =
                switch field {
                case .all: nil
                case .title: ("title", page?.title)
                case .summary: ("summary", page?.summary)
                case .region: ("region", page?.region)
                case .menu: ("menu", page?.menu)
                }
            if let text {
                hash.combine(text.name)
                hash.combine(text.value)
            } else {
                hash.combine("all")
                hash.combine(pages[id] ?? 0)
            }
        case .pageList(let kind):
            hash.combine("list")
            hash.combine(kind.rawValue)
            for id in site.ids(kind) { hash.combine(id.slug) }
        case .related(let id), .backlinks(let id):
            let isRelated = if case .related = input { true } else { false }
            hash.combine(isRelated ? "related" : "backlinks")
            hash.combine(id.description)
            for other in (isRelated ? site.related[id] : site.backlinks[id]) ?? [] { hash.combine(other.description) }
        case .timeline:
            hash.combine("timeline")
            hash.combine(timeline)
        case .relationsIndex:
            hash.combine("relations")
            hash.combine(relationsIndex)
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
