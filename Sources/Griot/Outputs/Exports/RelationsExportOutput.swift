/// The relations index as data: `relations.json` (with `relations.schema.json` beside it) or
/// `relations.csv` (RFC 4180: a header row, CRLF line ends, UTF-8), one country a record, by name.
struct RelationsExportOutput: StreamedOutput {
    enum Format { case json, csv }

    let format: Format

    var path: String { format == .json ? "relations.json" : "relations.csv" }

    func inputs(in site: Site) -> Set<SiteInput> { [.config, .relationsIndex] }

    func records(_ reader: SiteReader) -> some Sequence<ExportRecords.Relation> {
        let config = reader.config
        return reader.relationsIndex.byName.lazy.map { row in
            ExportRecords.Relation(
                country: row.name, slug: row.country.slug, url: ExportRecords.address(row.country.path, config),
                region: row.region, iso: row.iso, established: row.relation.established?.export,
                severed: row.relation.severed?.export, status: row.relation.status.rawValue)
        }
    }

    func render(_ reader: SiteReader, into sink: TextSink) {
        let records = records(reader)
        guard format == .csv else {
            return JSONWriter.document(into: sink) { json in
                json.object { $0.field("countries") { $0.array(records) { $1.write(to: &$0) } } }
            }
        }
        let header = [
            "country", "slug", "url", "region", "iso", "established", "established_lower", "established_upper",
            "severed", "severed_lower", "severed_upper", "status",
        ]
        var csv = CSV.row(header)
        for record in records {
            csv += CSV.row([
                record.country, record.slug, record.url, record.region ?? "", record.iso ?? "",
                record.established?.edtf ?? "", record.established?.lower ?? "", record.established?.upper ?? "",
                record.severed?.edtf ?? "", record.severed?.lower ?? "", record.severed?.upper ?? "", record.status,
            ])
            sink.takeIfFull(&csv)
        }
        sink.takeLast(csv)
    }
}

/// RFC 4180 rows.
enum CSV {
    /// One record: fields holding a comma, a quote or a line break are quoted, quotes doubled.
    static func row(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }
}
