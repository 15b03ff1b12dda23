/// The resolve stage: joins the loaded pages into a `Site`, checking every cross-reference and
/// link. All work is linear in the number of pages and links.
struct Resolver {
    /// Takes the loaded content over, so that each page's unresolved body is freed as soon as
    /// its resolved one replaces it: memory holds the site once, not twice.
    func resolve(_ content: consuming LoadedContent) -> (Site, [Diagnostic]) {
        var diagnostics = DiagnosticBag()
        let draftFiles = content.draftFiles
        var pages = content.pages
        content.pages = []
        pages.sort { $0.id < $1.id }
        let ids = Set(pages.map(\.id))
        let slugsByKind = Dictionary(grouping: pages, by: \.kind).mapValues { $0.map(\.slug) }
        var related: [PageID: Set<PageID>] = [:]
        for page in pages {
            let otherKind: PageKind = page.kind == .country ? .topic : .country
            let candidates = slugsByKind[otherKind] ?? []
            for reference in page.related {
                guard Slug.isValid(reference.slug) else {
                    diagnostics.error(
                        reference.location, "'\(reference.slug)' is not a slug",
                        hint: "name pages by their file name without '.md', in lowercase ASCII words joined by '-'")
                    continue
                }
                let target = PageID(otherKind, reference.slug)
                guard ids.contains(target) else {
                    let field = page.kind == .country ? "topics" : "countries"
                    // A draft left out, or a page whose own errors are reported already.
                    let file = ContentPath.file(of: target)
                    if draftFiles.contains(file) || content.failedFiles.contains(file) { continue }
                    diagnostics.error(
                        reference.location,
                        "'\(field)' names '\(reference.slug)', which has no page in \(ContentPath.folder(of: otherKind))/",
                        hint: nearest(reference.slug, in: candidates).map { "did you mean '\($0)'?" }
                            ?? "create \(file), or remove the slug")
                    continue
                }
                related[page.id, default: []].insert(target)
                related[target, default: []].insert(page.id)
            }
        }

        let linkResolver = LinkResolver(
            targets: LinkTargets(pages: pages, home: content.home), draftFiles: draftFiles,
            failedFiles: content.failedFiles)
        var backlinks: [PageID: Set<PageID>] = [:]
        let root = content.config.basePath
        // Each page's links resolve on their own, on all cores, a batch at a time so that few
        // pages have both bodies at once; the backlinks are gathered in order after each batch.
        let batch = 1024
        for start in stride(from: 0, to: pages.count, by: batch) {
            let range = start..<min(start + batch, pages.count)
            let resolved = Array(pages[range]).concurrentMap { page -> (MarkdownDocument, Set<PageID>, [Diagnostic]) in
                var bag = DiagnosticBag()
                let result = linkResolver.resolve(page.body, file: page.file, diagnostics: &bag)
                let body = page.body.resolvingLinks(result.destinations.map { $0.map { root + $0 } })
                return (body, Set(result.linkedPages), bag.all)
            }
            for (index, (body, linkedPages, pageDiagnostics)) in zip(range, resolved) {
                pages[index].body = body
                diagnostics.append(contentsOf: pageDiagnostics)
                for target in linkedPages where target != pages[index].id {
                    backlinks[target, default: []].insert(pages[index].id)
                }
            }
        }
        var home = content.home
        if let text = home {
            let result = linkResolver.resolve(text.body, file: ContentPath.home, diagnostics: &diagnostics)
            home?.body = text.body.resolvingLinks(result.destinations.map { $0.map { root + $0 } })
        }
        let site = Site(
            config: content.config, home: home, pages: pages,
            related: related.mapValues { $0.sorted() }, backlinks: backlinks.mapValues { $0.sorted() })
        return (site, diagnostics.all)
    }
}
