/// `search/pages/<bundle>.js`: what a search result or a link preview shows of the pages of one
/// bundle (`SearchBundles`): for each, its title, address, summary and the text of each section,
/// loaded only when one of them is among the results shown.
struct SearchPageOutput: BytesOutput {
    let bundle: Int

    var path: String { "search/pages/\(bundle).js" }

    func inputs(in site: Site) -> Set<SiteInput> {
        Set(site.tables.searchBundles[bundle].map { .page($0, .all) }).union([.searchBundle(bundle)])
    }

    func bytes(_ reader: SiteReader) -> [UInt8] {
        JSONWriter.compactBytes { json in
            for id in reader.searchBundle(bundle) {
                guard let page = reader.page(id) else { continue }
                let body = page.body
                let sections = body.sections
                json.verbatim("griotSearch.page(")
                json.string(id.description)
                json.verbatim(", ")
                json.object {
                    $0.field("title", page.title)
                    $0.field("url", id.path)
                    $0.field("kind", id.kind.rawValue)
                    $0.field("summary", page.summary)
                    $0.field("sections") {
                        $0.array(sections.indices) { json, index in
                            json.object {
                                $0.field("heading", index == 0 ? "" : body.headings[index - 1].text)
                                $0.field("id", index == 0 ? "" : body.headings[index - 1].id)
                                $0.field("text", sections[index])
                            }
                        }
                    }
                }
                json.verbatim(");\n")
            }
        }
    }
}
