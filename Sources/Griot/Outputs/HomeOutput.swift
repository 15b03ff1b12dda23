/// The home page: the site's own text, countries by region, topics and the latest events.
struct HomeOutput: StreamedOutput {
    /// How many of the latest timeline entries the home page shows.
    static let latestCount = 8

    var path: String { "index.html" }

    func inputs(in site: Site) -> Set<SiteInput> {
        let countries = site.ids(.country)
        let topics = site.ids(.topic)
        var inputs: Set<SiteInput> = [
            .config, .home, .pageList(.country), .pageList(.topic), .timeline, .template("home"),
        ]
        inputs.formUnion(countries.map { .page($0, .region) })
        inputs.insertLinks(to: countries + topics)
        inputs.insertNavigation(in: site)
        return inputs
    }

    func render(_ reader: SiteReader, into sink: TextSink) {
        reader.render(view(reader), template: "home", into: sink)
    }

    func view(_ reader: SiteReader) -> HomeView {
        let countries = reader.pages(.country)
        let regions = Dictionary(grouping: countries) { reader.region(of: $0) ?? Region.unknown }
            .sorted { $0.key < $1.key }
            .map { region, ids in
                RegionCountriesView(
                    name: region,
                    countries: ids.compactMap(reader.linkView).sorted { $0.title < $1.title })
            }
        let topics = reader.pages(.topic).compactMap(reader.linkView).sorted { $0.title < $1.title }
        let timeline = reader.timeline
        let latest = timeline.entries.suffix(Self.latestCount).reversed().map(reader.entryView)
        let home = reader.home
        let title = home?.title ?? reader.config.title
        return HomeView(
            site: reader.siteView, meta: reader.meta(title, home?.description ?? home?.summary ?? "", path: ""),
            nav: reader.nav(current: ""), title: title, summary: home?.summary ?? "", html: home?.body.html ?? "",
            regions: regions, topics: topics, latest: Array(latest), countryCount: countries.count,
            topicCount: topics.count, eventCount: timeline.entries.count)
    }
}
