// Plain view models handed to the templates, which read them through `TemplateObject`
// (ViewModels+Lookup.swift): every field here is stored, none computed.

/// Site-wide values every template can read as `{{site.…}}`.
struct SiteView: Sendable {
    var title: String
    var subject: String
    var description: String
    var language: String
    /// The path all links start from: `/` or `/mali/`.
    var root: String
    /// The feed's absolute address, when `base_url` is absolute.
    var feed: String?
}

/// What the layout needs to know about the page being rendered.
struct MetaView: Sendable {
    var title: String
    /// At most `MetaDescription.limit` characters.
    var description: String
    /// The page's absolute address, when `base_url` is absolute (canonical link, `og:url`).
    var canonical: String?
    /// Open Graph's type: `article` for content pages, `website` for the rest.
    var type: String
}

struct NavItem: Sendable {
    var title: String
    var url: String
    var current: Bool
    /// A plain page (About…), which the footer lists too.
    var plain: Bool
}

/// A date as text at its own precision, with its EDTF form and, when HTML can express it, the
/// machine form for `<time datetime>` (the start of a period; nil for BCE years or an unknown start).
struct DateView: Sendable {
    var text: String
    var datetime: String?
    var edtf: String

    init(_ date: EDTFDate) {
        text = date.displayText
        datetime = date.htmlDatetime
        edtf = date.text
    }
}

struct LinkView: Sendable {
    var title: String
    var url: String
    var summary: String
}

struct TocItem: Sendable {
    var id: String
    var text: String
    var nested: Bool
}

struct EventView: Sendable {
    var date: DateView
    var title: String
}

struct SourceView: Sendable {
    var title: String
    var publisher: String?
    var url: String?
    var date: DateView?
}

struct RelationView: Sendable {
    var established: DateView?
    var status: String
    var statusLabel: String
    var severed: DateView?
}

/// A country or topic page.
struct PageView: Sendable {
    var site: SiteView
    var meta: MetaView
    var nav: [NavItem]
    var title: String
    var summary: String
    var region: String?
    var iso: String?
    var relation: RelationView?
    var html: String
    var toc: [TocItem]
    var hasToc: Bool
    /// Topics of a country, or countries of a topic.
    var related: [LinkView]
    /// The heading of the related list: "Topics" or "Countries involved".
    var relatedTitle: String
    var hasRelated: Bool
    var events: [EventView]
    var hasEvents: Bool
    /// The page's events in time, when it has three or more.
    var eventStrip: ChartView?
    /// The pages that link here and are not already listed as related, each with the sentence
    /// of its link.
    var backlinks: [BacklinkView]
    var hasBacklinks: Bool
    var sources: [SourceView]
    var hasSources: Bool
}

struct BacklinkView: Sendable {
    var title: String
    var url: String
    var context: String?
}

struct TimelineEntryView: Sendable {
    var date: DateView
    var title: String
    var url: String
    var pageTitle: String
    var kind: String
    /// The page's key, `countries/france`: what the timeline's filters match.
    var page: String
}

/// A choice of a filter: a page's key and title.
struct FilterOptionView: Sendable {
    var key: String
    var title: String
}

struct TimelineYearView: Sendable {
    /// The year's heading; nil for entries that need none (a year with one entry, a span that
    /// opens the period of the same name).
    var year: String?
    var entries: [TimelineEntryView]
}

struct TimelinePeriodView: Sendable {
    var label: String
    var id: String
    /// Made a group at a time as the page renders: at 100,000 pages the timeline's entries are
    /// hundreds of megabytes of view models.
    var years: LazyViews<TimelineYearView>
    var count: Int
}

struct TimelineView: Sendable {
    var site: SiteView
    var meta: MetaView
    var nav: [NavItem]
    var periods: [TimelinePeriodView]
    /// The countries and the topics that have entries, for the filters.
    var filterCountries: [FilterOptionView]
    var filterTopics: [FilterOptionView]
    var chart: ChartView?
    var count: Int
}

/// One country of the relations table, with its place in each order the table can be sorted by,
/// so that the page's script sorts by numbers and never reads a date.
struct RelationRowView: Sendable {
    var name: String
    var url: String
    var region: String
    var regionID: String
    var rowID: String
    var established: DateView?
    var status: String
    var statusLabel: String
    var severed: DateView?
    var rankName: Int
    var rankRegion: Int
    var rankDate: Int
    var rankStatus: Int
}

struct RegionView: Sendable {
    var name: String
    var id: String
    var count: Int
}

struct StatusView: Sendable {
    var status: String
    var label: String
    var count: Int
}

/// A chart drawn at build time: its SVG (made in Swift, every value escaped) and its caption.
struct ChartView: Sendable {
    var svg: String
    var caption: String
    /// What each colour stands for, in HTML beside the chart so it stays legible on a phone.
    var legend: [LegendItemView] = []
    var hasLegend: Bool { !legend.isEmpty }
}

struct LegendItemView: Sendable {
    var name: String
    /// The colour: `chart-series-<series>`.
    var series: Int
}

struct RelationsView: Sendable {
    var site: SiteView
    var meta: MetaView
    var nav: [NavItem]
    var rows: [RelationRowView]
    var regions: [RegionView]
    var statuses: [StatusView]
    var chart: ChartView?
    var count: Int
    var datedCount: Int
}

struct ListingView: Sendable {
    var site: SiteView
    var meta: MetaView
    var nav: [NavItem]
    var title: String
    var summary: String
    /// "countries" or "topics".
    var noun: String
    var count: Int
    /// Countries only.
    var regions: [ListingRegionView]
    var hasRegions: Bool
    var letters: [ListingLetterView]
}

struct ListingRegionView: Sendable {
    var name: String
    var id: String
    var pages: [LinkView]
}

struct ListingLetterView: Sendable {
    var letter: String
    var id: String
    var pages: [LinkView]
}

struct RegionCountriesView: Sendable {
    var name: String
    var countries: [LinkView]
}

struct HomeView: Sendable {
    var site: SiteView
    var meta: MetaView
    var nav: [NavItem]
    var title: String
    var summary: String
    var html: String
    var regions: [RegionCountriesView]
    var topics: [LinkView]
    var latest: [TimelineEntryView]
    var countryCount: Int
    var topicCount: Int
    var eventCount: Int
}

struct NotFoundView: Sendable {
    var site: SiteView
    var meta: MetaView
    var nav: [NavItem]
}
