/// The list of every country (`countries/index.html`: by region, then A–Z) or every topic
/// (`topics/index.html`: A–Z).
struct ListingOutput: StreamedOutput {
    let kind: PageKind

    var path: String { kind.urlPrefix + "index.html" }

    func inputs(in site: Site) -> Set<SiteInput> {
        let ids = site.ids(kind)
        var inputs: Set<SiteInput> = [.config, .pageList(kind), .template("list")]
        if kind == .country { inputs.formUnion(ids.map { .page($0, .region) }) }
        inputs.insertLinks(to: ids)
        inputs.insertNavigation(in: site)
        return inputs
    }

    func render(_ reader: SiteReader, into sink: TextSink) {
        reader.render(view(reader), template: "list", into: sink)
    }

    func view(_ reader: SiteReader) -> ListingView {
        let ids = reader.pages(kind)
        let links = ids.compactMap(reader.linkView).sorted(byName: \.title, then: \.url)
        let regions =
            kind == .country
            ? Dictionary(grouping: ids) { reader.region(of: $0) ?? Region.unknown }
                .sorted { $0.key < $1.key }
                .map { region, ids in
                    ListingRegionView(
                        name: region, id: "region-" + Slug.make(from: region),
                        pages: ids.compactMap(reader.linkView).sorted(byName: \.title, then: \.url))
                } : []
        // Initials as readers look for them: "Côte d'Ivoire" under C, "2015 peace accord" under 0–9.
        let letters = Dictionary(grouping: links) { link -> String in
            let initial = Slug.make(from: String(link.title.prefix(1))).uppercased()
            if let first = initial.unicodeScalars.first, ("0"..."9").contains(first) { return "0–9" }
            return initial.isEmpty ? "…" : initial
        }
        .sorted { ($0.key.count > 1 ? 0 : 1, $0.key) < ($1.key.count > 1 ? 0 : 1, $1.key) }
        .map {
            ListingLetterView(
                letter: $0.key,
                id: "letter-" + ($0.key == "0–9" ? "digits" : $0.key == "…" ? "other" : $0.key.lowercased()),
                pages: $0.value)
        }
        let noun = kind == .country ? "countries" : "topics"
        let title = kind == .country ? "Countries" : "Topics"
        let subject = reader.config.subject
        let summary =
            kind == .country
            ? "The \(links.count) countries with a page on this site, by region and from A to Z."
            : "The \(links.count) topics of \(subject.isEmpty ? "this site" : subject)'s foreign relations, from A to Z."
        return ListingView(
            site: reader.siteView, meta: reader.meta(title, summary, path: kind.urlPrefix),
            nav: reader.nav(current: kind.urlPrefix),
            title: title, summary: summary, noun: noun, count: links.count, regions: regions,
            hasRegions: !regions.isEmpty, letters: letters)
    }
}
