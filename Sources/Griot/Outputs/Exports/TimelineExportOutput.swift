/// `timeline.json`: every entry of the timeline, in its order, with its date in EDTF and as ISO
/// bounds, the page it comes from and that page's address.
struct TimelineExportOutput: StreamedOutput {
    var path: String { "timeline.json" }

    func inputs(in site: Site) -> Set<SiteInput> { [.config, .timeline] }

    func render(_ reader: SiteReader, into sink: TextSink) {
        let config = reader.config
        let entries = reader.untilStopped(reader.timeline.entries).lazy.map { entry in
            ExportRecords.TimelineEntry(
                date: entry.date.export, display: entry.date.displayText, title: entry.title,
                kind: ExportRecords.kind(entry.kind), page: entry.page.description,
                url: ExportRecords.address(entry.page.path, config))
        }
        JSONWriter.document(into: sink) { json in
            json.object { $0.field("entries") { $0.array(entries) { $1.write(to: &$0) } } }
        }
    }
}
