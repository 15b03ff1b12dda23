/// `pages.json`: every page of the site with its kind, address, summary, region, related pages
/// and sources.
struct PagesExportOutput: StreamedOutput {
    var path: String { "pages.json" }

    func inputs(in site: Site) -> Set<SiteInput> {
        var inputs: Set<SiteInput> = [.config]
        for kind in PageKind.allCases {
            inputs.insert(.pageList(kind))
            for id in site.ids(kind) { inputs.formUnion([.page(id, .facts), .related(id)]) }
        }
        return inputs
    }

    func render(_ reader: SiteReader, into sink: TextSink) {
        let config = reader.config
        let ids = PageKind.allCases.lazy.flatMap { kind in
            reader.untilStopped(reader.pages(kind)).lazy.map { (kind, $0) }
        }
        let records = ids.compactMap { kind, id -> ExportRecords.Page? in
            guard let page = reader.facts(of: id) else { return nil }
            let related = reader.related(id).map(\.slug)
            return
                ExportRecords.Page(
                    title: page.title, kind: kind.rawValue, slug: id.slug,
                    url: ExportRecords.address(id.path, config), summary: page.summary, region: page.region,
                    iso: page.iso, topics: kind == .country ? related : nil,
                    countries: kind == .topic ? related : nil,
                    sources: page.sources.map {
                        ExportRecords.Source(
                            title: $0.title, publisher: $0.publisher, url: $0.url, date: $0.date?.export)
                    })
        }
        JSONWriter.document(into: sink) { json in
            json.object { $0.field("pages") { $0.array(records) { $1.write(to: &$0) } } }
        }
    }
}
