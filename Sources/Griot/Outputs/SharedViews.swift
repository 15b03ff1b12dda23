/// The pieces every page of the site shares: the site's header data, navigation, metadata and
/// the small views of links and timeline entries.
extension SiteReader {
    func url(_ id: PageID) -> String { root + id.path }

    /// The site's own index pages, in the navigation's order, with their site paths.
    static let indexes = [
        (title: "Home", path: ""), (title: "Countries", path: "countries/"), (title: "Topics", path: "topics/"),
        (title: "Relations", path: "relations/"), (title: "Timeline", path: "timeline/"),
    ]

    var siteView: SiteView {
        let config = config
        return SiteView(
            title: config.title, subject: config.subject, description: config.description,
            language: config.language, root: root, feed: config.absoluteURL(of: "feed.xml"))
    }

    /// The main navigation: the home page, the two indexes, then the plain pages that name a
    /// `menu` label, by label.
    func nav(current path: String) -> [NavItem] {
        let plain = pages(.page).compactMap { id in menu(of: id).map { ($0, id.path) } }.sorted { $0 < $1 }
        return Self.indexes.map {
            NavItem(title: $0.title, url: root + $0.path, current: $0.path == path, plain: false)
        }
            + plain.map { NavItem(title: $0.0, url: root + $0.1, current: $0.1 == path, plain: true) }
    }

    /// The metadata of the page at the site path `path` (nil for the not-found page, which has
    /// no address of its own).
    func meta(_ title: String, _ description: String, path: String?, isArticle: Bool = false) -> MetaView {
        MetaView(
            title: title, description: MetaDescription.cut(description.isEmpty ? config.description : description),
            canonical: path.flatMap(config.absoluteURL), type: isArticle ? "article" : "website")
    }

    /// A link to another page with its title and summary.
    func linkView(_ id: PageID) -> LinkView? {
        guard let title = title(of: id), let summary = summary(of: id) else { return nil }
        return LinkView(title: title, url: url(id), summary: summary)
    }

    func entryView(_ entry: Timeline.Entry) -> TimelineEntryView {
        TimelineEntryView(
            date: DateView(entry.date), title: entry.title,
            url: url(entry.page) + (entry.section.map { "#" + $0 } ?? ""),
            pageTitle: entry.pageTitle, kind: entry.kind.rawValue,
            page: entry.page.description)
    }

    static func statusLabel(_ status: Relation.Status) -> String {
        switch status {
        case .active: "Active"
        case .severed: "Severed"
        case .suspended: "Suspended"
        }
    }
}

/// The inputs of the shared pieces, for outputs to declare.
extension Set where Element == SiteInput {
    /// What `nav` reads: the list of plain pages and their menu labels.
    static func navigation(in site: Site) -> Set<SiteInput> {
        var inputs = Set<SiteInput>()
        inputs.insertNavigation(in: site)
        return inputs
    }

    /// Adds what `linkView` reads for each of `ids`.
    mutating func insertLinks(to ids: some Sequence<PageID>) {
        for id in ids {
            insert(.page(id, .title))
            insert(.page(id, .summary))
        }
    }

    /// Adds what `nav` reads.
    mutating func insertNavigation(in site: Site) {
        insert(.config)
        insert(.pageList(.page))
        for id in site.ids(.page) { insert(.page(id, .menu)) }
    }
}
