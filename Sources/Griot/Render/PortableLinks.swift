/// Rewrites a page's links for a site opened from a folder (`file://`, a USB stick): every link to
/// the site itself becomes relative to the page and names a file, since no server turns a folder
/// into its `index.html` there. `/mali/countries/chad/#history` seen from `topics/g5/index.html`
/// becomes `../../countries/chad/index.html#history`.
struct PortableLinks {
    /// The base path the site was rendered with: `/` or `/mali/`.
    let basePath: String

    /// `html` of the output at `path` with its `href`, `src`, form `action` and refresh addresses
    /// made relative.
    func rewrite(_ html: String, at path: String) -> String {
        let depth = path.split(separator: "/", omittingEmptySubsequences: true).count - 1
        let up = String(repeating: "../", count: max(0, depth))
        var result = ""
        result.reserveCapacity(html.utf8.count + html.utf8.count / 16)
        var rest = Substring(html)
        // Attributes are always double-quoted in Griot's HTML, and quotes in text are escaped, so
        // these mark addresses only; `; url=` is an alias page's refresh.
        let markers = ["href=\"", "src=\"", "action=\"", "; url="]
        // The next place of each marker, searched again only once passed: one pass over the page
        // (a marker the page lacks is not searched for at every link).
        var next = markers.map { rest.range(of: $0) }
        while let found = next.compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) {
            result += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            let end = rest.firstIndex(of: "\"") ?? rest.endIndex
            result += relative(rest[..<end], up: up)
            rest = rest[end...]
            for (index, marker) in markers.enumerated() {
                if let range = next[index], range.lowerBound < rest.startIndex { next[index] = rest.range(of: marker) }
            }
        }
        result += rest
        return result
    }

    /// One address: unchanged unless it starts with the base path.
    private func relative(_ address: Substring, up: String) -> String {
        guard address.hasPrefix(basePath) else { return String(address) }
        var target = address.dropFirst(basePath.count)
        var suffix = ""
        if let mark = target.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(target[mark...])
            target = target[..<mark]
        }
        let file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : String(target)
        return up + file + suffix
    }
}
