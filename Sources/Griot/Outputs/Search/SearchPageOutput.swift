/// `search/pages/<kind>/<slug>.js`: what a search result shows of one page: its title, address,
/// summary and the text of each section, loaded only when the page is among the results shown.
struct SearchPageOutput: SiteOutput {
    let id: PageID

    var path: String { "search/pages/\(id.description).js" }

    func inputs(in site: Site) -> Set<SiteInput> { [.page(id, .all)] }

    func render(_ reader: SiteReader) -> String {
        guard let page = reader.page(id) else { return "" }
        let body = page.body
        let json = JSONWriter.compact { json in
            json.object {
                $0.field("title", page.title)
                $0.field("url", id.path)
                $0.field("kind", id.kind.rawValue)
                $0.field("summary", page.summary)
                $0.field("sections") {
                    $0.array(body.sections.indices) { json, index in
                        json.object {
                            $0.field("heading", index == 0 ? "" : body.headings[index - 1].text)
                            $0.field("id", index == 0 ? "" : body.headings[index - 1].id)
                            $0.field("text", body.sections[index])
                        }
                    }
                }
            }
        }
        return "griotSearch.page(\(JSONWriter.compact { $0.string(id.description) }), \(json));\n"
    }
}
