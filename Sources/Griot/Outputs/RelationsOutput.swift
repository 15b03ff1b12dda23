/// The bilateral-relations index: by name, by date and by region.
struct RelationsOutput: SiteOutput {
    var path: String { "relations/index.html" }

    func inputs(in site: Site) -> Set<SiteInput> {
        Set<SiteInput>([.config, .relationsIndex, .template("relations")]).union(Set<SiteInput>.navigation(in: site))
    }

    func render(_ reader: SiteReader) -> String {
        reader.render(view(reader), template: "relations")
    }

    func view(_ reader: SiteReader) -> RelationsView {
        func row(_ row: RelationsIndex.Row) -> RelationRowView {
            RelationRowView(
                name: row.name, url: reader.url(row.country), region: row.region ?? Region.unknown,
                established: row.relation.established.map(DateView.init), status: row.relation.status.rawValue,
                statusLabel: SiteReader.statusLabel(row.relation.status),
                severed: row.relation.severed.map(DateView.init))
        }
        let index = reader.relationsIndex
        let regions = index.byRegion.map {
            RegionView(
                name: $0.region, id: "region-" + Slug.make(from: $0.region), rows: $0.rows.map(row),
                count: $0.rows.count)
        }
        let subject = reader.config.subject
        return RelationsView(
            site: reader.siteView,
            meta: reader.meta(
                "Bilateral relations",
                "The \(index.byName.count) countries with a page on this site, with the date \(subject.isEmpty ? "" : subject + "’s ")relations with each began and their status.",
                path: "relations/"),
            nav: reader.nav(current: "relations/"), byNameTable: RelationTableView(rows: index.byName.map(row)),
            byDateTable: RelationTableView(rows: index.byDate.map(row)), regions: regions, count: index.byName.count,
            datedCount: index.byName.filter { $0.relation.established != nil }.count)
    }
}
