/// The timeline: every dated entry, grouped by period and year.
struct TimelineOutput: SiteOutput {
    var path: String { "timeline/index.html" }

    func inputs(in site: Site) -> Set<SiteInput> {
        Set<SiteInput>([.config, .timeline, .template("timeline")]).union(Set<SiteInput>.entries(site.timeline.entries))
            .union(Set<SiteInput>.navigation(in: site))
    }

    func render(_ reader: SiteReader) -> String {
        reader.render(view(reader), template: "timeline")
    }

    func view(_ reader: SiteReader) -> TimelineView {
        let timeline = reader.timeline
        let periods = timeline.periods.map { period in
            TimelinePeriodView(
                label: period.label, id: period.id,
                years: period.years.enumerated().map { index, year in
                    // A span opening the period it names ("1100s" first under "1100s") needs no heading of its own.
                    TimelineYearView(
                        year: index == 0 && year.label == period.label ? nil : year.label,
                        entries: year.entries.map(reader.entryView))
                },
                count: period.years.reduce(0) { $0 + $1.entries.count })
        }
        return TimelineView(
            site: reader.siteView,
            meta: reader.meta(
                "Timeline", "Every dated event of \(reader.config.subject)’s foreign relations in date order.",
                path: "timeline/"),
            nav: reader.nav(current: "timeline/"), periods: periods, count: timeline.entries.count)
    }
}
