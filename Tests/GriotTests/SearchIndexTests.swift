import Foundation
import Testing

@testable import Griot

/// The search index a build publishes: every word of every page, folded as the browser folds a
/// query, in shards a browser loads as scripts (which works from `file://`, where `fetch` does not).
@Suite("Search index")
struct SearchIndexTests {
    /// The argument of a `griotSearch.<call>(…)` script; for two arguments, the second.
    static func payload(_ site: FixtureSite, _ path: String, call: String) throws -> [String: Any] {
        let text = try site.read("public/" + path)
        let prefix = "griotSearch.\(call)("
        try #require(text.hasPrefix(prefix) && text.hasSuffix(");\n"), "\(path): \(text.prefix(80))")
        var inner = text.dropFirst(prefix.count).dropLast(3)
        if call != "index", let brace = inner.firstIndex(of: "{") { inner = inner[brace...] }
        return try #require(try JSONSerialization.jsonObject(with: Data(inner.utf8)) as? [String: Any])
    }

    /// The file holding the search entry of page `key` (`countries/alpha`), by the manifest's
    /// bundle count and the hash the browser computes.
    static func entryPath(_ site: FixtureSite, _ key: String) throws -> String {
        try entryPath(in: site.output, key)
    }

    /// The file holding the search entry of page `key` in the site built into `folder`.
    static func entryPath(in folder: URL, _ key: String) throws -> String {
        let manifest = try String(contentsOf: folder.appendingPathComponent("search/index.js"), encoding: .utf8)
        let json = manifest.drop { $0 != "{" }.dropLast(3)
        let bundles = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["bundles"] as? Int)
        // FNV-1a, 32 bits, written out again here: the browser's and the builder's must agree.
        var hash: UInt32 = 2_166_136_261
        for byte in key.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return "search/pages/\(Int(hash) % bundles).js"
    }

    /// Every search entry of the built site by page key, with the file it is in.
    static func entries(_ site: FixtureSite) throws -> [String: (file: String, entry: [String: Any])] {
        let folder = site.output.appendingPathComponent("search/pages")
        var entries: [String: (file: String, entry: [String: Any])] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let prefix = "griotSearch.page("
                try #require(line.hasPrefix(prefix) && line.hasSuffix(");"), "\(name): \(line.prefix(80))")
                let inner = line.dropFirst(prefix.count).dropLast(2)
                let comma = try #require(inner.firstIndex(of: ","))
                let key = try #require(
                    try JSONSerialization.jsonObject(with: Data(inner[..<comma].utf8), options: .fragmentsAllowed)
                        as? String)
                let entry = try #require(
                    try JSONSerialization.jsonObject(with: Data(inner[inner.index(after: comma)...].utf8))
                        as? [String: Any])
                #expect(entries[key] == nil, "\(key) has two entries")
                entries[key] = ("search/pages/" + name, entry)
            }
        }
        return entries
    }

    /// The shard of `word`: the longest key that begins it.
    static func key(of word: String, in keys: [String]) -> String? {
        keys.filter { word.hasPrefix($0) }.max { $0.count < $1.count }
    }

    @Test("words are folded as the browser folds a query: no accents, lower case, two letters or more")
    func folding() {
        #expect(SearchText.words("Côte d'Ivoire") == ["cote", "ivoire"])
        #expect(SearchText.words("G5 Sahel, ÉCOWAS/CEDEAO — 2023") == ["g5", "sahel", "ecowas", "cedeao", "2023"])
        #expect(SearchText.words("Ségou’s “Mandé” ﬁeld") == ["segou", "mande", "field"])
        #expect(SearchText.words("ΟΔΟΣ οδος") == ["οδοσ", "οδοσ"])
        #expect(SearchText.fileName(ofKey: "fr") == "fr")
        #expect(SearchText.fileName(ofKey: "ét") == "_c3a974")
    }

    @Test("folded words never hold capitals, marks or separators", arguments: 0..<40)
    func foldingProperty(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let pieces = ["a", "É", "ç", " ", "-", "’", "Ω", "ǅ", "5", "x\u{301}", "ß", "ﬁ", "の", "\u{200B}", "İ"]
        let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            .joined()
        for word in SearchText.words(text) {
            #expect(word.unicodeScalars.count >= 2)
            #expect(word == word.lowercased())
            #expect(
                word.unicodeScalars.allSatisfy {
                    let category = $0.properties.generalCategory
                    return ![.nonspacingMark, .spacingMark, .enclosingMark, .spaceSeparator, .dashPunctuation]
                        .contains(category)
                })
        }
    }

    /// The browser's folding, written as the spec states it: NFKD of the whole text, marks
    /// removed, lower case, final sigma as sigma, split on what is neither a letter nor a number.
    static func referenceWords(_ text: String) -> [String] {
        let marks: Set<Unicode.GeneralCategory> = [.nonspacingMark, .spacingMark, .enclosingMark]
        let wordish: Set<Unicode.GeneralCategory> = [
            .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber,
        ]
        var folded = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars
        where !marks.contains(scalar.properties.generalCategory) {
            folded.append(scalar)
        }
        let lowered = String(folded).lowercased().replacingOccurrences(of: "ς", with: "σ")
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars {
            if wordish.contains(scalar.properties.generalCategory) {
                word.append(scalar)
            } else {
                if word.count >= 2 { words.append(String(word)) }
                word = String.UnicodeScalarView()
            }
        }
        if word.count >= 2 { words.append(String(word)) }
        return words
    }

    @Test(
        "words are what the browser's folding finds, for any mix of scripts, marks and punctuation", arguments: 0..<60)
    func foldingMatchesTheBrowsers(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) + 1000)
        let pieces = [
            "a", "Z", "é", "É", "ç", "ñ", "Ø", "ß", "ﬁ", "Ω", "Σ", "ς", "ǅ", "5", "½", "①", "x\u{301}", "’", "“", "—",
            "-",
            " ", "\n", "℃", "™", "の", "İ", "Ł", "ő", "\u{200B}", ".", "'", "🙂", "Ǆ", "mali", "Mali", "x9", "bamako ",
        ]
        let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            .joined()
        #expect(SearchText.words(text) == Self.referenceWords(text), "\(text.debugDescription)")
    }

    @Test("every word of every page is in the shard the manifest names, pointing back to its page and section")
    func everyWordIsFound() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let built = try #require(site.build().site)
        let manifest = try Self.payload(site, "search/index.js", call: "index")
        let keys = try #require(manifest["keys"] as? [String])
        #expect(manifest["pages"] as? Int == built.pages.count)
        var shards: [String: [String: Any]] = [:]
        for key in keys {
            shards[key] = try Self.payload(site, "search/terms/\(SearchText.fileName(ofKey: key)).js", call: "terms")
        }
        for page in built.pages {
            var expected: [(word: String, section: Int)] = SearchText.words(page.title + " " + page.summary).map {
                ($0, 0)
            }
            for (index, text) in page.body.sections.enumerated() {
                let heading = index > 0 ? page.body.headings[index - 1].text + " " : ""
                expected += SearchText.words(heading + text).map { ($0, index) }
            }
            for (word, section) in expected {
                let key = try #require(Self.key(of: word, in: keys), "\(word) has no shard")
                let shard = try #require(shards[key])
                let pages = try #require(shard["pages"] as? [String])
                let common = shard["common"] as? [String] ?? []
                let postings = try #require((shard["terms"] as? [String: [Int]])?[word], "\(word) not in \(key)")
                let found = stride(from: 0, to: postings.count, by: 3).contains {
                    pages[postings[$0]] == page.id.description && postings[$0 + 1] == section
                }
                #expect(found || common.contains(word), "\(word) in \(page.id) section \(section)")
            }
        }
    }

    @Test("a page's entry holds its title, address, summary and the text of each section by heading")
    func pageEntry() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let entry = try #require(try Self.entries(site)["countries/alpha"]?.entry)
        #expect(entry["title"] as? String == "Alpha")
        #expect(entry["url"] as? String == "countries/alpha/")
        #expect(entry["kind"] as? String == "country")
        let sections = try #require(entry["sections"] as? [[String: String]])
        #expect(sections.map { $0["id"] } == ["", "history", "trade-and-aid", "trade-and-aid-1"])
        #expect(sections[0]["text"] == "Alpha and Testland have long ties.")
        #expect(sections[1]["heading"] == "History")
        #expect(sections[1]["text"]?.hasPrefix("Alpha signed the river pact early.") == true)
    }

    @Test("every page has one entry, in the bundle its key hashes to, and nothing else has one")
    func entriesAreInTheirBundles() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let built = try #require(site.build().site)
        let entries = try Self.entries(site)
        #expect(Set(entries.keys) == Set(built.pages.map(\.id.description)))
        for (key, found) in entries {
            #expect(found.file == (try Self.entryPath(site, key)), "\(key)")
        }
    }

    @Test("a common word keeps its weightiest places, the first in page order among equal weights", arguments: 0..<40)
    func strongestPlaces(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) + 7000)
        let count = Int.random(in: 0...(SearchIndex.postingLimit * 3), using: &generator)
        let list = (0..<count).flatMap { page in
            [Int32(page), Int32.random(in: 0...5, using: &generator), Int32.random(in: 1...17, using: &generator)]
        }
        // By sorting: weight first, then place.
        let triples = stride(from: 0, to: list.count, by: 3).map { (list[$0], list[$0 + 1], list[$0 + 2]) }
        let expected = triples.enumerated().sorted { ($0.element.2, -$0.offset) > ($1.element.2, -$1.offset) }
            .prefix(SearchIndex.postingLimit).sorted { $0.offset < $1.offset }
            .flatMap { [$0.element.0, $0.element.1, $0.element.2] }
        #expect(SearchIndex.strongest(list) == expected)
    }

    @Test("postings held packed unpack to every occurrence, in page order, however far apart", arguments: 0..<40)
    func packedPostings(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) + 9000)
        let vocabulary = ["accord", "border", "mali", "treaty", "zone"]
        var builder = SearchIndex.PostingsBuilder()
        var expected: [String: [Int32]] = [:]
        var next = Int.random(in: 0..<3_000_000, using: &generator)
        for _ in 0..<Int.random(in: 1...12, using: &generator) {
            let first = next
            let batch = (0..<Int.random(in: 1...4, using: &generator)).map { offset in
                let words = vocabulary.filter { _ in Bool.random(using: &generator) }
                var starts: [Int32] = [0]
                var occurrences: [SearchIndex.Occurrence] = []
                for word in words {
                    for _ in 0..<Int.random(in: 1...3, using: &generator) {
                        let occurrence = SearchIndex.Occurrence(
                            section: Int32.random(in: 0...400, using: &generator),
                            weight: Int32.random(in: 1...70_000, using: &generator))
                        occurrences.append(occurrence)
                        expected[word, default: []] += [Int32(first + offset), occurrence.section, occurrence.weight]
                    }
                    starts.append(Int32(occurrences.count))
                }
                // Every word in part 0.
                return SearchIndex.PageWords(
                    id: PageID(.country, "p\(offset)"), source: 0, words: words,
                    hashes: words.map { UInt32(truncatingIfNeeded: $0.hashValue) }, starts: starts,
                    occurrences: occurrences, byPart: words.indices.map(Int32.init),
                    partStarts: [0] + Array(repeating: Int32(words.count), count: SearchIndex.partitions))
            }
            builder.add(batch, from: first, part: 0)
            next = first + batch.count + Int.random(in: 0...200_000, using: &generator)
        }
        #expect(builder.postings() == expected)
    }

    @Test("a word's part of the index depends on its first two characters only, ASCII or not", arguments: 0..<20)
    func partitions(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) + 7000)
        let letters = Array("abz09éßσ中") + ["\u{1F600}"]
        for _ in 0..<200 {
            let word = String(
                (0..<Int.random(in: 0...5, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            var hash: UInt32 = 0
            for scalar in word.unicodeScalars.prefix(2) { hash = hash &* 31 &+ scalar.value }
            #expect(SearchIndex.partition(of: word) == Int(hash % UInt32(SearchIndex.partitions)), "\(word)")
        }
    }

    @Test("the bundle hash is FNV-1a over the key's UTF-8, as published")
    func bundleHash() {
        #expect(SearchBundles.fnv1a("") == 0x811c_9dc5)
        #expect(SearchBundles.fnv1a("a") == 0xe40c_292c)
        #expect(SearchBundles.fnv1a("foobar") == 0xbf9c_f968)
    }

    @Test(
        "the bundle count is the least power of two keeping bundles at eight pages or fewer on average",
        arguments: [0, 1, 8, 9, 16, 17, 55, 1000, 10007, 100_000])
    func bundleCount(pages: Int) {
        let count = SearchBundles.count(forPages: pages)
        #expect(count > 0 && count & (count - 1) == 0)
        #expect(count * SearchBundles.pagesPerBundle >= pages)
        #expect(count == 1 || count / 2 * SearchBundles.pagesPerBundle < pages)
    }

    @Test("a title word weighs more than a heading word, which weighs more than a word of the text")
    func weights() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let shard = try Self.payload(site, "search/terms/tr.js", call: "terms")
        let pages = try #require(shard["pages"] as? [String])
        let trade = try #require((shard["terms"] as? [String: [Int]])?["trade"])
        let alpha = try #require(pages.firstIndex(of: "countries/alpha"))
        let bySection = Dictionary(
            uniqueKeysWithValues: stride(from: 0, to: trade.count, by: 3).filter { trade[$0] == alpha }.map {
                (trade[$0 + 1], trade[$0 + 2])
            })
        // "Trade and aid" heads sections 2 and 3; section 2's text says "Trade" once.
        #expect(bySection[2] == 6 + 1)
        #expect(bySection[3] == 6)
        let title = try #require(
            (Self.payload(site, "search/terms/al.js", call: "terms")["terms"] as? [String: [Int]])?["alpha"])
        #expect(title.count >= 3 && title[2] >= 10)
    }

    @Test(
        "a page's words weigh what the spec's sum gives, whatever the mix of title, summary, headings and text",
        arguments: 0..<40)
    func tallyMatchesTheSpec(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) + 7000)
        let vocabulary = ["mali", "Mali", "france", "côte", "cote", "sahel", "ab", "x", "ΟΔΟΣ", "trade", "aid", "g5"]
        func text() -> String {
            (0..<Int.random(in: 0...12, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? " " : ", ")
        }
        // (role, section, text), in the order a page is read: title and summary, then each section.
        var parts: [(WordTally.Role, Int32, String)] = [(.title, 0, text()), (.summary, 0, text()), (.text, 0, text())]
        for section in 1...Int32.random(in: 1...4, using: &generator) {
            parts += [(.heading, section, text()), (.text, section, text())]
        }
        var tally = WordTally()
        for (role, section, text) in parts { tally.add(text, role: role, section: section) }
        let (words, hashes, starts, occurrences) = tally.finish()
        #expect(hashes == words.map(SearchBundles.fnv1a))

        // The spec: 10 if in the title + 6 if in the section's heading + 4 if in the summary +
        // the times it occurs in the section's text, at most 3.
        var expected: [String: [Int32: Int32]] = [:]
        for (role, section, text) in parts {
            var counted: Set<String> = []
            for word in SearchText.words(text) {
                let weight: Int32
                switch role {
                case .title: weight = counted.contains(word) ? 0 : 10
                case .heading: weight = counted.contains(word) ? 0 : 6
                case .summary: weight = counted.contains(word) ? 0 : 4
                case .text: weight = 1
                }
                counted.insert(word)
                expected[word, default: [:]][section, default: 0] += weight
            }
        }
        // The text's share is capped at 3 per section: recount it apart.
        for (role, section, text) in parts where role == .text {
            var times: [String: Int32] = [:]
            for word in SearchText.words(text) { times[word, default: 0] += 1 }
            for (word, count) in times where count > 3 { expected[word]![section]! -= count - 3 }
        }
        #expect(words == words.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(Set(words) == Set(expected.keys))
        for (index, word) in words.enumerated() {
            let found = occurrences[Int(starts[index])..<Int(starts[index + 1])]
            #expect(found.map(\.section) == expected[word]!.keys.sorted(), "\(word)")
            for occurrence in found { #expect(occurrence.weight == expected[word]![occurrence.section], "\(word)") }
        }
    }

    @Test(
        "a shard too large is cut by the next letter; a word on every page is listed as common, its strongest places kept"
    )
    func largeSites() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.addBulkPages(450)
        // Distinct words sharing their first letters, enough to fill "wo" past its limit twice over.
        for index in 0..<300 {
            let words = (0..<12).map { "word\(index)x\($0)" }.joined(separator: " ")
            try site.write(
                "content/topics/bulk-\(index).md",
                "---\ntitle: Topic \(index)\nsummary: Words.\nsources:\n  - title: Bulk\n---\n\(words)\n")
        }
        #expect(site.build().succeeded)
        let keys = try #require(Self.payload(site, "search/index.js", call: "index")["keys"] as? [String])
        #expect(keys.contains { $0.unicodeScalars.count > 2 }, "\(keys)")
        for key in keys {
            let data = try Data(contentsOf: site.url("public/search/terms/\(SearchText.fileName(ofKey: key)).js"))
            let words = try #require(
                Self.payload(site, "search/terms/\(SearchText.fileName(ofKey: key)).js", call: "terms")["terms"]
                    as? [String: [Int]])
            // Every word sits in the shard of the longest key beginning it.
            for word in words.keys { #expect(Self.key(of: word, in: keys) == key, "\(word) in \(key)") }
            #expect(
                data.count <= SearchIndex.shardLimit + 16_000 || key.unicodeScalars.count == SearchIndex.maxKeyLength)
        }
        let fi = try Self.payload(site, "search/terms/fi.js", call: "terms")
        #expect((fi["common"] as? [String])?.contains("filler") == true)
        let filler = try #require((fi["terms"] as? [String: [Int]])?["filler"])
        #expect(filler.count == SearchIndex.postingLimit * 3)
    }

    @Test("the index is the same whether the pages' words are read a few pages at a time or all at once")
    func batchesMakeTheSameIndex() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.addBulkPages(40)
        let site = try #require(fixture.check().site)
        var kept = SearchIndex.Memory()
        let whole = SearchIndex(pages: site.pages, memory: &kept, keeping: true)
        for batch in [1, 7, 1000] {
            var memory = SearchIndex.Memory()
            let read = SearchIndex(pages: site.pages, memory: &memory, keeping: false, batch: batch)
            #expect(read.keys == whole.keys, "batch \(batch)")
            for key in whole.keys {
                #expect(read.shards[key]?.fingerprint == whole.shards[key]?.fingerprint, "batch \(batch), \(key)")
            }
        }
    }
}
