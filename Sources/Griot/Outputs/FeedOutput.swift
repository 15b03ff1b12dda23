/// `feed.xml`: an Atom feed of the most recently changed pages, newest first. Written only when
/// `base_url` is absolute, since a feed's addresses must be.
struct FeedOutput: SiteOutput {
    /// How many pages the feed lists: readers want what changed lately, not the whole site.
    static let length = 50

    var path: String { "feed.xml" }

    func inputs(in site: Site) -> Set<SiteInput> {
        var inputs: Set<SiteInput> = [.config]
        var days: [(id: PageID, day: String?)] = []
        for kind in PageKind.allCases {
            inputs.insert(.pageList(kind))
            for id in site.ids(kind) {
                inputs.insert(.page(id, .updated))
                days.append((id, site.page(id)?.updated))
            }
        }
        // Which pages are listed follows from the days, declared above.
        for page in Self.newest(days) { inputs.formUnion([.page(page.id, .title), .page(page.id, .summary)]) }
        return inputs
    }

    /// The `length` most recently changed pages, newest first (then by id, so the order is total).
    static func newest(_ pages: [(id: PageID, day: String?)]) -> [(id: PageID, day: String)] {
        Array(
            pages.map { (id: $0.id, day: $0.day ?? "1970-01-01") }
                .sorted { ($0.day, $1.id) > ($1.day, $0.id) }
                .prefix(length))
    }

    func render(_ reader: SiteReader) -> String {
        let config = reader.config
        guard let home = config.absoluteURL(of: ""), let feed = config.absoluteURL(of: path) else { return "" }
        let pages = Self.newest(PageKind.allCases.flatMap { reader.pages($0) }.map { ($0, reader.updated(of: $0)) })
        let escape = HTMLEscaping.text
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(config.language))">
              <title>\(escape(config.title))</title>

            """
        if !config.description.isEmpty { xml += "  <subtitle>\(escape(config.description))</subtitle>\n" }
        xml += """
              <link rel="self" type="application/atom+xml" href="\(escape(feed))"/>
              <link rel="alternate" type="text/html" href="\(escape(home))"/>
              <id>\(escape(home))</id>
              <updated>\(pages.first?.day ?? "1970-01-01")T00:00:00Z</updated>
              <generator>Griot</generator>

            """
        for page in pages {
            guard let address = config.absoluteURL(of: page.id.path) else { continue }
            xml += """
                  <entry>
                    <title>\(escape(reader.title(of: page.id) ?? page.id.slug))</title>
                    <link rel="alternate" type="text/html" href="\(escape(address))"/>
                    <id>\(escape(address))</id>
                    <updated>\(page.day)T00:00:00Z</updated>
                    <summary>\(escape(reader.summary(of: page.id) ?? ""))</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }
}
