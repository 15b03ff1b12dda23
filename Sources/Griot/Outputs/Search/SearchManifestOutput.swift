/// `search/index.js`: the search index's manifest, the list of its shards and the number of
/// bundles of page entries, which the browser loads when the search box is first used. A script,
/// not JSON, so that it loads from `file://`.
struct SearchManifestOutput: SiteOutput {
    var path: String { "search/index.js" }

    func inputs(in site: Site) -> Set<SiteInput> { Set(PageKind.allCases.map { .pageList($0) }).union([.searchKeys]) }

    func render(_ reader: SiteReader) -> String {
        let count = PageKind.allCases.reduce(0) { $0 + reader.pages($1).count }
        let keys = reader.searchKeys
        let json = JSONWriter.compact { json in
            json.object {
                $0.field("version", 2)
                $0.field("pages", count)
                $0.field("bundles", SearchBundles.count(forPages: count))
                $0.field("keys") { $0.array(keys) { $0.string($1) } }
            }
        }
        return "griotSearch.index(\(json));\n"
    }
}
