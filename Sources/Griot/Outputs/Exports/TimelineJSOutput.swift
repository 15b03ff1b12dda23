/// `timelinejs.json`: the timeline in Knight Lab's TimelineJS3 format, so it opens in that tool as
/// it is: each entry an event (`start_date`, `end_date` for a period, `text.headline`,
/// `text.text` linking the page it comes from), each period of the timeline an era.
struct TimelineJSOutput: StreamedOutput {
    var path: String { "timelinejs.json" }

    func inputs(in site: Site) -> Set<SiteInput> {
        [.config, .timeline]
    }

    struct Slide {
        var start: DateObject?
        var end: DateObject?
        var headline: String
        var text: String?
        var id: String?

        func write(to json: inout JSONWriter) {
            json.object {
                if let end { $0.field("end_date") { end.write(to: &$0) } }
                if let start { $0.field("start_date") { start.write(to: &$0) } }
                $0.field("text") { json in
                    json.object {
                        $0.field("headline", headline)
                        $0.field("text", text)
                    }
                }
                $0.field("unique_id", id)
            }
        }
    }

    /// A TimelineJS date: as many parts as the date gives, and how the site shows it.
    struct DateObject {
        var year: Int
        var month: Int?
        var day: Int?
        var display: String?

        init(_ date: EDTFSingleDate, display: String?) {
            let first = date.lowerStrict
            year = date.precision >= .year ? date.year : first.year
            month = date.precision >= .month && !date.isMonthUnspecified ? date.month : nil
            day = date.precision >= .day && !date.isDayUnspecified ? date.day : nil
            self.display = display
        }

        init(year: Int) {
            self.year = year
        }

        func write(to json: inout JSONWriter) {
            json.object {
                $0.field("day", day)
                $0.field("display_date", display)
                $0.field("month", month)
                $0.field("year", year)
            }
        }
    }

    func render(_ reader: SiteReader, into sink: TextSink) {
        let config = reader.config
        let timeline = reader.timeline
        // Made one at a time as they are written: at 100,000 pages the slides would be a large array.
        let events = reader.untilStopped(timeline.entries.enumerated()).lazy.map { index, entry in
            let display = entry.date.displayText
            let start = entry.date.start.date ?? entry.date.anchorDate
            let end = entry.date.isInterval ? entry.date.end.date : nil
            let page = HTMLEscaping.text(entry.pageTitle)
            let url = HTMLEscaping.href(ExportRecords.address(entry.page.path, config))
            return Slide(
                start: DateObject(start, display: display), end: end.map { DateObject($0, display: nil) },
                headline: entry.title,
                text: "<p>\(HTMLEscaping.text(display)) · <a href=\"\(url)\">\(page)</a></p>",
                id: "\(entry.page.kind.rawValue)-\(entry.page.slug)-\(index)")
        }
        // One era a period, spanning the best-estimate years of its entries.
        let eras = timeline.periods.compactMap { period -> Slide? in
            var first = Int.max
            var last = Int.min
            for year in period.years {
                for entry in year.entries {
                    first = min(first, entry.date.estimatedYear)
                    last = max(last, entry.date.estimatedYear)
                }
            }
            guard first <= last else { return nil }
            return Slide(start: DateObject(year: first), end: DateObject(year: last), headline: period.label)
        }
        let title = Slide(
            headline: config.title, text: config.description.isEmpty ? nil : config.description)
        JSONWriter.document(into: sink) { json in
            json.object {
                $0.field("eras") { $0.array(eras) { $1.write(to: &$0) } }
                $0.field("events") { $0.array(events) { $1.write(to: &$0) } }
                $0.field("title") { title.write(to: &$0) }
            }
        }
    }
}
