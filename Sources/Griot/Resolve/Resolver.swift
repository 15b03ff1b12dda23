/// The resolve stage: joins the loaded pages into a `Site`, checking every cross-reference and
/// link. All work is linear in the number of pages and links.
struct Resolver {
    /// Takes the loaded content over, so that each page's unresolved body is freed as soon as
    /// its resolved one replaces it: memory holds the site once, not twice. What `previous` holds
    /// from the build before is reused where it still holds; what this build resolved is returned.
    /// `remembers`: the returned memory is kept for a next build (a preview's), which can then
    /// change single words of the search index. Else it is returned empty, so that what only a
    /// next build needs (the table of link targets, each page's linked pages) is freed before the
    /// site is rendered.
    func resolve(
        _ content: consuming LoadedContent, reusing previous: consuming ResolveMemory = ResolveMemory(),
        remembers: Bool = false
    ) -> (Site, [Diagnostic], ResolveMemory) {
        var diagnostics = DiagnosticBag()
        var memory = ResolveMemory()
        let draftFiles = content.draftFiles
        let failedFiles = content.failedFiles
        var pages = content.pages
        content.pages = []
        pages.sort { $0.id < $1.id }

        let relatedSource = ResolveMemory.relatedSource(of: pages)
        let related: [PageID: [PageID]]
        if let kept = previous.related, kept.source == relatedSource {
            related = kept.value
            memory.related = kept
        } else {
            var bag = DiagnosticBag()
            related = crossReferences(of: pages, draftFiles: draftFiles, failedFiles: failedFiles, diagnostics: &bag)
            diagnostics.append(contentsOf: bag.all)
            // Kept only when clean: errors carry positions, which move when the file changes.
            if bag.all.isEmpty { memory.related = (relatedSource, related) }
        }

        let root = content.config.basePath
        memory.targets = ResolveMemory.targets(
            pages: pages, home: content.home, draftFiles: draftFiles, failedFiles: failedFiles, root: root)
        let targets = memory.targets
        let keptHome = previous.home.flatMap {
            $0.targets == targets && $0.page.sourceHash == content.home?.sourceHash ? $0 : nil
        }
        let ids = pages.map(\.id)
        // The same pages as the last build: its tables, and its entries by place.
        let keptTables = previous.siteTables.flatMap { $0.ids == ids ? $0 : nil }
        let tables = keptTables ?? Site.Tables(ids: ids)
        // Each page's entry of the last build, found by place while the pages are the same (the
        // entries are then taken over and changed where they are), else by id; and the pages
        // whose bodies are resolved again: those without an entry from the same file and targets.
        let aligned = keptTables != nil && previous.entryIDs.count == ids.count
        var entries: [ResolveMemory.Entry] = []
        var found: [Bool] = []
        if aligned {
            swap(&entries, &previous.entries)
        } else {
            let byID = Dictionary(uniqueKeysWithValues: zip(previous.entryIDs, previous.entries))
            previous.entries = []
            entries.reserveCapacity(pages.count)
            found.reserveCapacity(pages.count)
            for (id, page) in zip(ids, pages) {
                let entry = byID[id]
                found.append(entry != nil)
                entries.append(entry ?? ResolveMemory.Entry(page: page, linkedPages: [], diagnostics: []))
            }
        }
        let sameTargets = targets == previous.targets
        let stale = pages.indices.filter { index in
            !sameTargets || !(aligned || found[index]) || entries[index].page.sourceHash != pages[index].sourceHash
        }
        // The table of targets is built only when some body is to be resolved, and only once
        // for as long as what links can point to stays the same.
        let resolvesSome = !stale.isEmpty || (keptHome == nil && content.home != nil)
        let keptTargets = previous.linkTargets.flatMap { $0.targets == targets ? $0.table : nil }
        let table = resolvesSome ? keptTargets ?? LinkTargets(pages: pages, home: content.home) : keptTargets
        memory.linkTargets = table.map { (targets, $0) }
        let linkResolver = LinkResolver(
            targets: table ?? LinkTargets(pages: [], home: nil), draftFiles: draftFiles, failedFiles: failedFiles)

        // Whether any page links to other pages than it did: the backlinks are then gathered anew.
        var linksChanged = previous.entryIDs.count != pages.count
        // Each page's links resolve on their own, on all cores, a batch at a time so that few
        // pages have both bodies at once.
        let batch = 1024
        for start in stride(from: 0, to: stale.count, by: batch) {
            let chunk = stale[start..<min(start + batch, stale.count)]
            let resolved = chunk.map { ($0, pages[$0]) }.concurrentMap { (index, page) -> ResolveMemory.Entry in
                var bag = DiagnosticBag()
                let result = linkResolver.resolve(page.body, file: page.file, diagnostics: &bag)
                var resolved = page
                resolved.body = page.body.resolvingLinks(result.destinations.map { $0.map { root + $0 } })
                for (link, target) in zip(page.body.links, result.pages) {
                    if let target, target != page.id, resolved.linkContexts[target] == nil, let context = link.context {
                        resolved.linkContexts[target] = context
                    }
                }
                var fingerprint = StableHash()
                fingerprint.combine(page.sourceHash)
                // The body's HTML follows from its file and its links' addresses: hashed without
                // being made.
                for address in resolved.body.resolvedAddresses { fingerprint.combine(address) }
                resolved.bodyFingerprint = fingerprint.value
                return ResolveMemory.Entry(page: resolved, linkedPages: Set(result.linkedPages), diagnostics: bag.all)
            }
            for (index, entry) in zip(chunk, resolved) {
                if !linksChanged, !(aligned || found[index]) || entries[index].linkedPages != entry.linkedPages {
                    linksChanged = true
                }
                pages[index] = entry.page
                entries[index] = entry
            }
        }
        for index in pages.indices {
            // Not part of the file: the day of its last commit may have moved since.
            if entries[index].page.updated != pages[index].updated {
                entries[index].page.updated = pages[index].updated
            }
            pages[index] = entries[index].page
            diagnostics.append(contentsOf: entries[index].diagnostics)
        }
        memory.entries = entries
        memory.entryIDs = tables.ids
        memory.backlinksVersion = linksChanged ? UInt64.random(in: 1 ... .max) : previous.backlinksVersion

        var home = content.home
        if let kept = keptHome {
            home = kept.page
            diagnostics.append(contentsOf: kept.diagnostics)
            memory.home = kept
        } else if let text = home {
            var bag = DiagnosticBag()
            let result = linkResolver.resolve(text.body, file: ContentPath.home, diagnostics: &bag)
            home?.body = text.body.resolvingLinks(result.destinations.map { $0.map { root + $0 } })
            diagnostics.append(contentsOf: bag.all)
            memory.home = (home!, targets, bag.all)
        }
        // The site-wide tables, each kept from the build before when nothing it is made from has
        // changed. They do not depend on one another: the timeline and the backlinks are made on
        // one thread each while the search index, itself spread over the cores, takes the rest.
        var madeTimeline: Timeline? = nil
        var madeRelationsIndex: RelationsIndex? = nil
        var madeSearch: SearchIndex? = nil
        var madeBacklinks = linksChanged ? [:] : previous.backlinks
        var searchWords = previous.searchWords
        previous.searchWords = SearchIndex.Memory()
        let (previousTimeline, previousRelations, previousSearch) =
            (previous.timeline, previous.relationsIndex, previous.search)
        // Each task writes only its own variables.
        WorkerPool.shared.perform(iterations: 3) { task in
            switch task {
            case 0:
                madeTimeline =
                    previousTimeline.flatMap { $0.fingerprint == Timeline.source(of: pages) ? $0 : nil }
                    ?? Timeline(pages: pages)
                madeRelationsIndex =
                    previousRelations.flatMap { $0.fingerprint == RelationsIndex.source(of: pages) ? $0 : nil }
                    ?? RelationsIndex(pages: pages)
            case 1:
                if linksChanged { madeBacklinks = backlinks(of: pages, entries: entries) }
            default:
                madeSearch = SearchIndex(
                    pages: pages, reusing: previousSearch, memory: &searchWords, keeping: remembers)
            }
        }
        memory.backlinks = madeBacklinks
        memory.searchWords = searchWords
        let (timeline, relationsIndex, search) = (madeTimeline!, madeRelationsIndex!, madeSearch!)
        memory.timeline = timeline
        memory.relationsIndex = relationsIndex
        memory.search = search
        var site = Site(
            config: content.config, home: home, pages: pages, related: related, backlinks: memory.backlinks,
            timeline: timeline, relationsIndex: relationsIndex, search: search,
            tables: tables)
        memory.siteTables = tables
        // Cross-references made with problems may depend on more than their source: not named.
        site.relatedVersion = memory.related != nil ? relatedSource : nil
        site.backlinksVersion = memory.backlinksVersion
        checkAliases(of: site, diagnostics: &diagnostics)
        return (site, diagnostics.all, remembers ? memory : ResolveMemory())
    }

    /// An alias may not take the address of another output (a page, an index, an export), of
    /// the assets, or of another alias.
    private func checkAliases(of site: Site, diagnostics: inout DiagnosticBag) {
        guard site.pages.contains(where: { !$0.aliases.isEmpty }) else { return }
        var owners: [String: String] = [:]
        for output in OutputGraph(site: site, aliases: false).outputs {
            let page = (output as? PageOutput).map { "the page \(ContentPath.file(of: $0.id))" }
            owners[output.path] = page ?? "/" + output.path
        }
        for page in site.pages {
            for alias in page.aliases {
                // A folder where another output is a file (`/sitemap.xml/`) takes its address too.
                let folders = alias.file.split(separator: "/").dropLast().indices.map {
                    alias.file.split(separator: "/")[...$0].joined(separator: "/")
                }
                let owner =
                    alias.path.hasPrefix("assets/")
                    ? "the site's assets" : owners[alias.file] ?? folders.lazy.compactMap { owners[$0] }.first
                guard let owner else {
                    owners[alias.file] = "an alias of \(page.file)"
                    continue
                }
                diagnostics.report(
                    .aliasTaken,
                    alias.location, "the alias '/\(alias.path)' is already the address of \(owner)",
                    hint: "an alias is an old address no page uses any more; remove it, or give it another")
            }
        }
    }

    /// The pages each page is related to through `topics:`/`countries:`, both directions merged
    /// and sorted; a slug naming no page is an error (unless it names a draft or a failed file).
    private func crossReferences(
        of pages: [Page], draftFiles: Set<String>, failedFiles: Set<String>, diagnostics: inout DiagnosticBag
    ) -> [PageID: [PageID]] {
        let ids = Set(pages.map(\.id))
        var slugsByKind: [PageKind: [String]] = [:]
        for page in pages { slugsByKind[page.kind, default: []].append(page.slug) }
        var related: [PageID: Set<PageID>] = [:]
        for page in pages {
            let otherKind: PageKind = page.kind == .country ? .topic : .country
            let candidates = slugsByKind[otherKind] ?? []
            for reference in page.related {
                guard Slug.isValid(reference.slug) else {
                    diagnostics.report(
                        .referenceNotSlug,
                        reference.location, "'\(reference.slug)' is not a slug",
                        hint: "name pages by their file name without '.md', in lowercase ASCII words joined by '-'")
                    continue
                }
                let target = PageID(otherKind, reference.slug)
                guard ids.contains(target) else {
                    let field = page.kind == .country ? "topics" : "countries"
                    // A draft left out, or a page whose own errors are reported already.
                    let file = ContentPath.file(of: target)
                    if draftFiles.contains(file) || failedFiles.contains(file) { continue }
                    diagnostics.report(
                        .unknownReference,
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
        return related.mapValues { $0.sorted() }
    }

    /// For each page, the pages whose bodies link to it, sorted.
    private func backlinks(of pages: [Page], entries: [ResolveMemory.Entry]) -> [PageID: [PageID]] {
        var backlinks: [PageID: Set<PageID>] = [:]
        for (page, entry) in zip(pages, entries) {
            for target in entry.linkedPages where target != page.id {
                backlinks[target, default: []].insert(page.id)
            }
        }
        return backlinks.mapValues { $0.sorted() }
    }
}
