/// Checks the links of one Markdown body and decides what each becomes in HTML.
struct LinkResolver {
    let targets: LinkTargets
    /// Files that exist but are drafts left out of this build.
    let draftFiles: Set<String>
    /// Files that exist but failed to load; links to them are not reported again.
    let failedFiles: Set<String>

    /// The resolved links of a body: for each link, its new site-relative destination (nil to keep
    /// it as written), plus the pages it links to.
    struct Result {
        var destinations: [String?] = []
        var linkedPages: [PageID] = []
        /// For each link, the page it leads to, when it leads to one.
        var pages: [PageID?] = []
    }

    func resolve(_ document: MarkdownDocument, file: String, diagnostics: inout DiagnosticBag) -> Result {
        var result = Result(
            destinations: Array(repeating: nil, count: document.links.count),
            pages: Array(repeating: nil, count: document.links.count))
        // Made at the first link to an anchor of this page, if any.
        var anchors: Set<String>?
        for (index, link) in document.links.enumerated() {
            switch link.target {
            case .external, .other:
                break
            case .unsafe(let scheme):
                diagnostics.report(
                    .unsafeLink,
                    link.location, "unsafe \(scheme): link '\(link.destination)'",
                    hint: "links may use http, https, mailto or a relative path; '\(scheme):' is refused")
            case .anchor(let anchor):
                let ownAnchors = anchors ?? Set(document.headings.map(\.id))
                anchors = ownAnchors
                if !ownAnchors.contains(anchor) {
                    diagnostics.report(
                        .missingHeading,
                        link.location, "link to a missing heading '#\(anchor)' on this page",
                        hint: hint(for: anchor, among: ownAnchors))
                }
            case .contentFile(let path, let anchor):
                let joined = LinkTargets.join(file, path)
                guard let target = joined.flatMap(targets.target(forFile:)) else {
                    if let joined, failedFiles.contains(joined) { continue }
                    if let joined, draftFiles.contains(joined) {
                        diagnostics.report(
                            .linkToDraft,
                            link.location, "link to '\(path)', a draft left out of this build",
                            hint: "build with --drafts, or publish that page by removing 'draft: true'")
                    } else {
                        diagnostics.report(
                            .missingPage,
                            link.location, "link to a missing page '\(path)'",
                            hint:
                                "link other pages by their file, relative to this one: '../topics/g5-sahel.md' or 'france.md'"
                        )
                    }
                    continue
                }
                if let anchor, !anchor.isEmpty, !target.anchors.contains(anchor) {
                    diagnostics.report(
                        .missingHeading,
                        link.location, "link to a missing heading '#\(anchor)' in '\(path)'",
                        hint: hint(for: anchor, among: target.anchors))
                }
                result.destinations[index] = target.path + (anchor.map { $0.isEmpty ? "" : "#\($0)" } ?? "")
                if let page = target.page {
                    result.linkedPages.append(page)
                    result.pages[index] = page
                }
            }
        }
        return result
    }

    private func hint(for anchor: String, among anchors: Set<String>) -> String {
        if let close = nearest(anchor, in: anchors.sorted()) { return "did you mean '#\(close)'?" }
        if anchors.isEmpty { return "that page has no headings to link to" }
        return "headings there: " + anchors.sorted().prefix(8).map { "#\($0)" }.joined(separator: ", ")
    }
}
