import Synchronization

/// The render stage's only view of the site: every read names the input it comes from, and a
/// reader made with a recorder writes those names down, so a test can compare what an output
/// reads with what it declares.
struct SiteReader: Sendable {
    private let site: Site
    private let templates: Templates
    private let recorder: InputRecorder?
    /// `config.basePath`, worked out once: every link on every page starts with it.
    private let basePath: String
    /// Asked while the longest outputs render (the site-wide ones, through `untilStopped` and
    /// their template's lists): once it answers true they end early, and the build drops them.
    let shouldStop: (@Sendable () -> Bool)?

    init(
        site: Site, templates: Templates, recorder: InputRecorder? = nil, shouldStop: (@Sendable () -> Bool)? = nil
    ) {
        self.site = site
        self.templates = templates
        self.recorder = recorder
        self.shouldStop = shouldStop
        basePath = site.config.basePath
    }

    /// `items`, ending early once the build is told to stop (see `shouldStop`).
    func untilStopped<Items: Sequence>(_ items: Items) -> LazyPrefixWhileSequence<Items> {
        let shouldStop = self.shouldStop
        return items.lazy.prefix { _ in !(shouldStop?() ?? false) }
    }

    /// The site's base path: `/` or `/mali/`.
    var root: String {
        read(.config)
        return basePath
    }

    private func read(_ input: SiteInput) {
        recorder?.record(input)
    }

    var config: SiteConfig {
        read(.config)
        return site.config
    }

    var home: HomeText? {
        read(.home)
        return site.home
    }

    /// The ids of every page of `kind`, in id order.
    func pages(_ kind: PageKind) -> [PageID] {
        read(.pageList(kind))
        return site.ids(kind)
    }

    /// A page with every field: for the output of the page itself.
    func page(_ id: PageID) -> Page? {
        read(.page(id, .all))
        return site.page(id)
    }

    /// A page for its facts only (title, summary, region, ISO code, sources), not its body.
    func facts(of id: PageID) -> Page? {
        read(.page(id, .facts))
        return site.page(id)
    }

    func updated(of id: PageID) -> String? {
        read(.page(id, .updated))
        return site.page(id)?.updated
    }

    func title(of id: PageID) -> String? {
        read(.page(id, .title))
        return site.page(id)?.title
    }

    func summary(of id: PageID) -> String? {
        read(.page(id, .summary))
        return site.page(id)?.summary
    }

    func menu(of id: PageID) -> String? {
        read(.page(id, .menu))
        return site.page(id)?.menu
    }

    func region(of id: PageID) -> String? {
        read(.page(id, .region))
        return site.page(id)?.region
    }

    func related(_ id: PageID) -> [PageID] {
        read(.related(id))
        return site.related[id] ?? []
    }

    func backlinks(_ id: PageID) -> [PageID] {
        read(.backlinks(id))
        return site.backlinks[id] ?? []
    }

    var timeline: Timeline {
        read(.timeline)
        return site.timeline
    }

    var relationsIndex: RelationsIndex {
        read(.relationsIndex)
        return site.relationsIndex
    }

    /// The sentence in which `source` links to `target`: part of `source`'s own text.
    func linkContext(from source: PageID, to target: PageID) -> String? {
        read(.page(source, .linkContexts))
        return site.page(source)?.linkContexts[target]
    }

    var searchKeys: [String] {
        read(.searchKeys)
        return site.search.keys
    }

    /// The pages whose search entries share file `bundle`.
    func searchBundle(_ bundle: Int) -> [PageID] {
        read(.searchBundle(bundle))
        return site.tables.searchBundles[bundle]
    }

    func searchShard(_ key: String) -> SearchIndex.Shard? {
        read(.searchShard(key))
        return site.search.shards[key]
    }

    /// Renders `template` with a view model.
    func render(_ viewModel: some TemplateObject, template: String) -> String {
        read(.template(template))
        return templates.render(viewModel, template: template, shouldStop: shouldStop)
    }

    /// Renders `template` with a view model, as UTF-8.
    func bytes(_ viewModel: some TemplateObject, template: String) -> [UInt8] {
        read(.template(template))
        return templates.bytes(viewModel, template: template, shouldStop: shouldStop)
    }

    /// Renders `template` with a view model into `sink`, a piece at a time.
    func render(_ viewModel: some TemplateObject, template: String, into sink: TextSink) {
        read(.template(template))
        templates.render(viewModel, template: template, shouldStop: shouldStop, into: sink)
    }
}

/// Collects the inputs a reader was asked for; safe to share between threads.
final class InputRecorder: Sendable {
    private let inputs = Mutex<Set<SiteInput>>([])

    func record(_ input: SiteInput) {
        inputs.withLock { _ = $0.insert(input) }
    }

    var recorded: Set<SiteInput> { inputs.withLock { $0 } }
}
