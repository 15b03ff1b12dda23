/// `timelinejs.json`: the timeline in Knight Lab's TimelineJS3 format, so it opens in that tool as
/// it is: each entry an event (`start_date`, `end_date` for a period, `text.headline`,
/// `text.text` linking the page it comes from), each period of the timeline an era.
struct TimelineJSOutput: SiteOutput {
    var path: String { "timelinejs.json" }

    func inputs(in site: Site) -> Set<SiteInput> {
        Set<SiteInput>([.config, .timeline]).union(Set<SiteInput>.entries(site.timeline.entries))
    }

    struct Document: Encodable {
        var title: Slide
        var events: [Slide]
        var eras: [Era]
    }

    struct Slide: Encodable {
        var start_date: DateObject?
        var end_date: DateObject?
        var text: Text
        var unique_id: String?
    }

    struct Era: Encodable {
        var start_date: DateObject
        var end_date: DateObject
        var text: Text
    }

    struct Text: Encodable {
        var headline: String
        var text: String?
    }

    /// A TimelineJS date: as many parts as the date gives, and how the site shows it.
    struct DateObject: Encodable {
        var year: Int
        var month: Int?
        var day: Int?
        var display_date: String?

        init(_ date: EDTFSingleDate, display: String?) {
            let first = date.lowerStrict
            year = date.precision >= .year ? date.year : first.year
            month = date.precision >= .month && !date.isMonthUnspecified ? date.month : nil
            day = date.precision >= .day && !date.isDayUnspecified ? date.day : nil
            display_date = display
        }

        init(year: Int) {
            self.year = year
        }
    }

    func render(_ reader: SiteReader) -> String {
        let config = reader.config
        let timeline = reader.timeline
        var events: [Slide] = []
        for (index, entry) in timeline.entries.enumerated() {
            let display = entry.date.displayText
            let start = entry.date.start.date ?? entry.date.anchorDate
            let end = entry.date.isInterval ? entry.date.end.date : nil
            let page = HTMLEscaping.text(reader.title(of: entry.page) ?? entry.page.slug)
            let url = HTMLEscaping.href(ExportRecords.address(entry.page.path, config))
            events.append(
                Slide(
                    start_date: DateObject(start, display: display), end_date: end.map { DateObject($0, display: nil) },
                    text: Text(
                        headline: entry.title,
                        text: "<p>\(HTMLEscaping.text(display)) · <a href=\"\(url)\">\(page)</a></p>"),
                    unique_id: "\(entry.page.kind.rawValue)-\(entry.page.slug)-\(index)"))
        }
        let eras = timeline.periods.compactMap { period -> Era? in
            let years = period.years.flatMap(\.entries).map(\.date.estimatedYear)
            guard let first = years.min(), let last = years.max() else { return nil }
            return Era(
                start_date: DateObject(year: first), end_date: DateObject(year: last),
                text: Text(headline: period.label, text: nil))
        }
        let title = Slide(
            start_date: nil, end_date: nil,
            text: Text(headline: config.title, text: config.description.isEmpty ? nil : config.description),
            unique_id: nil)
        return ExportRecords.json(Document(title: title, events: events, eras: eras))
    }
}
