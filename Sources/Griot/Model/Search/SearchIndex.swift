/// The site's search index: every word of every page's title, summary, headings and text, with
/// where it occurs and how much it weighs, cut into shards by the word's first letters so that a
/// browser downloads only the shards a query needs.
///
/// A preview keeps each page's words (`PageWords`, in `Memory`) and reuses them while the page's
/// file and resolved body are the same, so a rebuild reads again only the pages that changed.
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
        /// Each word's FNV-1a hash (32 bits) over its UTF-8, for the postings' table.
        var hashes: [UInt32]
        /// The occurrences of `words[i]` are `occurrences[starts[i]..<starts[i + 1]]`, by section.
        var starts: [Int32]
        var occurrences: [Occurrence]
        /// The words' positions grouped by the part of the index each is built in
        /// (`SearchIndex.partition(of:)`): part `p`'s are `byPart[partStarts[p]..<partStarts[p + 1]]`.
        var byPart: [Int32]
        var partStarts: [Int32]

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

    /// What a next build needs to change single words of the index (a preview's): every page's
    /// words, every word's occurrences in all pages as flat (page, section, weight) triples in
    /// page order, pages by their place in `pages`, and the words of each two-letter group. Kept
    /// apart from the index a site holds, so that a rebuild changes it where it is.
    struct Memory: Sendable {
        var pages: [PageWords] = []
        var postings: [String: [Int32]] = [:]
        var groups: [String: Set<String>] = [:]
        /// Whether it holds the words of the last build's pages.
        var isKnown = false
    }

    /// Every shard by key.
    public let shards: [String: Shard]
    /// Every key, sorted.
    public let keys: [String]
    /// A fingerprint of the keys.
    let keysFingerprint: UInt64

    /// The index of `pages`, from scratch.
    init(pages: [Page]) {
        var memory = Memory()
        self.init(pages: pages, memory: &memory, keeping: false)
    }

    /// The index of `pages`. While `memory` holds the words of the same pages (and `previous` is
    /// the index built with it), only the pages whose bodies changed are read again and only the
    /// shards whose words changed are built again. `keeping`: leave in `memory` what the next
    /// build needs (more memory; for a preview); else it is emptied, and the pages are read
    /// `batch` at a time.
    init(pages: [Page], reusing previous: SearchIndex? = nil, memory: inout Memory, keeping: Bool, batch: Int = 2048) {
        if keeping, memory.isKnown, let previous, memory.pages.count == pages.count,
            zip(memory.pages, pages).allSatisfy({ $0.id == $1.id })
        {
            let changed = pages.indices.filter { memory.pages[$0].source != pages[$0].bodyFingerprint }
            let read = changed.concurrentMap { Self.words(of: pages[$0]) }
            var dirty = Set<String>()
            for (index, new) in zip(changed, read) {
                let old = memory.pages[index]
                Self.update(
                    page: Int32(index), from: old, to: new, postings: &memory.postings, groups: &memory.groups,
                    dirty: &dirty)
                memory.pages[index] = new
            }
            var all = previous.shards.filter { !dirty.contains(SearchText.prefix($0.key, 2)) }
            let unchanged = all.count
            let ids = memory.pages.map(\.id)
            let rebuilt = Array(dirty).concurrentMap { [memory] group in
                Self.shards(ofGroup: group, words: memory.groups[group] ?? [], postings: memory.postings, ids: ids)
            }
            for part in rebuilt { all.merge(part) { first, _ in first } }
            shards = all
            // The same keys as before when the groups built again have as many as they had, all
            // known before.
            if rebuilt.reduce(0, { $0 + $1.count }) == previous.shards.count - unchanged,
                rebuilt.allSatisfy({ $0.keys.allSatisfy { previous.shards[$0] != nil } })
            {
                keys = previous.keys
                keysFingerprint = previous.keysFingerprint
            } else {
                keys = all.keys.sorted()
                keysFingerprint = Self.fingerprint(keys)
            }
            return
        }
        var known: [PageID: PageWords] = [:]
        for words in memory.pages { known[words.id] = words }
        memory = Memory()
        let kept = known
        // Shards never share a two-letter group, so the words are split by it into parts built
        // on all cores, each reading every page's words but keeping only its own. Kept for the
        // next build, every page's words are read at once; else a batch at a time, each batch's
        // words dropped once their occurrences are in the postings (at 100,000 pages the words
        // of all pages would be half a gigabyte).
        var words: [PageWords] = []
        var builders = [PostingsBuilder](repeating: PostingsBuilder(), count: Self.partitions)
        let batch = keeping ? max(pages.count, 1) : batch
        for start in stride(from: 0, to: pages.count, by: batch) {
            let read = Array(pages[start..<min(start + batch, pages.count)]).concurrentMap { page in
                if let words = kept[page.id], words.source == page.bodyFingerprint { return words }
                return Self.words(of: page)
            }
            builders.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let builders = buffer.baseAddress!
                // Each part changes only its own builder.
                WorkerPool.shared.perform(iterations: Self.partitions) { part in
                    (builders + part).pointee.add(read, from: start, part: part)
                }
            }
            if keeping { words = read }
        }
        let ids = pages.map(\.id)
        let parts = builders.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let builders = buffer.baseAddress!
            return Array(0..<Self.partitions).concurrentMap { part in
                // Taken out, so that a part's lists are freed once its shards are made.
                let postings = (builders + part).move().postings()
                (builders + part).initialize(to: PostingsBuilder())
                var groups: [String: Set<String>] = [:]
                for word in postings.keys { groups[SearchText.prefix(word, 2), default: []].insert(word) }
                var shards: [String: Shard] = [:]
                for (group, members) in groups {
                    shards.merge(Self.shards(ofGroup: group, words: members, postings: postings, ids: ids)) { a, _ in a
                    }
                }
                return (shards, keeping ? postings : [:], keeping ? groups : [:])
            }
        }
        builders = []
        var all: [String: Shard] = [:]
        for part in parts { all.merge(part.0) { first, _ in first } }
        shards = all
        keys = all.keys.sorted()
        keysFingerprint = Self.fingerprint(keys)
        // Nothing reuses them unless kept: a single build frees every page's words once its
        // shards are made.
        guard keeping else { return }
        for part in parts {
            memory.postings.merge(part.1) { first, _ in first }
            memory.groups.merge(part.2) { first, _ in first }
        }
        memory.pages = words
        memory.isKnown = true
    }

    private static func fingerprint(_ keys: [String]) -> UInt64 {
        var hash = StableHash()
        for key in keys { hash.combine(key) }
        return hash.value
    }

    /// Moves the occurrences of each word whose occurrences differ between two readings of page
    /// `page` into `postings`, and notes the groups of those words in `dirty`.
    private static func update(
        page: Int32, from old: PageWords, to new: PageWords, postings: inout [String: [Int32]],
        groups: inout [String: Set<String>], dirty: inout Set<String>
    ) {
        func replace(_ word: String, with occurrences: ArraySlice<Occurrence>) {
            var list = postings[word] ?? []
            // Triples are in page order: this page's are one run, found by binary search.
            var low = 0
            var high = list.count / 3
            while low < high {
                let middle = (low + high) / 2
                if list[middle * 3] < page { low = middle + 1 } else { high = middle }
            }
            var end = low
            while end < list.count / 3, list[end * 3] == page { end += 1 }
            list.replaceSubrange(
                (low * 3)..<(end * 3), with: occurrences.flatMap { [page, $0.section, $0.weight] })
            let group = SearchText.prefix(word, 2)
            dirty.insert(group)
            if list.isEmpty {
                postings[word] = nil
                groups[group]?.remove(word)
                if groups[group]?.isEmpty == true { groups[group] = nil }
            } else {
                if postings[word] == nil { groups[group, default: []].insert(word) }
                postings[word] = list
            }
        }
        var i = 0
        var j = 0
        while i < old.words.count || j < new.words.count {
            if j == new.words.count
                || (i < old.words.count && old.words[i].utf8.lexicographicallyPrecedes(new.words[j].utf8))
            {
                replace(old.words[i], with: [])
                i += 1
            } else if i == old.words.count || new.words[j].utf8.lexicographicallyPrecedes(old.words[i].utf8) {
                replace(new.words[j], with: new.occurrences(ofWordAt: j))
                j += 1
            } else {
                if old.occurrences(ofWordAt: i) != new.occurrences(ofWordAt: j) {
                    replace(new.words[j], with: new.occurrences(ofWordAt: j))
                }
                i += 1
                j += 1
            }
        }
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
        let (words, hashes, starts, occurrences) = tally.finish()
        let parts = words.map(partition(of:))
        var partStarts = [Int32](repeating: 0, count: partitions + 1)
        for part in parts { partStarts[part + 1] += 1 }
        for part in 0..<partitions { partStarts[part + 1] += partStarts[part] }
        var next = partStarts
        var byPart = [Int32](repeating: 0, count: words.count)
        for (position, part) in parts.enumerated() {
            byPart[Int(next[part])] = Int32(position)
            next[part] += 1
        }
        return PageWords(
            id: page.id, source: page.bodyFingerprint, words: words, hashes: hashes, starts: starts,
            occurrences: occurrences, byPart: byPart, partStarts: partStarts)
    }

    /// Parts the words are built in, by their first two characters.
    static let partitions = 16

    static func partition(of word: String) -> Int {
        var hash: UInt32 = 0
        let utf8 = word.utf8
        var index = utf8.startIndex
        // Two ASCII bytes (most words) are the first two scalars themselves.
        if index != utf8.endIndex, utf8[index] < 0x80 {
            hash = UInt32(utf8[index])
            index = utf8.index(after: index)
            if index == utf8.endIndex { return Int(hash % UInt32(partitions)) }
            if utf8[index] < 0x80 { return Int((hash &* 31 &+ UInt32(utf8[index])) % UInt32(partitions)) }
            hash = 0
        }
        for scalar in word.unicodeScalars.prefix(2) { hash = hash &* 31 &+ scalar.value }
        return Int(hash % UInt32(partitions))
    }

    /// The words of one part with their occurrences in all pages read so far: flat (page,
    /// section, weight) triples in page order, pages by their place in the site's pages.
    ///
    /// Held packed while pages are read (every word of every page is here at once: 12 bytes an
    /// occurrence as `Int32` triples came to 390 MB at 100,000 pages): each occurrence is its
    /// page's distance from the word's previous page, its section and its weight, each a LEB128
    /// number, about three bytes in all. A part's lists are unpacked only when its shards are made.
    struct PostingsBuilder: Sendable {
        /// The words met so far, their hashes, their packed lists and the last page in each, by slot.
        private var words: [String] = []
        private var hashes: [UInt32] = []
        private var lists: [[UInt8]] = []
        private var lastPages: [Int32] = []
        /// Slots by hash (open addressing), -1 where empty; a power of two, at least twice the words.
        private var table = [Int32](repeating: -1, count: 1024)

        /// Adds the words of part `part` of `pages`, the first of which is page `first`.
        mutating func add(_ pages: [PageWords], from first: Int, part: Int) {
            // A word's occurrences in one page are packed here first, then appended at once.
            var packed: [UInt8] = []
            packed.reserveCapacity(64)
            for (offset, page) in pages.enumerated() {
                let pageIndex = Int32(first + offset)
                for position in page.byPart[Int(page.partStarts[part])..<Int(page.partStarts[part + 1])] {
                    let slot = slot(of: page.words[Int(position)], hash: page.hashes[Int(position)])
                    var previous = lastPages[slot]
                    packed.removeAll(keepingCapacity: true)
                    for occurrence in page.occurrences(ofWordAt: Int(position)) {
                        Self.pack(UInt32(pageIndex - previous), into: &packed)
                        Self.pack(UInt32(bitPattern: occurrence.section), into: &packed)
                        Self.pack(UInt32(bitPattern: occurrence.weight), into: &packed)
                        previous = pageIndex
                    }
                    lists[slot].append(contentsOf: packed)
                    lastPages[slot] = pageIndex
                }
            }
        }

        /// Appends `value` to `bytes` as LEB128: seven bits a byte, the high bit set on all but the last.
        private static func pack(_ value: UInt32, into bytes: inout [UInt8]) {
            var rest = value
            while rest >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        /// The triples packed in `bytes`.
        static func unpack(_ bytes: [UInt8]) -> [Int32] {
            var values: [Int32] = []
            values.reserveCapacity(bytes.reduce(0) { $0 + ($1 < 0x80 ? 1 : 0) })
            var page: Int32 = 0
            var value: UInt32 = 0
            var shift: UInt32 = 0
            for byte in bytes {
                value |= UInt32(byte & 0x7F) << shift
                if byte >= 0x80 {
                    shift += 7
                    continue
                }
                // Every third number is a page's distance from the one before.
                if values.count % 3 == 0 {
                    page += Int32(bitPattern: value)
                    values.append(page)
                } else {
                    values.append(Int32(bitPattern: value))
                }
                value = 0
                shift = 0
            }
            return values
        }

        /// The slot of `word`, made when it is new.
        private mutating func slot(of word: String, hash: UInt32) -> Int {
            if words.count * 2 >= table.count {
                table = [Int32](repeating: -1, count: table.count * 2)
                for (slot, hash) in hashes.enumerated() { table[free(hash)] = Int32(slot) }
            }
            let mask = table.count - 1
            var place = Int(hash) & mask
            while table[place] >= 0 {
                let slot = Int(table[place])
                if hashes[slot] == hash, words[slot] == word { return slot }
                place = (place + 1) & mask
            }
            table[place] = Int32(words.count)
            words.append(word)
            hashes.append(hash)
            lists.append([])
            lastPages.append(0)
            return words.count - 1
        }

        /// The first empty place for `hash`.
        private func free(_ hash: UInt32) -> Int {
            let mask = table.count - 1
            var place = Int(hash) & mask
            while table[place] >= 0 { place = (place + 1) & mask }
            return place
        }

        /// Every word's triples, unpacked.
        func postings() -> [String: [Int32]] {
            var postings: [String: [Int32]] = [:]
            postings.reserveCapacity(words.count)
            for (word, list) in zip(words, lists) { postings[word] = Self.unpack(list) }
            return postings
        }
    }

    /// The shards of the words of one two-letter group: one shard, keyed by the group; or, when
    /// that is too large, cut by the third character, and so on up to the fourth. A shard whose
    /// key was cut keeps the words no longer than its key.
    private static func shards(
        ofGroup group: String, words: Set<String>, postings all: [String: [Int32]], ids: [PageID]
    ) -> [String: Shard] {
        guard !words.isEmpty else { return [:] }
        var postings: [String: [Int32]] = [:]
        postings.reserveCapacity(words.count)
        var common: Set<String> = []
        for word in words {
            guard let list = all[word] else { continue }
            if list.count > postingLimit * 3 {
                postings[word] = strongest(list)
                common.insert(word)
            } else {
                postings[word] = list
            }
        }
        var shards: [String: Shard] = [:]
        var pending: [(key: String, value: [String])] = [(group, Array(postings.keys))]
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
                shards[key] = shard(key, words, postings, common, ids)
                continue
            }
            var cut: [String: [String]] = [key: []]
            for word in words {
                cut[word.unicodeScalars.count > length ? SearchText.prefix(word, length + 1) : key, default: []]
                    .append(word)
            }
            shards[key] = shard(key, cut.removeValue(forKey: key)!, postings, common, ids)
            pending += cut
        }
        return shards
    }

    /// The `postingLimit` occurrences of most weight (the first in page order among equal
    /// weights), in page order. Weights are small: the cut is found by counting, not sorting.
    static func strongest(_ list: [Int32]) -> [Int32] {
        var counts: [Int32: Int] = [:]
        for index in stride(from: 2, to: list.count, by: 3) { counts[list[index], default: 0] += 1 }
        // The least weight kept, and how many of that weight are kept.
        var threshold = Int32.max
        var atThreshold = 0
        var above = 0
        for (weight, count) in counts.sorted(by: { $0.key > $1.key }) {
            threshold = weight
            atThreshold = min(count, postingLimit - above)
            above += count
            if above >= postingLimit { break }
        }
        var kept: [Int32] = []
        kept.reserveCapacity(min(list.count, postingLimit * 3))
        for index in stride(from: 0, to: list.count, by: 3) {
            let weight = list[index + 2]
            guard weight >= threshold else { continue }
            if weight == threshold {
                guard atThreshold > 0 else { continue }
                atThreshold -= 1
            }
            kept += list[index..<(index + 3)]
        }
        return kept
    }

    private static func shard(
        _ key: String, _ words: [String], _ postings: [String: [Int32]], _ common: Set<String>, _ pageIDs: [PageID]
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
                    ids.append(pageIDs[Int(global)])
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
