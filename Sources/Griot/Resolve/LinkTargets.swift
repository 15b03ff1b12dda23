/// Where each content file lives on the site, and which anchors it has: the table that link
/// checking and rewriting look up.
struct LinkTargets: Sendable {
    struct Target: Sendable {
        /// The site-relative path of the page's folder: `countries/france/`, or `` for the home page.
        var path: String
        var anchors: Set<String>
        var page: PageID?
    }

    private var byFile: [String: Target] = [:]

    init(pages: [Page], home: HomeText?) {
        for page in pages {
            byFile[page.file] = Target(path: page.id.path, anchors: Set(page.body.headings.map(\.id)), page: page.id)
        }
        if let home {
            byFile[ContentPath.home] = Target(path: "", anchors: Set(home.body.headings.map(\.id)), page: nil)
        }
    }

    func target(forFile file: String) -> Target? { byFile[file] }

    /// Resolves `relative` against the folder of `file`: `content/countries/x.md` + `../topics/y.md`
    /// → `content/topics/y.md`. Returns nil when the path climbs out of the site.
    static func join(_ file: String, _ relative: String) -> String? {
        // A file in the same folder (`france.md`), the most common link: the file's folder and
        // the name, when the file's path is plain (no leading, doubled or trailing slash).
        let slash = UInt8(ascii: "/")
        if !relative.isEmpty, relative != ".", relative != "..", !relative.utf8.contains(slash),
            let last = file.utf8.lastIndex(of: slash), file.utf8.first != slash, file.utf8.last != slash,
            !zip(file.utf8, file.utf8.dropFirst()).contains(where: { $0 == slash && $1 == slash })
        {
            return String(file[...last]) + relative
        }
        return joinByParts(file, relative)
    }

    /// `join` one part at a time, for any path: the parts are runs of the two paths' UTF-8, and
    /// the result is made once.
    static func joinByParts(_ file: String, _ relative: String) -> String? {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var parts = Array(file.utf8.split(separator: slash).dropLast())
        for part in relative.utf8.split(separator: slash) {
            if part.count == 1, part.first == dot { continue }
            if part.count == 2, part.allSatisfy({ $0 == dot }) {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        var joined: [UInt8] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { joined.append(slash) }
            joined.append(contentsOf: part)
        }
        return String(decoding: joined, as: UTF8.self)
    }
}
