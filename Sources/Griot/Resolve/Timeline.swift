/// Every dated thing on the site in date order: page events and the start and end of relations.
public struct Timeline: Sendable {
    public struct Entry: Sendable {
        public enum Kind: String, Sendable {
            case event
            case relationsEstablished
            case relationsSevered
        }

        public var kind: Kind
        public var date: PartialDate
        public var until: PartialDate?
        public var circa: Bool
        public var title: String
        public var page: PageID

        /// "c. 1591 – 1737", "22 July 1963".
        public var dateText: String { Event.dateText(date, until: until, circa: circa) }
    }

    /// A hundred years (before 1900: "1500s") or a decade (from 1900: "1960s"), holding years.
    public struct Period: Sendable {
        public var label: String
        public var id: String
        public var years: [Year]
    }

    public struct Year: Sendable {
        public var year: Int
        public var entries: [Entry]
    }

    public let entries: [Entry]

    /// Builds the timeline of `pages`, sorted by date, then page title, then entry title.
    init(pages: [Page]) {
        var entries: [Entry] = []
        var pageTitles: [PageID: String] = [:]
        for page in pages {
            pageTitles[page.id] = page.title
            for event in page.events {
                entries.append(
                    Entry(
                        kind: .event, date: event.date, until: event.until, circa: event.circa, title: event.title,
                        page: page.id))
            }
            if let relation = page.relation {
                if let established = relation.established {
                    entries.append(
                        Entry(
                            kind: .relationsEstablished, date: established, circa: false,
                            title: "Diplomatic relations established with \(page.title)", page: page.id))
                }
                if let severed = relation.severed {
                    entries.append(
                        Entry(
                            kind: .relationsSevered, date: severed, circa: false,
                            title: "Diplomatic relations with \(page.title) severed", page: page.id))
                }
            }
        }
        self.entries = entries.sorted {
            ($0.date, pageTitles[$0.page] ?? "", $0.title) < ($1.date, pageTitles[$1.page] ?? "", $1.title)
        }
    }

    /// The entries grouped into hundreds of years before 1900 and decades after, then years.
    public var periods: [Period] {
        var periods: [Period] = []
        for entry in entries {
            let year = entry.date.year
            // Hundreds rather than ordinal centuries, so "c. 1000" sits under "1000s", matching its year.
            let (label, id) =
                year < 1900
                ? ("\(year / 100 * 100)s", "years-\(year / 100 * 100)")
                : ("\(entry.date.decade)s", "decade-\(entry.date.decade)")
            if periods.last?.id != id { periods.append(Period(label: label, id: id, years: [])) }
            if periods[periods.count - 1].years.last?.year != year {
                periods[periods.count - 1].years.append(Year(year: year, entries: []))
            }
            let last = periods[periods.count - 1].years.count - 1
            periods[periods.count - 1].years[last].entries.append(entry)
        }
        return periods
    }
}
