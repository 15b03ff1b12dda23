/// The site's search index: every word of every page's title, summary, headings and text, with
/// where it occurs and how much it weighs, cut into shards by the word's first letters so that a
/// browser downloads only the shards a query needs.
///
/// A page's words are kept per page (`PageWords`) and reused while the page's file and resolved
/// body are the same, so a preview rebuild reads again only the pages that changed.
public struct SearchIndex: Sendable {
    /// Where a word occurs in one page: a section (0 is the page's top: title, summary and the text
    /// before the first heading; `i` is the text under the `i`-th heading) and its weight there.
    struct Occurrence: Sendable, Hashable {
        var section: Int32
        var weight: Int32
    }

    /// One page's words, sorted by their UTF-8 bytes, each with its occurrences.
    struct PageWords: Sendable {
        var id: PageID
        /// The page's `bodyFingerprint` when its words were read.
        var source: UInt64
        var words: [String]
        /// The occurrences of `words[i]` are `occurrences[starts[i]..<starts[i + 1]]`, by section.
        var starts: [Int32]
        var occurrences: [Occurrence]
        /// For each word, the part of the index it is built in (`SearchIndex.partition(of:)`).
        var partitions: [UInt8]

        func occurrences(ofWordAt index: Int) -> ArraySlice<Occurrence> {
            occurrences[Int(starts[index])..<Int(starts[index + 1])]
        }
    }

    /// The words of one shard and the pages they occur in.
    public struct Shard: Sendable {
        /// The shard's key: the words' first two (or three) characters.
        public var key: String
        /// The pages its postings point into.
        var pages: [PageID]
        /// Each word with its postings: flat triples of page index (into `pages`), section, weight.
        var words: [(word: String, postings: [Int32])]
        /// The words found in so many places that only the `postingLimit` of most weight are
        /// listed: a query does not require them (as other engines treat "the").
        var common: [String]
        var fingerprint: UInt64
    }

    /// Weights, so that title matches rank first, then headings, then the summary, then the text.
    static let titleWeight: Int32 = 10
    static let headingWeight: Int32 = 6
    static let summaryWeight: Int32 = 4
    static let textWeightLimit: Int32 = 3
    /// A shard larger than this (in bytes, as written) is cut by the next letter of its words.
    static let shardLimit = 48_000
    /// Keys are at most this many characters: a shard is not cut further.
    static let maxKeyLength = 4
    /// At most this many occurrences are listed for one word: a first query downloads a few
    /// shards, and a word on every page would otherwise fill its shard at 10,000 pages.
    static let postingLimit = 400

    let pages: [PageWords]
    /// Every shard by key.
    public let shards: [String: Shard]
    /// Every key, sorted.
    public let keys: [String]
    /// A fingerprint of the keys.
    let keysFingerprint: UInt64

    /// The index of `pages`, reading again only the pages `previous` does not hold as they are,
    /// and building again only the parts of the index whose words changed.
    init(pages: [Page], reusing previous: SearchIndex? = nil) {
        var known: [PageID: PageWords] = [:]
        for words in previous?.pages ?? [] { known[words.id] = words }
        let kept = known
        self.pages = pages.concurrentMap { page in
            if let words = kept[page.id], words.source == page.bodyFingerprint { return words }
            return Self.words(of: page)
        }
        guard let previous else {
            (shards, keys) = Self.shards(of: self.pages)
            keysFingerprint = Self.fingerprint(keys)
            return
        }
        // A part is built again when a word in it gained, lost or changed an occurrence. The
        // others keep their shards: a shard lists pages by id, in the pages' order, which adding
        // or removing other pages does not change.
        var dirty = Set<Int>()
        var current = Set<PageID>()
        for page in self.pages {
            current.insert(page.id)
            guard let old = known[page.id] else {
                dirty.formUnion(page.partitions.map(Int.init))
                continue
            }
            if old.source != page.source { dirty.formUnion(Self.changedPartitions(old, page)) }
        }
        for old in previous.pages where !current.contains(old.id) { dirty.formUnion(old.partitions.map(Int.init)) }
        let words = self.pages
        let rebuilt = Array(dirty).concurrentMap { Self.shards(of: words, part: $0) }
        var all = previous.shards.filter { !dirty.contains(Self.partition(of: $0.key)) }
        for part in rebuilt { all.merge(part) { first, _ in first } }
        shards = all
        keys = all.keys.sorted()
        keysFingerprint = Self.fingerprint(keys)
    }

    private static func fingerprint(_ keys: [String]) -> UInt64 {
        var hash = StableHash()
        for key in keys { hash.combine(key) }
        return hash.value
    }

    /// The parts holding a word whose occurrences differ between two readings of a page.
    private static func changedPartitions(_ old: PageWords, _ new: PageWords) -> Set<Int> {
        var changed = Set<Int>()
        var i = 0
        var j = 0
        while i < old.words.count || j < new.words.count {
            if j == new.words.count
                || (i < old.words.count && old.words[i].utf8.lexicographicallyPrecedes(new.words[j].utf8))
            {
                changed.insert(Int(old.partitions[i]))
                i += 1
            } else if i == old.words.count || new.words[j].utf8.lexicographicallyPrecedes(old.words[i].utf8) {
                changed.insert(Int(new.partitions[j]))
                j += 1
            } else {
                if old.occurrences(ofWordAt: i) != new.occurrences(ofWordAt: j) {
                    changed.insert(Int(new.partitions[j]))
                }
                i += 1
                j += 1
            }
        }
        return changed
    }

    /// The words of one page with their weighted occurrences.
    static func words(of page: Page) -> PageWords {
        var tally = WordTally()
        tally.add(page.title, role: .title, section: 0)
        tally.add(page.summary, role: .summary, section: 0)
        let body = page.body
        for (index, text) in body.sections.enumerated() {
            if index > 0 { tally.add(body.headings[index - 1].text, role: .heading, section: Int32(index)) }
            tally.add(text, role: .text, section: Int32(index))
        }
        let (words, starts, occurrences) = tally.finish()
        return PageWords(
            id: page.id, source: page.bodyFingerprint, words: words, starts: starts, occurrences: occurrences,
            partitions: words.map { UInt8(partition(of: $0)) })
    }

    /// The shards: words grouped by their first two characters; a group too large is cut by the
    /// third character, and so on up to the fourth. A shard whose key was cut keeps the words no
    /// longer than its key.
    private static func shards(of pages: [PageWords]) -> ([String: Shard], [String]) {
        // Shards never share a two-letter prefix, so the words are split by it into parts built
        // on all cores, each reading every page's words but keeping only its own.
        let parts = Array(0..<partitions).concurrentMap { part in Self.shards(of: pages, part: part) }
        var all: [String: Shard] = [:]
        for part in parts { all.merge(part) { first, _ in first } }
        return (all, all.keys.sorted())
    }

    /// Parts the words are built in, by their first two characters.
    static let partitions = 16

    static func partition(of word: String) -> Int {
        var hash: UInt32 = 0
        for scalar in word.unicodeScalars.prefix(2) { hash = hash &* 31 &+ scalar.value }
        return Int(hash % UInt32(partitions))
    }

    private static func shards(of pages: [PageWords], part: Int) -> [String: Shard] {
        // word → flat (page, section, weight) triples, pages by their position in `pages`.
        var slots: [String: Int] = [:]
        var lists: [[Int32]] = []
        for (pageIndex, page) in pages.enumerated() {
            for (position, word) in page.words.enumerated() where page.partitions[position] == part {
                let slot: Int
                if let known = slots[word] {
                    slot = known
                } else {
                    slot = lists.count
                    slots[word] = slot
                    lists.append([])
                }
                for occurrence in page.occurrences(ofWordAt: position) {
                    lists[slot].append(Int32(pageIndex))
                    lists[slot].append(occurrence.section)
                    lists[slot].append(occurrence.weight)
                }
            }
        }
        var postings: [String: [Int32]] = [:]
        postings.reserveCapacity(slots.count)
        var common: Set<String> = []
        for (word, slot) in slots {
            if lists[slot].count > postingLimit * 3 {
                postings[word] = strongest(lists[slot])
                common.insert(word)
            } else {
                postings[word] = lists[slot]
            }
        }
        lists = []
        var groups: [String: [String]] = [:]
        for word in postings.keys { groups[SearchText.prefix(word, 2), default: []].append(word) }
        var shards: [String: Shard] = [:]
        var pending = Array(groups)
        while let (key, words) = pending.popLast() {
            // Words and postings, and the table of the pages they point into (a key each).
            var pagesPointedTo = Set<Int32>()
            var size = 0
            for word in words {
                let list = postings[word]!
                size += word.utf8.count + 6 + list.count * 4
                for index in stride(from: 0, to: list.count, by: 3) { pagesPointedTo.insert(list[index]) }
            }
            size += pagesPointedTo.count * 24
            let length = key.unicodeScalars.count
            guard size > shardLimit, length < maxKeyLength, words.contains(where: { $0.unicodeScalars.count > length })
            else {
                shards[key] = shard(key, words, postings, common, pages)
                continue
            }
            var cut: [String: [String]] = [key: []]
            for word in words {
                cut[word.unicodeScalars.count > length ? SearchText.prefix(word, length + 1) : key, default: []]
                    .append(word)
            }
            shards[key] = shard(key, cut.removeValue(forKey: key)!, postings, common, pages)
            pending += cut
        }
        return shards
    }

    /// The `postingLimit` occurrences of most weight, in page order.
    private static func strongest(_ list: [Int32]) -> [Int32] {
        let triples = stride(from: 0, to: list.count, by: 3).map { (list[$0], list[$0 + 1], list[$0 + 2]) }
        let kept = triples.enumerated().sorted { ($0.element.2, -$0.offset) > ($1.element.2, -$1.offset) }
            .prefix(postingLimit).sorted { $0.offset < $1.offset }
        return kept.flatMap { [$0.element.0, $0.element.1, $0.element.2] }
    }

    private static func shard(
        _ key: String, _ words: [String], _ postings: [String: [Int32]], _ common: Set<String>, _ pages: [PageWords]
    ) -> Shard {
        var local: [Int32: Int32] = [:]
        var ids: [PageID] = []
        var entries: [(word: String, postings: [Int32])] = []
        var hash = StableHash()
        hash.combine(key)
        for word in words.sorted() {
            var list = postings[word]!
            for index in stride(from: 0, to: list.count, by: 3) {
                let global = list[index]
                if let known = local[global] {
                    list[index] = known
                } else {
                    let position = Int32(ids.count)
                    local[global] = position
                    ids.append(pages[Int(global)].id)
                    list[index] = position
                }
            }
            hash.combine(word)
            for value in list { hash.combine(Int(value)) }
            entries.append((word, list))
        }
        let commonWords = words.filter(common.contains).sorted()
        for word in commonWords { hash.combine(word) }
        for id in ids { hash.combine(id.description) }
        return Shard(key: key, pages: ids, words: entries, common: commonWords, fingerprint: hash.value)
    }
}
