/// `search/terms/<key>.js`: the words of one shard with their postings.
struct SearchShardOutput: BytesOutput {
    let key: String

    var path: String { "search/terms/\(SearchText.fileName(ofKey: key)).js" }

    func inputs(in site: Site) -> Set<SiteInput> { [.searchShard(key)] }

    func bytes(_ reader: SiteReader) -> [UInt8] {
        guard let shard = reader.searchShard(key) else { return [] }
        return JSONWriter.compactBytes { json in
            json.verbatim("griotSearch.terms(")
            json.string(shard.key)
            json.verbatim(", ")
            json.object {
                $0.field("common") { $0.array(shard.common) { $0.string($1) } }
                $0.field("pages") { $0.array(shard.pages) { $0.string($1.description) } }
                $0.field("terms") {
                    $0.object {
                        for (word, postings) in shard.words {
                            $0.field(word) { $0.array(postings) { $0.number(Int($1)) } }
                        }
                    }
                }
            }
            json.verbatim(");\n")
        }
    }
}
