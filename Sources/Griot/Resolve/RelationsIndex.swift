/// The bilateral-relations index: one row a country, in three orders.
public struct RelationsIndex: Sendable {
    public struct Row: Sendable {
        public var country: PageID
        public var name: String
        public var region: String?
        /// ISO 3166-1 alpha-2, when the page gives it.
        public var iso: String?
        public var relation: Relation
    }

    public struct RegionGroup: Sendable {
        public var region: String
        public var rows: [Row]
    }

    /// Ordered by name.
    public let byName: [Row]
    /// A fingerprint of what the index was made from (`source(of:)`).
    let fingerprint: UInt64

    /// A fingerprint of everything of `pages` the index is made from.
    static func source(of pages: [Page]) -> UInt64 {
        var hash = StableHash()
        for page in pages { if let part = page.parts.relations { hash.combine(part) } }
        return hash.value
    }

    /// What the index takes from one page: a country's row; nil for other pages.
    static func source(of page: Page) -> UInt64? {
        guard page.kind == .country else { return nil }
        var hash = StableHash()
        hash.combine(page.id.slug)
        hash.combine(page.title)
        hash.combine(page.region)
        hash.combine(page.iso)
        hash.combine(page.relation?.established?.text)
        hash.combine(page.relation?.status.rawValue)
        hash.combine(page.relation?.severed?.text)
        return hash.value
    }

    init(pages: [Page]) {
        fingerprint = Self.source(of: pages)
        byName = pages.filter { $0.kind == .country }
            .map {
                Row(country: $0.id, name: $0.title, region: $0.region, iso: $0.iso, relation: $0.relation ?? Relation())
            }
            .sorted(byName: \.name, then: \.country.slug)
    }

    /// Ordered by the date relations began; countries without a known date last, by name.
    public var byDate: [Row] {
        // Positions sorted by keys held apart, so that sorting moves no row.
        let keys = byName.map { $0.relation.established?.sortKey }
        return byName.indices.sorted { a, b in
            switch (keys[a], keys[b]) {
            case let (x?, y?): return (x, a) < (y, b)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }.map { byName[$0] }
    }

    /// Grouped by region (regions by name, unknown region last), each group ordered by name.
    public var byRegion: [RegionGroup] {
        let unknown = Region.unknown
        var groups: [String: [Row]] = [:]
        for row in byName { groups[row.region ?? unknown, default: []].append(row) }
        return groups.keys.sorted { a, b in
            a == unknown ? false : b == unknown ? true : a < b
        }.map { RegionGroup(region: $0, rows: groups[$0]!) }
    }
}
