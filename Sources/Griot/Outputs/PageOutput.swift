/// A country or topic page: `countries/france/index.html`.
struct PageOutput: BytesOutput {
    let id: PageID

    var path: String { id.path + "index.html" }

    func inputs(in site: Site) -> Set<SiteInput> {
        let related = site.related[id] ?? []
        let backlinks = site.backlinks[id] ?? []
        // Made once for every page of the site: inserted in place, into room enough for all.
        var inputs = Set<SiteInput>(
            minimumCapacity: 7 + site.ids(.page).count + 2 * (related.count + backlinks.count))
        inputs.insert(.config)
        inputs.insert(.page(id, .all))
        inputs.insert(.related(id))
        inputs.insert(.backlinks(id))
        inputs.insert(.template(id.kind.rawValue))
        inputs.insertLinks(to: related)
        // A page that links here and is not related: its title, and the sentence of its link.
        for source in backlinks where !related.contains(source) {
            inputs.insert(.page(source, .title))
            inputs.insert(.page(source, .linkContexts))
        }
        inputs.insertNavigation(in: site)
        return inputs
    }

    func bytes(_ reader: SiteReader) -> [UInt8] {
        guard let page = reader.page(id) else { return [] }
        return reader.bytes(view(of: page, reader), template: id.kind.rawValue)
    }

    func view(of page: Page, _ reader: SiteReader) -> PageView {
        let relation = page.relation.map {
            RelationView(
                established: $0.established.map(DateView.init), status: $0.status.rawValue,
                statusLabel: SiteReader.statusLabel($0.status), severed: $0.severed.map(DateView.init))
        }
        let related = reader.related(id).compactMap(reader.linkView)
        let relatedIDs = Set(reader.related(id))
        let backlinks = reader.backlinks(id).filter { !relatedIDs.contains($0) }.compactMap { source -> BacklinkView? in
            guard let title = reader.title(of: source) else { return nil }
            return BacklinkView(
                title: title, url: reader.url(source), context: reader.linkContext(from: source, to: id))
        }
        let events = page.events.enumerated()
            .sorted { ($0.element.date.sortKey, $0.offset) < ($1.element.date.sortKey, $1.offset) }
            .map { EventView(date: DateView($0.element.date), title: $0.element.title) }
        let sources = page.sources.map {
            SourceView(title: $0.title, publisher: $0.publisher, url: $0.url, date: $0.date.map(DateView.init))
        }
        let headings = page.body.headings.filter { $0.level <= 3 }
        let top = headings.map(\.level).min() ?? 2
        let toc = headings.map { TocItem(id: $0.id, text: $0.text, nested: $0.level > top) }
        return PageView(
            site: reader.siteView,
            meta: reader.meta(page.title, page.description ?? page.summary, path: id.path, isArticle: true),
            nav: reader.nav(current: id.path), title: page.title, summary: page.summary,
            region: page.region, iso: page.iso,
            relation: relation, html: page.body.html, toc: toc, hasToc: toc.count > 1, related: related,
            relatedTitle: page.kind == .country ? "Topics" : "Countries involved", hasRelated: !related.isEmpty,
            events: events, hasEvents: !events.isEmpty,
            eventStrip: TimelineChart(page.events.map { ($0.title, $0.date) }).strip(pageTitle: page.title),
            backlinks: backlinks, hasBacklinks: !backlinks.isEmpty,
            sources: sources, hasSources: !sources.isEmpty)
    }
}
