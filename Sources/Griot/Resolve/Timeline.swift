/// Every dated thing on the site in date order: page events and the start and end of relations.
///
/// Entries sort by their best estimate: the midpoint of the days their date can mean (for a
/// period, those of its start), the narrower range first among equal midpoints, then the author's
/// order on the page, then the title. So a bare "1992" (mid-1992) comes after "June 1992".
public struct Timeline: Sendable {
    public struct Entry: Sendable {
        public enum Kind: String, Sendable {
            case event
            case relationsEstablished
            case relationsSevered
        }

        public var kind: Kind
        public var date: EDTFDate
        public var title: String
        public var page: PageID
        /// The title of that page when the timeline was made (part of its fingerprint), so that
        /// an output listing entries reads no page for it.
        public var pageTitle: String
        /// The entry's place among its page's dated entries, as the author wrote them.
        public var order: Int
        /// The heading of its page that describes it, when the event names one.
        public var section: String? = nil
    }

    /// A hundred years (before 1900: "1500s") or a decade (from 1900: "1960s"), holding years.
    public struct Period: Sendable {
        public var label: String
        public var id: String
        public var years: [Year]
    }

    /// The entries of one year, or of one span coarser than a year ("1960s") at its place in order.
    public struct Year: Sendable {
        /// The year of the entries' best estimate.
        public var year: Int
        /// The heading: "1963", "501 BCE", or a coarse date's own label ("1960s").
        public var label: String
        /// A run of the timeline's own entries, not a copy of them.
        public var entries: ArraySlice<Entry>
    }

    public let entries: [Entry]
    /// A fingerprint of what the timeline was made from (`source(of:)`): equal fingerprints,
    /// equal timelines.
    let fingerprint: UInt64

    /// A fingerprint of everything of `pages` the timeline is made from: two page lists with the
    /// same one have the same timeline.
    static func source(of pages: [Page]) -> UInt64 {
        var hash = StableHash()
        for page in pages { if let part = page.parts.timeline { hash.combine(part) } }
        return hash.value
    }

    /// What the timeline takes from one page; nil when it takes nothing (no event, no relation).
    static func source(of page: Page) -> UInt64? {
        guard !page.events.isEmpty || page.relation != nil else { return nil }
        var hash = StableHash()
        hash.combine(page.id.description)
        hash.combine(page.title)
        for event in page.events {
            hash.combine(event.date.text)
            hash.combine(event.title)
            hash.combine(event.section)
        }
        hash.combine(page.relation?.established?.text)
        hash.combine(page.relation?.severed?.text)
        return hash.value
    }

    /// Builds the timeline of `pages`, sorted by best estimate, then author's order, then title.
    init(pages: [Page]) {
        fingerprint = Self.source(of: pages)
        var entries: [Entry] = []
        for page in pages {
            for (order, event) in page.events.enumerated() {
                entries.append(
                    Entry(
                        kind: .event, date: event.date, title: event.title, page: page.id, pageTitle: page.title,
                        order: order,
                        section: event.section))
            }
            if let relation = page.relation {
                let order = page.events.count
                if let established = relation.established {
                    entries.append(
                        Entry(
                            kind: .relationsEstablished, date: established,
                            title: "Diplomatic relations established with \(page.title)", page: page.id,
                            pageTitle: page.title, order: order))
                }
                if let severed = relation.severed {
                    entries.append(
                        Entry(
                            kind: .relationsSevered, date: severed,
                            title: "Diplomatic relations with \(page.title) severed", page: page.id,
                            pageTitle: page.title, order: order + 1))
                }
            }
        }
        // Sort positions, not entries, by keys held apart: most comparisons then read two plain
        // keys, and only entries equal in date and order compare their titles, in place.
        let keys = entries.map { (key: $0.date.sortKey, order: $0.order) }
        let order = entries.withUnsafeBufferPointer { entries in
            keys.withUnsafeBufferPointer { keys in
                Array(entries.indices).sorted { a, b in
                    let (x, y) = (keys[a], keys[b])
                    if x.key != y.key { return x.key < y.key }
                    if x.order != y.order { return x.order < y.order }
                    if entries[a].title != entries[b].title { return entries[a].title < entries[b].title }
                    return entries[a].page < entries[b].page
                }
            }
        }
        self.entries = order.map { entries[$0] }
        periods = Self.periods(of: self.entries)
    }

    /// The entries grouped into hundreds of years before 1900 and decades after, then years, each
    /// by the year of its best estimate; a date coarser than a year heads a group of its own.
    public let periods: [Period]

    private static func periods(of entries: [Entry]) -> [Period] {
        var periods: [Period] = []
        var yearStart = 0
        var previous: (year: Int, coarse: Bool)?
        for (index, entry) in entries.enumerated() {
            let year = entry.date.estimatedYear
            let coarse = entry.date.isCoarserThanYear
            // An entry of the same plain year as the one before joins its group as it stands.
            if let previous, previous.year == year, !previous.coarse, !coarse { continue }
            previous = (year, coarse)
            if let last = periods.indices.last, !periods[last].years.isEmpty {
                periods[last].years[periods[last].years.count - 1].entries = entries[yearStart..<index]
            }
            let (label, id) = Self.period(of: year)
            if periods.last?.id != id { periods.append(Period(label: label, id: id, years: [])) }
            let heading =
                coarse ? (entry.date.coarseLabel ?? entry.date.displayText) : EDTFDisplay.year(year)
            let last = periods.count - 1
            if periods[last].years.last?.label != heading {
                yearStart = index
                periods[last].years.append(Year(year: year, label: heading, entries: []))
            }
        }
        if let last = periods.indices.last, !periods[last].years.isEmpty {
            periods[last].years[periods[last].years.count - 1].entries = entries[yearStart...]
        }
        return periods
    }

    /// Hundreds rather than ordinal centuries, so "c. 1000" sits under "1000s", matching its year.
    static func period(of year: Int) -> (label: String, id: String) {
        if year <= 0 {
            let hundred = (1 - year) / 100 * 100
            return ("\(hundred)s BCE", "years-bce-\(hundred)")
        }
        if year < 1900 { return ("\(year / 100 * 100)s", "years-\(year / 100 * 100)") }
        return ("\(year / 10 * 10)s", "decade-\(year / 10 * 10)")
    }
}
