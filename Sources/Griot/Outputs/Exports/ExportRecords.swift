/// The records the data exports are made of, each writing its JSON form (described by the
/// schemas published beside them, `ExportSchemaOutput`); the README lists every field.
enum ExportRecords {
    /// One country of `relations.json` (and one row of `relations.csv`).
    struct Relation {
        var country: String
        var slug: String
        var url: String
        var region: String?
        var iso: String?
        /// When relations began; absent when the sources do not say.
        var established: EDTFExport?
        /// When they were broken off, for a severed relation.
        var severed: EDTFExport?
        /// `active`, `severed` or `suspended`.
        var status: String

        func write(to json: inout JSONWriter) {
            json.object {
                $0.field("country", country)
                if let established { $0.field("established") { established.write(to: &$0) } }
                $0.field("iso", iso)
                $0.field("region", region)
                if let severed { $0.field("severed") { severed.write(to: &$0) } }
                $0.field("slug", slug)
                $0.field("status", status)
                $0.field("url", url)
            }
        }
    }

    /// One entry of `timeline.json`.
    struct TimelineEntry {
        var date: EDTFExport
        /// The date as the site shows it: "c. 1591 – 1737".
        var display: String
        var title: String
        /// `event`, `relations-established` or `relations-severed`.
        var kind: String
        /// The page the entry comes from: `countries/france`.
        var page: String
        var url: String

        func write(to json: inout JSONWriter) {
            json.object {
                $0.field("date") { date.write(to: &$0) }
                $0.field("display", display)
                $0.field("kind", kind)
                $0.field("page", page)
                $0.field("title", title)
                $0.field("url", url)
            }
        }
    }

    /// One page of `pages.json`.
    struct Page {
        var title: String
        /// `country`, `topic` or `page`.
        var kind: String
        var slug: String
        var url: String
        var summary: String
        var region: String?
        var iso: String?
        /// A country's topics, by slug.
        var topics: [String]?
        /// A topic's countries, by slug.
        var countries: [String]?
        var sources: [Source]

        func write(to json: inout JSONWriter) {
            json.object {
                if let countries { $0.field("countries") { $0.array(countries) { $0.string($1) } } }
                $0.field("iso", iso)
                $0.field("kind", kind)
                $0.field("region", region)
                $0.field("slug", slug)
                $0.field("sources") { $0.array(sources) { $1.write(to: &$0) } }
                $0.field("summary", summary)
                $0.field("title", title)
                if let topics { $0.field("topics") { $0.array(topics) { $0.string($1) } } }
                $0.field("url", url)
            }
        }
    }

    struct Source {
        var title: String
        var publisher: String?
        var url: String?
        var date: EDTFExport?

        func write(to json: inout JSONWriter) {
            json.object {
                if let date { $0.field("date") { date.write(to: &$0) } }
                $0.field("publisher", publisher)
                $0.field("title", title)
                $0.field("url", url)
            }
        }
    }

    /// The address readers use for the site path `path`: absolute when `base_url` is.
    static func address(_ path: String, _ config: SiteConfig) -> String {
        config.absoluteURL(of: path) ?? config.basePath + path
    }

    static func kind(_ entry: Timeline.Entry.Kind) -> String {
        switch entry {
        case .event: "event"
        case .relationsEstablished: "relations-established"
        case .relationsSevered: "relations-severed"
        }
    }
}
