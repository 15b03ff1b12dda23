/// What a resolve stage produced, kept so the next one can take each part as it is when nothing
/// that part is made from has changed: a page's resolved body when neither its file nor anything
/// its links could point to changed; the cross-references, backlinks, timeline and relations
/// index when no page changed what they are made of.
struct ResolveMemory: Sendable {
    /// One page with its links resolved, and what resolving found.
    struct Entry: Sendable {
        /// The page as resolved; its `sourceHash` is that of the file it was resolved from.
        var page: Page
        var linkedPages: Set<PageID>
        var diagnostics: [Diagnostic]
    }

    /// What every link of the site could resolve to when the entries were made: each page's
    /// file, address and headings, the drafts and failed files, the site's root.
    var targets: UInt64 = 0
    /// Each page's entry, in the site's page order (`entryIDs`).
    var entries: [Entry] = []
    var entryIDs: [PageID] = []
    /// The table links were resolved against, and the `targets` it was made for.
    var linkTargets: (targets: UInt64, table: LinkTargets)?
    /// The home page as resolved, and the targets it was resolved against.
    var home: (page: HomeText, targets: UInt64, diagnostics: [Diagnostic])?
    /// The cross-references (both directions), kept only when they had no errors, and a
    /// fingerprint of what they were made from (every page's id and `topics:`/`countries:`).
    var related: (source: UInt64, value: [PageID: [PageID]])?
    var backlinks: [PageID: [PageID]] = [:]
    /// Names `backlinks`: a new one each time they are gathered anew (`Site.backlinksVersion`).
    var backlinksVersion: UInt64 = 0
    var timeline: Timeline?
    var relationsIndex: RelationsIndex?
    /// The search index, and each page's words, reused while their bodies are the same.
    var search: SearchIndex?
    var searchWords = SearchIndex.Memory()
    /// The site's tables of its pages, reused while the pages are the same.
    var siteTables: Site.Tables?

    /// A fingerprint of what links can resolve to: two sites with the same one resolve every
    /// link of the same body alike.
    static func targets(
        pages: [Page], home: HomeText?, draftFiles: Set<String>, failedFiles: Set<String>, root: String
    ) -> UInt64 {
        var hash = StableHash()
        hash.combine(root)
        for page in pages { hash.combine(page.parts.targets) }
        for heading in home?.body.headings ?? [] { hash.combine(heading.id) }
        hash.combine(home == nil ? 0 : 1)
        for file in draftFiles.sorted() { hash.combine(file) }
        hash.combine(UInt8(1))
        for file in failedFiles.sorted() { hash.combine(file) }
        return hash.value
    }

    /// What links to `page` can resolve to: its file, address and headings.
    static func targetSource(of page: Page) -> UInt64 {
        var hash = StableHash()
        hash.combine(page.file)
        hash.combine(page.id.path)
        for heading in page.body.headings { hash.combine(heading.id) }
        return hash.value
    }

    /// A fingerprint of what the cross-references are made from.
    static func relatedSource(of pages: [Page]) -> UInt64 {
        var hash = StableHash()
        for page in pages { hash.combine(page.parts.related) }
        return hash.value
    }

    /// What the cross-references take from `page`: its id and its `topics:`/`countries:`.
    static func relatedSource(of page: Page) -> UInt64 {
        var hash = StableHash()
        hash.combine(page.id.description)
        for reference in page.related { hash.combine(reference.slug) }
        return hash.value
    }
}
