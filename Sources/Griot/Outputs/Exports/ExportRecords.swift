import Foundation

/// The records the data exports are made of. Their JSON forms are described by the schemas
/// published beside them (`ExportSchemas`); the README lists every field.
enum ExportRecords {
    /// One country of `relations.json` (and one row of `relations.csv`).
    struct Relation: Encodable {
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
    }

    /// One entry of `timeline.json`.
    struct TimelineEntry: Encodable {
        var date: EDTFExport
        /// The date as the site shows it: "c. 1591 – 1737".
        var display: String
        var title: String
        /// `event`, `relations-established` or `relations-severed`.
        var kind: String
        /// The page the entry comes from: `countries/france`.
        var page: String
        var url: String
    }

    /// One page of `pages.json`.
    struct Page: Encodable {
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
    }

    struct Source: Encodable {
        var title: String
        var publisher: String?
        var url: String?
        var date: EDTFExport?
    }

    /// JSON as the exports write it: keys sorted, two-space indents, slashes as they are, and a
    /// final newline, so that the same site always gives the same bytes.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "" }
        return String(decoding: data, as: UTF8.self) + "\n"
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
