import Foundation

/// A file of the built site: its path under the output folder and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var contents: Data
}

/// The render stage: turns the resolved site into HTML files through the templates, rendering
/// pages in parallel. Templates are parsed once, before this stage.
struct SiteRenderer: Sendable {
    let site: Site
    let templates: Templates

    private var root: String { site.config.basePath }

    func url(_ id: PageID) -> String { root + id.path }

    /// One file to render: the generated pages come first, so the largest (the timeline) starts early.
    enum Job: Sendable {
        case timeline, relations, home, notFound, sitemap
        case page(Int)
    }

    /// Every file of the site; the sitemap only when `base_url` is absolute.
    var jobs: [Job] {
        [.timeline, .relations, .home, .notFound] + (site.config.absoluteRoot == nil ? [] : [.sitemap])
            + site.pages.indices.map { .page($0) }
    }

    /// Renders one file.
    func render(_ job: Job) -> OutputFile {
        switch job {
        case .timeline: OutputFile(path: "timeline/index.html", contents: Data(renderTimeline().utf8))
        case .relations: OutputFile(path: "relations/index.html", contents: Data(renderRelations().utf8))
        case .home: OutputFile(path: "index.html", contents: Data(renderHome().utf8))
        case .notFound: OutputFile(path: "404.html", contents: Data(renderNotFound().utf8))
        case .sitemap: OutputFile(path: "sitemap.xml", contents: Data((renderSitemap() ?? "").utf8))
        case .page(let index):
            OutputFile(
                path: site.pages[index].id.path + "index.html", contents: Data(renderPage(site.pages[index]).utf8))
        }
    }

    // MARK: Shared pieces

    private var siteView: SiteView {
        SiteView(
            title: site.config.title, subject: site.config.subject, description: site.config.description,
            language: site.config.language, root: root)
    }

    private func nav(current path: String) -> [NavItem] {
        [("Home", ""), ("Relations", "relations/"), ("Timeline", "timeline/")].map {
            NavItem(title: $0.0, url: root + $0.1, current: $0.1 == path)
        }
    }

    private func meta(_ title: String, _ description: String, path: String) -> MetaView {
        MetaView(
            title: title, description: description.isEmpty ? site.config.description : description, path: root + path)
    }

    private func linkView(_ id: PageID) -> LinkView? {
        site.page(id).map { LinkView(title: $0.title, url: url($0.id), summary: $0.summary) }
    }

    private func toc(of document: MarkdownDocument) -> [TocItem] {
        let headings = document.headings.filter { $0.level <= 3 }
        let top = headings.map(\.level).min() ?? 2
        return headings.map { TocItem(id: $0.id, text: $0.text, level: $0.level, nested: $0.level > top) }
    }

    private func entryView(_ entry: Timeline.Entry) -> TimelineEntryView {
        TimelineEntryView(
            dateText: entry.dateText, datetime: entry.date.description, title: entry.title, url: url(entry.page),
            pageTitle: site.page(entry.page)?.title ?? entry.page.slug, kind: entry.kind.rawValue, circa: entry.circa,
            period: entry.until != nil)
    }

    private static func statusLabel(_ status: Relation.Status) -> String {
        switch status {
        case .active: "Active"
        case .severed: "Severed"
        case .suspended: "Suspended"
        }
    }

    // MARK: Pages

    func renderPage(_ page: Page) -> String {
        templates.render(pageView(page), template: page.kind.rawValue)
    }

    func pageView(_ page: Page) -> PageView {
        let relation = page.relation.map {
            RelationView(
                established: $0.established.map(DateView.init), status: $0.status.rawValue,
                statusLabel: Self.statusLabel($0.status), severed: $0.severed.map(DateView.init),
                isActive: $0.status == .active)
        }
        let related = (site.related[page.id] ?? []).compactMap(linkView)
        let backlinks = (site.backlinks[page.id] ?? []).compactMap(linkView)
        let events = page.events.sorted { $0.date < $1.date }.map {
            EventView(
                dateText: $0.dateText, datetime: $0.date.description, title: $0.title, circa: $0.circa,
                period: $0.until != nil)
        }
        let sources = page.sources.map {
            SourceView(title: $0.title, publisher: $0.publisher, url: $0.url, date: $0.date?.displayText)
        }
        let toc = toc(of: page.body)
        let view = PageView(
            site: siteView, meta: meta(page.title, page.summary, path: page.id.path), nav: nav(current: page.id.path),
            title: page.title, summary: page.summary, kindLabel: page.kind == .country ? "Country" : "Topic",
            region: page.region, iso: page.iso, relation: relation, html: page.body.html, toc: toc,
            hasToc: toc.count > 1, related: related,
            relatedTitle: page.kind == .country ? "Topics" : "Countries involved", hasRelated: !related.isEmpty,
            events: events,
            hasEvents: !events.isEmpty, backlinks: backlinks, hasBacklinks: !backlinks.isEmpty, sources: sources,
            hasSources: !sources.isEmpty)
        return view
    }

    func renderHome() -> String {
        templates.render(homeView(), template: "home")
    }

    func homeView() -> HomeView {
        let countries = site.pages.filter { $0.kind == .country }
        let regions = Dictionary(grouping: countries) { $0.region ?? "Other" }
            .sorted { $0.key < $1.key }
            .map { region, pages in
                RegionCountriesView(
                    name: region,
                    countries: pages.sorted { $0.title < $1.title }.map {
                        LinkView(title: $0.title, url: url($0.id), summary: $0.summary)
                    })
            }
        let topics = site.pages.filter { $0.kind == .topic }.sorted { $0.title < $1.title }.map {
            LinkView(title: $0.title, url: url($0.id), summary: $0.summary)
        }
        let latest = site.timeline.entries.suffix(8).reversed().map(entryView)
        let title = site.home?.title ?? site.config.title
        let view = HomeView(
            site: siteView, meta: meta(title, site.home?.summary ?? "", path: ""), nav: nav(current: ""), title: title,
            summary: site.home?.summary ?? "", html: site.home?.body.html ?? "",
            regions: regions, topics: topics, latest: Array(latest), countryCount: countries.count,
            topicCount: topics.count, eventCount: site.timeline.entries.count)
        return view
    }

    func renderTimeline() -> String {
        templates.render(timelineView(), template: "timeline")
    }

    func timelineView() -> TimelineView {
        let periods = site.timeline.periods.map { period in
            TimelinePeriodView(
                label: period.label, id: period.id,
                years: period.years.map { TimelineYearView(year: String($0.year), entries: $0.entries.map(entryView)) },
                count: period.years.reduce(0) { $0 + $1.entries.count })
        }
        let view = TimelineView(
            site: siteView,
            meta: meta(
                "Timeline", "Every dated event of \(site.config.subject)’s foreign relations in date order.",
                path: "timeline/"),
            nav: nav(current: "timeline/"), periods: periods, count: site.timeline.entries.count)
        return view
    }

    func renderRelations() -> String {
        templates.render(relationsView(), template: "relations")
    }

    func relationsView() -> RelationsView {
        func row(_ row: RelationsIndex.Row) -> RelationRowView {
            RelationRowView(
                name: row.name, url: url(row.country), region: row.region ?? "—",
                established: row.relation.established.map(DateView.init), status: row.relation.status.rawValue,
                statusLabel: Self.statusLabel(row.relation.status), severed: row.relation.severed.map(DateView.init))
        }
        let index = site.relationsIndex
        let regions = index.byRegion.map {
            RegionView(
                name: $0.region, id: "region-" + Slug.make(from: $0.region), rows: $0.rows.map(row),
                count: $0.rows.count)
        }
        let view = RelationsView(
            site: siteView,
            meta: meta(
                "Bilateral relations",
                "Every country \(site.config.subject) has relations with, with the date relations began and their status.",
                path: "relations/"),
            nav: nav(current: "relations/"), byNameTable: RelationTableView(rows: index.byName.map(row)),
            byDateTable: RelationTableView(rows: index.byDate.map(row)),
            regions: regions, count: index.byName.count,
            datedCount: index.byName.filter { $0.relation.established != nil }.count)
        return view
    }

    func renderNotFound() -> String {
        templates.render(
            NotFoundView(site: siteView, meta: meta("Page not found", "", path: "404.html"), nav: nav(current: "404")),
            template: "404")
    }

    /// A sitemap needs absolute addresses, so it is written only when `base_url` is absolute.
    func renderSitemap() -> String? {
        guard let absolute = site.config.absoluteRoot else { return nil }
        let origin =
            absolute.range(of: "://").flatMap { scheme in
                absolute[scheme.upperBound...].firstIndex(of: "/").map { String(absolute[..<$0]) }
            } ?? absolute
        let paths = [""] + ["relations/", "timeline/"] + site.pages.map(\.id.path)
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            xml += "  <url><loc>\(HTMLEscaping.text(origin + root + path))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

}
