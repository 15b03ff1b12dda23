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
        var parts = file.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
