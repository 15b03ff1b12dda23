/// The bilateral-relations index: one table of every country, sortable and filterable by its script,
/// with a chart of relations established per decade.
struct RelationsOutput: StreamedOutput {
    var path: String { "relations/index.html" }

    func inputs(in site: Site) -> Set<SiteInput> {
        Set<SiteInput>([.config, .relationsIndex, .template("relations")]).union(Set<SiteInput>.navigation(in: site))
    }

    func render(_ reader: SiteReader, into sink: TextSink) {
        reader.render(view(reader), template: "relations", into: sink)
    }

    func view(_ reader: SiteReader) -> RelationsView {
        let index = reader.relationsIndex
        let byName = index.byName
        let byRegion = index.byRegion
        let regionNames = byRegion.map(\.region)
        func rank(_ rows: [RelationsIndex.Row]) -> [PageID: Int] {
            Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.country, $0) })
        }
        let rankDate = rank(index.byDate)
        let rankRegion = rank(byRegion.flatMap(\.rows))
        let statusOrder = Relation.Status.allCases
        let rankStatus = rank(
            byName.enumerated().sorted {
                (statusOrder.firstIndex(of: $0.element.relation.status)!, $0.offset)
                    < (statusOrder.firstIndex(of: $1.element.relation.status)!, $1.offset)
            }.map(\.element))
        let rows = byName.enumerated().map { position, row in
            let region = row.region ?? Region.unknown
            return RelationRowView(
                name: row.name, url: reader.url(row.country), region: region, regionID: Self.regionID(region),
                rowID: "country-" + row.country.slug, established: row.relation.established.map(DateView.init),
                status: row.relation.status.rawValue, statusLabel: SiteReader.statusLabel(row.relation.status),
                severed: row.relation.severed.map(DateView.init), rankName: position,
                rankRegion: rankRegion[row.country]!, rankDate: rankDate[row.country]!,
                rankStatus: rankStatus[row.country]!)
        }
        let regions = byRegion.map { RegionView(name: $0.region, id: Self.regionID($0.region), count: $0.rows.count) }
        let statuses = statusOrder.compactMap { status -> StatusView? in
            let count = byName.filter { $0.relation.status == status }.count
            return count == 0
                ? nil : StatusView(status: status.rawValue, label: SiteReader.statusLabel(status), count: count)
        }
        let dated = byName.compactMap { row in
            row.relation.established.map {
                RelationsChart.Start(region: row.region ?? Region.unknown, year: $0.estimatedYear)
            }
        }
        let subject = reader.config.subject
        let chart = RelationsChart(starts: dated, regions: regionNames, undated: byName.count - dated.count).view
        return RelationsView(
            site: reader.siteView,
            meta: reader.meta(
                "Bilateral relations",
                "The \(byName.count) countries with a page on this site, with the date \(subject.isEmpty ? "" : subject + "’s ")relations with each began and their status.",
                path: "relations/"),
            nav: reader.nav(current: "relations/"), rows: rows, regions: regions, statuses: statuses, chart: chart,
            count: byName.count, datedCount: dated.count)
    }

    static func regionID(_ region: String) -> String { "region-" + Slug.make(from: region) }
}
