/// The timeline: every dated entry, grouped by period and year.
struct TimelineOutput: StreamedOutput {
    var path: String { "timeline/index.html" }

    func inputs(in site: Site) -> Set<SiteInput> {
        // Entries carry their pages' titles: the timeline is all they read of the pages.
        Set<SiteInput>([.config, .timeline, .template("timeline")]).union(Set<SiteInput>.navigation(in: site))
    }

    func render(_ reader: SiteReader, into sink: TextSink) {
        reader.render(view(reader), template: "timeline", into: sink)
    }

    /// The entries of a period under their year headings. A year with a single entry needs no
    /// heading (the entry shows its date), nor does a span opening the period it names ("1100s"
    /// first under "1100s"); consecutive entries without a heading share one list.
    static func groups(of period: Timeline.Period, _ reader: SiteReader) -> LazyViews<TimelineYearView> {
        // Which years each group holds: a year of several entries is a group with its heading;
        // years of one entry (and a span opening the period of its name) share one without.
        var spans: [(year: String?, years: Range<Int>)] = []
        for (index, year) in period.years.enumerated() {
            guard year.entries.count == 1 || (index == 0 && year.label == period.label) else {
                spans.append((year.label, index..<(index + 1)))
                continue
            }
            if let last = spans.indices.last, spans[last].year == nil {
                spans[last].years = spans[last].years.lowerBound..<(index + 1)
            } else {
                spans.append((nil, index..<(index + 1)))
            }
        }
        let years = period.years
        return LazyViews(count: spans.count) { [spans] group in
            TimelineYearView(
                year: spans[group].year, entries: years[spans[group].years].flatMap { $0.entries.map(reader.entryView) }
            )
        }
    }

    /// The pages of each kind that have entries, by title.
    static func filterOptions(_ timeline: Timeline) -> [PageKind: [FilterOptionView]] {
        var titles: [PageID: String] = [:]
        for entry in timeline.entries { titles[entry.page] = entry.pageTitle }
        return Dictionary(grouping: titles, by: \.key.kind).mapValues { pages in
            pages.map { FilterOptionView(key: $0.key.description, title: $0.value) }
                .sorted(byName: \.title, then: \.key)
        }
    }

    func view(_ reader: SiteReader) -> TimelineView {
        let timeline = reader.timeline
        let filters = Self.filterOptions(timeline)
        let periods = timeline.periods.map { period in
            TimelinePeriodView(
                label: period.label, id: period.id,
                years: Self.groups(of: period, reader),
                count: period.years.reduce(0) { $0 + $1.entries.count })
        }
        return TimelineView(
            site: reader.siteView,
            meta: reader.meta(
                "Timeline", "Every dated event of \(reader.config.subject)’s foreign relations in date order.",
                path: "timeline/"),
            nav: reader.nav(current: "timeline/"), periods: periods,
            filterCountries: filters[.country] ?? [], filterTopics: filters[.topic] ?? [],
            chart: TimelineChart(timeline.entries.map { ($0.title, $0.date) }).view(count: timeline.entries.count),
            count: timeline.entries.count)
    }
}
