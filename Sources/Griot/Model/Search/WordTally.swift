import Glibc

/// One page's words as search weighs them, counted as the text is read: each distinct word is
/// stored once (its bytes in one buffer, found again through an open-addressing table) and its
/// weight summed section by section, so no `String` is made per occurrence and nothing is sorted
/// but the distinct words.
struct WordTally {
    /// Where a word was read, which decides its weight.
    enum Role {
        case title, summary, heading, text
    }

    private struct Entry {
        var start: Int32
        var length: Int32
        var hash: UInt32
        /// The first eight bytes, big-endian, zero-padded: most words sort by this alone.
        var prefix: UInt64
        /// The section being summed, -1 before the first.
        var section: Int32 = -1
        var inTitle = false
        var inSummary = false
        var inHeading = false
        var textCount: Int32 = 0
    }

    private var bytes: [UInt8] = []
    private var entries: [Entry] = []
    /// Entry numbers by hash, -1 where empty; its size is a power of two, at least twice the entries.
    private var table = [Int32](repeating: -1, count: 512)
    /// Each word's summed weight in each section it occurs in, in the order sections ended.
    private var summed: [(entry: Int32, occurrence: SearchIndex.Occurrence)] = []
    private var section: Int32 = 0

    /// Reads `text` as part of `section` (sections come in increasing order).
    mutating func add(_ text: String, role: Role, section: Int32) {
        self.section = section
        SearchText.forEachWord(in: text) { count($0, role) }
    }

    /// The distinct words in UTF-8 byte order, each with its hash (FNV-1a) and its occurrences in
    /// section order.
    mutating func finish() -> (
        words: [String], hashes: [UInt32], starts: [Int32], occurrences: [SearchIndex.Occurrence]
    ) {
        for index in entries.indices { close(index) }
        // Occurrences grouped by word, keeping section order (a counting sort).
        var starts = [Int32](repeating: 0, count: entries.count + 1)
        for item in summed { starts[Int(item.entry) + 1] += 1 }
        for index in entries.indices { starts[index + 1] += starts[index] }
        var next = starts
        var grouped = [SearchIndex.Occurrence](repeating: .init(section: 0, weight: 0), count: summed.count)
        for item in summed {
            grouped[Int(next[Int(item.entry)])] = item.occurrence
            next[Int(item.entry)] += 1
        }
        var order = entries.indices.map { (prefix: entries[$0].prefix, index: $0) }
        bytes.withUnsafeBufferPointer { buffer in
            order.sort {
                $0.prefix != $1.prefix
                    ? $0.prefix < $1.prefix : Self.precedes(entries[$0.index], entries[$1.index], in: buffer)
            }
        }
        var words: [String] = []
        var hashes: [UInt32] = []
        var orderedStarts: [Int32] = [0]
        var occurrences: [SearchIndex.Occurrence] = []
        words.reserveCapacity(order.count)
        hashes.reserveCapacity(order.count)
        orderedStarts.reserveCapacity(order.count + 1)
        occurrences.reserveCapacity(grouped.count)
        bytes.withUnsafeBufferPointer { buffer in
            for (_, index) in order {
                let entry = entries[index]
                hashes.append(entry.hash)
                words.append(
                    String(
                        decoding: UnsafeBufferPointer(
                            rebasing: buffer[Int(entry.start)..<Int(entry.start + entry.length)]),
                        as: UTF8.self))
                occurrences += grouped[Int(starts[index])..<Int(starts[index + 1])]
                orderedStarts.append(Int32(occurrences.count))
            }
        }
        return (words, hashes, orderedStarts, occurrences)
    }

    private mutating func count(_ word: UnsafeBufferPointer<UInt8>, _ role: Role) {
        var hash: UInt32 = 2_166_136_261
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        if entries.count * 2 >= table.count { grow() }
        let mask = table.count - 1
        var slot = Int(hash) & mask
        while true {
            let found = table[slot]
            if found < 0 {
                table[slot] = Int32(entries.count)
                var prefix: UInt64 = 0
                for position in 0..<8 { prefix = prefix << 8 | UInt64(position < word.count ? word[position] : 0) }
                entries.append(Entry(start: Int32(bytes.count), length: Int32(word.count), hash: hash, prefix: prefix))
                bytes.append(contentsOf: word)
                record(entries.count - 1, role)
                return
            }
            let entry = entries[Int(found)]
            if entry.hash == hash, Int(entry.length) == word.count,
                bytes.withUnsafeBufferPointer({
                    memcmp($0.baseAddress! + Int(entry.start), word.baseAddress!, word.count)
                })
                    == 0
            {
                record(Int(found), role)
                return
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func record(_ index: Int, _ role: Role) {
        if entries[index].section != section {
            close(index)
            entries[index].section = section
        }
        switch role {
        case .title: entries[index].inTitle = true
        case .summary: entries[index].inSummary = true
        case .heading: entries[index].inHeading = true
        case .text: entries[index].textCount = min(entries[index].textCount + 1, SearchIndex.textWeightLimit)
        }
    }

    /// Sums the weight of a word in the section it was last read in.
    private mutating func close(_ index: Int) {
        let entry = entries[index]
        guard entry.section >= 0 else { return }
        let weight =
            (entry.inTitle ? SearchIndex.titleWeight : 0) + (entry.inSummary ? SearchIndex.summaryWeight : 0)
            + (entry.inHeading ? SearchIndex.headingWeight : 0) + entry.textCount
        summed.append((Int32(index), SearchIndex.Occurrence(section: entry.section, weight: weight)))
        entries[index] = Entry(start: entry.start, length: entry.length, hash: entry.hash, prefix: entry.prefix)
    }

    private mutating func grow() {
        table = [Int32](repeating: -1, count: table.count * 2)
        let mask = table.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(entry.hash) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(index)
        }
    }

    private static func precedes(_ a: Entry, _ b: Entry, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let shared = Int(min(a.length, b.length))
        let order = memcmp(bytes.baseAddress! + Int(a.start), bytes.baseAddress! + Int(b.start), shared)
        return order != 0 ? order < 0 : a.length < b.length
    }
}
