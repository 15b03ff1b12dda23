/// How the search entries of the pages (what a result or a link preview shows of each) are
/// bundled a few to a file, so that a large site is not twice as many files as pages: creating
/// a file costs more than writing one.
///
/// A page's bundle is a hash of its key (`countries/mali`) cut to the bundle count, a power of
/// two the search manifest gives, so the browser finds it without a table: FNV-1a (32 bits) over
/// the key's UTF-8, its low bits. Editing a page changes only its bundle; adding or removing one
/// changes one bundle, unless it doubles or halves the count.
enum SearchBundles {
    /// Pages per bundle, on average, that the bundle count aims at.
    static let pagesPerBundle = 8

    /// The number of bundles for a site of `pageCount` pages: the least power of two that keeps
    /// them at `pagesPerBundle` pages or fewer on average.
    static func count(forPages pageCount: Int) -> Int {
        var count = 1
        while count * pagesPerBundle < pageCount { count *= 2 }
        return count
    }

    /// The bundle of page `id` among `count` (a power of two).
    static func bundle(of id: PageID, count: Int) -> Int {
        Int(fnv1a(id.description) & UInt32(count - 1))
    }

    /// The pages of each bundle, in the order of `ids`.
    static func members(of ids: [PageID]) -> [[PageID]] {
        let count = count(forPages: ids.count)
        var members = [[PageID]](repeating: [], count: count)
        for id in ids { members[bundle(of: id, count: count)].append(id) }
        return members
    }

    /// FNV-1a, 32 bits, over the UTF-8 of `text` (as `search.js` computes it).
    static func fnv1a(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811c_9dc5
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }
}
