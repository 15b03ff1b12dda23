import Foundation
import Testing

@testable import Griot

/// The site's text is ours: no run of eight words may come from a source, and no sentence may
/// keep a source sentence's words in the same order with a few swapped. The logic mirrors
/// `Tests/tools/originality.py` exactly (run `python3 Tests/tools/check-originality.py` to see
/// each flagged sentence beside its closest source sentence); change both together.
@Suite("The site's text is its own")
struct ContentOriginalityTests {
    static let fingerprintFile = FixtureSite.repositoryRoot.appendingPathComponent(
        "Tests/GriotTests/Fixtures/seed-fingerprint.txt")
    static let seeds = FixtureSite.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static let seedsPresent = !Originality.sourceFiles(in: seeds).isEmpty
    static let skipNote: Comment =
        "skipped: the five sources are not beside the repository at ../shared/seeds, so this check cannot run here (CI has them)"

    @Test("words and hashes are the ones the fingerprint script uses")
    func wordsAndHashes() {
        #expect(
            Originality.words("Mali\u{2019}s Côte d'Ivoire, 2,400 TROOPS (Kéïta)")
                == ["mali", "s", "cote", "d", "ivoire", "2", "400", "troops", "keita"])
        #expect(
            Originality.countedWords(
                "Keïta of Côte d'Ivoire sent 2,400 troops to the Committee for the Salvation of the People") == [
                    "sent", "troops", "to", "the",
                ])
        #expect(Originality.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(Originality.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Originality.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
        #expect(
            Originality.sentences("The U.S. Embassy said so. Mr. Diop agreed! Then c. 1591 it ended.") == [
                "The U.S. Embassy said so.", "Mr. Diop agreed!", "Then c. 1591 it ended.",
            ])
    }

    /// Works on a fresh clone: the sources are present only as hashes of their 8-word runs.
    @Test("no run of eight consecutive words in content/ matches a source document")
    func noCopiedRuns() throws {
        let fingerprint = try Originality.loadFingerprint(Self.fingerprintFile)
        try #require(fingerprint.count > 10_000, "the fingerprint at \(Self.fingerprintFile.path) looks truncated")
        for file in Originality.contentFiles(FixtureSite.repositoryRoot.appendingPathComponent("content")) {
            let words = Originality.words(try String(contentsOf: file.url, encoding: .utf8))
            for run in Originality.runs(words) where fingerprint.contains(Originality.fnv1a64(run)) {
                Issue.record("\(file.path): \"\(run)\" is a run of eight words from a source; rewrite the sentence")
            }
        }
    }

    @Test(
        "the committed fingerprint is the one the sources give",
        .enabled(if: ContentOriginalityTests.seedsPresent, ContentOriginalityTests.skipNote))
    func fingerprintIsCurrent() throws {
        let committed = try Originality.loadFingerprint(Self.fingerprintFile)
        let texts = try Originality.sourceFiles(in: Self.seeds).map { try String(contentsOf: $0, encoding: .utf8) }
        let recomputed = Originality.sourceFingerprint(texts)
        #expect(
            committed == recomputed,
            "Tests/GriotTests/Fixtures/seed-fingerprint.txt is stale (\(committed.subtracting(recomputed).count) extra, \(recomputed.subtracting(committed).count) missing): run python3 Tests/tools/make-seed-fingerprint.py"
        )
    }

    @Test(
        "the sentence measure flags the issue's close paraphrases and passes a chance match",
        .enabled(if: ContentOriginalityTests.seedsPresent, ContentOriginalityTests.skipNote))
    func measureCatchesExamples() throws {
        let sources = try Originality.loadSourceSentences(Self.seeds)
        // The issue's two examples: flagged by the share rule.
        let examples: [(String, Double)] = [
            ("Mali, together with Burkina Faso and Niger, has turned away from Western donors.", 6.0 / 7.0),
            ("International observers judged it essentially free and fair despite some irregularities.", 0.9),
        ]
        for (sentence, share) in examples {
            let (flagged, match) = Originality.assess(sentence, sources)
            let found = try #require(match)
            #expect(abs(found.share - share) < 1e-9, "\(sentence): share \(found.share)")
            #expect(flagged, "\(sentence)")
        }
        // A paraphrase diluted by an attribution: share 0.40, caught by the Dice rule.
        let diluted =
            "Wikipedia notes that ECOWAS had recently pledged to put an end to unconstitutional seizures of power in member states, and that Mali responded with new policies designed to keep the organisation at a distance and narrow its influence."
        #expect(Originality.assess(diluted, sources).flagged)
        // Function words of a source sentence met by chance: not flagged.
        let chance = [
            "Germany and Mali established diplomatic relations on 23 September 1960, in the month Mali proclaimed itself a republic.",
            "JNIM is active in Burkina Faso and Niger and in the north of Togo and Benin (CRS).",
        ]
        for sentence in chance {
            #expect(!Originality.assess(sentence, sources).flagged, "\(sentence)")
        }
    }

    /// Needs the sources' text, so it runs only where ../shared/seeds exists (developers, CI).
    @Test(
        "no sentence in content/ keeps most of a source sentence's words in the same order",
        .enabled(if: ContentOriginalityTests.seedsPresent, ContentOriginalityTests.skipNote))
    func noCloseParaphrases() throws {
        let sources = try Originality.loadSourceSentences(Self.seeds)
        for file in Originality.contentFiles(FixtureSite.repositoryRoot.appendingPathComponent("content")) {
            let text = try String(contentsOf: file.url, encoding: .utf8)
            for block in Originality.siteBlocks(text) {
                for sentence in Originality.sentences(block) {
                    let (flagged, match) = Originality.assess(sentence, sources)
                    guard flagged, let match else { continue }
                    let share = String(format: "%.2f", match.share)
                    let dice = String(format: "%.2f", match.dice)
                    Issue.record(
                        "\(file.path): \"\(sentence)\" follows a source sentence (share \(share), Dice \(dice), \(match.length) words in order): \"\(match.source.text)\" [\(match.source.file)]"
                    )
                }
            }
        }
    }
}

/// The originality measures, shared by the tests above; a line-by-line mirror of
/// `Tests/tools/originality.py`.
enum Originality {
    static let runLength = 8

    /// Official names of seven words or more (see NAMES in originality.py): a run with at most
    /// one word outside one occurrence of these in a source is not fingerprinted.
    static let names = [
        "United Nations Multidimensional Integrated Stabilization Mission in Mali",
        "UN Multidimensional Integrated Stabilization Mission in Mali",
        "National Committee for the Salvation of the People",
        "Transitional Committee for the Salvation of the People",
        "Movement for Unity and Jihad in West Africa",
        "Permanent Interstate Committee for drought control in the Sahel",
        "Global Fund to Fight AIDS, Malaria and Tuberculosis",
        "National Movement for the Liberation of Azawad",
        "Organization for Economic Cooperation and Development's Development Assistance Committee",
    ]

    /// A sentence is flagged when at least `minMatchedWords` of its counted words appear in order
    /// in one source sentence (their longest common subsequence, LCS) and, for that source
    /// sentence, either the share rule (LCS / the site sentence's counted words >=
    /// `shareThreshold`) or the Dice rule (2 LCS / both sentences' counted words >=
    /// `diceThreshold`, with at least `diceMinMatched` words in order) holds.
    ///
    /// Why these numbers (the full reasoning is beside SHARE_THRESHOLD in originality.py): the
    /// issue's examples score share 0.86 and 0.90, and on the first edition of the site the
    /// sentences with share 0.60-0.75 were nearly all paraphrases with more words swapped. Below
    /// 0.6 the share alone misleads both ways: a short sentence meets six function words of a
    /// long source sentence by chance, and a long paraphrase diluted by an attribution falls to
    /// 0.40. The Dice rule also divides by the source sentence's length, so chance matches
    /// against long sentences score low; a sample of sentences with Dice 0.40-0.45 and 8+ words
    /// in order were all close paraphrases, and chance matches appeared only below 0.40.
    static let shareThreshold = 0.6
    static let diceThreshold = 0.4
    static let diceMinMatched = 8
    /// Fewer than six words in order ("is a member of the") match some source sentence by
    /// chance and carry no borrowed structure.
    static let minMatchedWords = 6
    /// The share rule also needs this many words in order that are not `stopWords`: a short
    /// sentence can meet six function words of a source sentence by chance ("JNIM is active in
    /// Burkina Faso and Niger and in the north of Togo and Benin.", share 0.75 with only "north"
    /// in common), while every paraphrase the share rule caught kept at least two content words.
    static let contentMinMatched = 2
    static let stopWords: Set<String> = Set(
        ("a about after all also although an and any are as at be because been before being between both"
            + " but by can could d did do does each for from had has have he her him his i if in into is it"
            + " its may might more most must no nor not of on onto only or other our out over own s shall"
            + " she should since so some such than that the their them then there these they this those"
            + " though to under until up us was we were what when where which while who whom whose will"
            + " with would yet you your").split(separator: " ").map(String.init))
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "lieut", "gen", "col", "vs", "cf", "approx",
    ]

    // MARK: Words and runs

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    /// Splits on every scalar that is not an ASCII letter or digit, keeping case.
    static func splitWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// Unicode NFKD with the combining marks (general category Mn) dropped: "Côte" -> "Cote".
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The words of the run check: folded, lowercased, split on non-[a-z0-9].
    static func words(_ text: String) -> [String] {
        splitWords(fold(text).lowercased())
    }

    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// Every run of `runLength` consecutive words, joined by single spaces.
    static func runs(_ words: [String]) -> [String] {
        guard words.count >= runLength else { return [] }
        return (0...(words.count - runLength)).map { words[$0..<$0 + runLength].joined(separator: " ") }
    }

    static func nameSpans(_ words: [String]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        for name in names {
            let target = Self.words(name)
            guard words.count >= target.count else { continue }
            for start in 0...(words.count - target.count) where Array(words[start..<start + target.count]) == target {
                spans.append(start..<start + target.count)
            }
        }
        return spans
    }

    static func sourceFingerprint(_ texts: [String]) -> Set<UInt64> {
        var hashes = Set<UInt64>()
        for text in texts {
            let words = Self.words(text)
            let spans = nameSpans(words)
            guard words.count >= runLength else { continue }
            for start in 0...(words.count - runLength) {
                let end = start + runLength
                let exempt = spans.contains { span in
                    runLength - max(0, min(end, span.upperBound) - max(start, span.lowerBound)) <= 1
                }
                if !exempt { hashes.insert(fnv1a64(words[start..<end].joined(separator: " "))) }
            }
        }
        return hashes
    }

    static func loadFingerprint(_ url: URL) throws -> Set<UInt64> {
        var hashes = Set<UInt64>()
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let hash = UInt64(trimmed, radix: 16) else { continue }
            hashes.insert(hash)
        }
        return hashes
    }

    // MARK: Files

    struct ContentFile {
        let url: URL
        let path: String
    }

    /// Every .md and .yml under content/, with its path from the repository root.
    static func contentFiles(_ content: URL) -> [ContentFile] {
        var files: [ContentFile] = []
        let enumerator = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "md" || url.pathExtension == "yml" else { continue }
            let relative = url.standardizedFileURL.path.replacingOccurrences(
                of: content.deletingLastPathComponent().standardizedFileURL.path + "/", with: "")
            files.append(ContentFile(url: url, path: relative))
        }
        return files.sorted { $0.path < $1.path }
    }

    static func sourceFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
    }

    // MARK: Sentences

    static func strip(_ text: some StringProtocol) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `[text](target)` becomes `text` (the regex `\[([^\]]*)\]\([^)]*\)`, leftmost first).
    static func unlink(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            if chars[i] == "[", let close = chars[(i + 1)...].firstIndex(of: "]"), close + 1 < chars.count,
                chars[close + 1] == "(", let end = chars[(close + 2)...].firstIndex(of: ")")
            {
                out += String(chars[(i + 1)..<close])
                i = end + 1
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    /// The length of a list marker (`- `, `* `, `+ `, `12. `) at the start of a stripped line,
    /// with the whitespace after it, or nil.
    static func listMarkerLength(_ line: String) -> Int? {
        let chars = Array(line)
        var index = 0
        if let first = chars.first, "-*+".contains(first) {
            index = 1
        } else {
            while index < chars.count, chars[index].isASCII, chars[index].isNumber { index += 1 }
            guard index > 0, index < chars.count, chars[index] == "." else { return nil }
            index += 1
        }
        guard index < chars.count, chars[index].isWhitespace else { return nil }
        while index < chars.count, chars[index].isWhitespace { index += 1 }
        return index
    }

    /// The text of a YAML line: what follows `key:` or `- key:`, unquoted.
    static func frontMatterValue(_ line: String) -> String {
        var value = strip(line)
        let chars = Array(line)
        var index = 0
        while index < chars.count, chars[index].isWhitespace { index += 1 }
        if index < chars.count, chars[index] == "-", index + 1 < chars.count, chars[index + 1].isWhitespace {
            index += 1
            while index < chars.count, chars[index].isWhitespace { index += 1 }
        }
        let keyStart = index
        while index < chars.count, chars[index].isASCII, chars[index].isLetter || chars[index] == "_" { index += 1 }
        if index > keyStart, index < chars.count, chars[index] == ":" {
            value = strip(String(chars[(index + 1)...]))
        }
        if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
            value = String(value.dropFirst().dropLast())
        }
        return value
    }

    /// Blocks of a content file: each front-matter line, each heading, list item and paragraph.
    static func siteBlocks(_ text: String) -> [String] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
        var blocks: [String] = []
        var bodyStart = 0
        if let first = lines.first, strip(first) == "---" {
            for index in 1..<lines.count {
                if strip(lines[index]) == "---" {
                    bodyStart = index + 1
                    break
                }
                blocks.append(frontMatterValue(lines[index]))
            }
        }
        var current: [String] = []
        for line in lines[bodyStart...] {
            let stripped = strip(line)
            let marker = listMarkerLength(stripped)
            if stripped.isEmpty || stripped.hasPrefix("#") || marker != nil {
                if !current.isEmpty {
                    blocks.append(current.joined(separator: " "))
                    current = []
                }
                if stripped.hasPrefix("#") {
                    blocks.append(strip(stripped.drop(while: { $0 == "#" })))
                    continue
                }
                if let marker { current.append(String(stripped.dropFirst(marker))) }
                continue
            }
            current.append(stripped)
        }
        if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
        return blocks.filter { !strip($0).isEmpty }.map(unlink)
    }

    /// Blocks of a source: its lines, table cells split at '|', wiki markup removed.
    static func sourceBlocks(_ text: String) -> [String] {
        let wikiMarkup = try! NSRegularExpression(
            pattern: #"<ref[^>]*/>|<ref[^>]*>.*?</ref>|Template:\S+"#, options: [.dotMatchesLineSeparators])
        let cleaned = wikiMarkup.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
        var blocks: [String] = []
        for line in cleaned.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            for cell in line.split(separator: "|", omittingEmptySubsequences: false) where !strip(cell).isEmpty {
                blocks.append(strip(cell))
            }
        }
        return blocks
    }

    static let sentenceEndTrail: Set<Character> = ["\"", "'", ")", "]", "\u{201D}", "\u{2019}", "*", "_"]
    static let openers: Set<Character> = ["(", "\"", "'", "\u{201C}", "\u{2018}"]

    /// "U.S", "M", "e.g": one to three ASCII letters separated by full stops.
    static func isInitials(_ text: String) -> Bool {
        let chars = Array(text)
        guard !chars.isEmpty, chars.count <= 5, chars.count % 2 == 1 else { return false }
        for (index, char) in chars.enumerated() {
            if index % 2 == 0 {
                guard char.isASCII, char.isLetter else { return false }
            } else {
                guard char == "." else { return false }
            }
        }
        return true
    }

    /// Splits a block after a token ending in '.', '!' or '?' (closing quotes and brackets may
    /// follow), unless the token is an abbreviation ("Mr.", "U.S.").
    static func sentences(_ block: String) -> [String] {
        var out: [String] = []
        var current: [Substring] = []
        for token in block.split(whereSeparator: { $0.isWhitespace }) {
            current.append(token)
            var core = Substring(token)
            while let last = core.last, sentenceEndTrail.contains(last) { core = core.dropLast() }
            guard let last = core.last, ".!?".contains(last) else { continue }
            if last == "." {
                let bare = String(core.dropLast().drop(while: { openers.contains($0) }))
                if isInitials(bare) || abbreviations.contains(bare.lowercased()) { continue }
            }
            out.append(current.joined(separator: " "))
            current = []
        }
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        return out
    }

    // MARK: The measure

    /// Small words that join the parts of a name ("Committee for the Salvation of the People",
    /// "Burkina Faso and Niger", "Côte d'Ivoire"): between two capitalised words they belong to
    /// the name and are not counted either.
    static let nameJoiners: Set<String> = [
        "of", "the", "for", "and", "in", "on", "to", "de", "la", "du", "des", "pour", "al", "d", "s",
    ]

    static func isCapitalised(_ word: String) -> Bool {
        (0x41...0x5A).contains(word.unicodeScalars.first!.value)
    }

    /// The words a sentence (site or source) is scored on, lowercased: no names (capitalised
    /// words, and `nameJoiners` lying between two of them), no figures.
    static func countedWords(_ sentence: String) -> [String] {
        let words = splitWords(fold(sentence))
        var counted: [String] = []
        for (index, word) in words.enumerated() {
            if isCapitalised(word) || word.unicodeScalars.allSatisfy({ (0x30...0x39).contains($0.value) }) { continue }
            if nameJoiners.contains(word) && joinsName(words, index) { continue }
            counted.append(word.lowercased())
        }
        return counted
    }

    /// Whether `words[index]` lies in a run of `nameJoiners` with a capitalised word on each side.
    static func joinsName(_ words: [String], _ index: Int) -> Bool {
        var left = index - 1
        while left >= 0 && nameJoiners.contains(words[left]) { left -= 1 }
        var right = index + 1
        while right < words.count && nameJoiners.contains(words[right]) { right += 1 }
        return left >= 0 && right < words.count && isCapitalised(words[left]) && isCapitalised(words[right])
    }

    static func lcsLength(_ a: [String], _ b: [String]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var row = [Int](repeating: 0, count: b.count + 1)
            for (j, y) in b.enumerated() {
                row[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], row[j])
            }
            previous = row
        }
        return previous[b.count]
    }

    /// A sentence of a source, with its counted words (the same rule as for site sentences) and
    /// those of them that are not stop words.
    struct SourceSentence {
        let file: String
        let text: String
        let words: [String]
        let contentWords: [String]
        let vocabulary: Set<String>

        init(file: String, text: String) {
            self.file = file
            self.text = text
            words = Originality.countedWords(text)
            contentWords = words.filter { !Originality.stopWords.contains($0) }
            vocabulary = Set(words)
        }
    }

    static func loadSourceSentences(_ folder: URL) throws -> [SourceSentence] {
        var out: [SourceSentence] = []
        for url in sourceFiles(in: folder) {
            let text = try String(contentsOf: url, encoding: .utf8)
            for block in sourceBlocks(text) {
                for sentence in sentences(block) {
                    let source = SourceSentence(file: url.lastPathComponent, text: sentence)
                    if !source.words.isEmpty { out.append(source) }
                }
            }
        }
        return out
    }

    /// A site sentence against one source sentence: `length` counted words in order (LCS),
    /// `share` = length / site words, `dice` = 2 length / (site words + source words).
    struct Match {
        let length: Int
        let share: Double
        let dice: Double
        let source: SourceSentence

        init(length: Int, counted: Int, source: SourceSentence) {
            self.length = length
            share = Double(length) / Double(counted)
            dice = Double(2 * length) / Double(counted + source.words.count)
            self.source = source
        }
    }

    /// Whether a site sentence follows a source sentence, and the match to show: the source
    /// sentence that flags it (by the share rule first, then the Dice rule) or, when none does,
    /// the one with the most counted words in order (the first in source order on ties; nil when
    /// no source sentence shares a counted word, or when the sentence has fewer than
    /// `minMatchedWords` counted words).
    static func assess(_ sentence: String, _ sources: [SourceSentence]) -> (flagged: Bool, match: Match?) {
        let counted = countedWords(sentence)
        let content = counted.filter { !stopWords.contains($0) }
        let n = counted.count
        guard n >= minMatchedWords else { return (false, nil) }
        var best: Match?  // the most words in order, for the report
        var shareHit: Match?  // the most words in order among source sentences the share rule flags
        var diceHit: Match?  // the highest Dice among matches of `diceMinMatched` words or more
        for source in sources {
            // Cheap bound: the LCS is at most the number of counted words found in the sentence.
            let bound = counted.filter { source.vocabulary.contains($0) }.count
            let needBest = bound > (best?.length ?? 0)
            let needShare =
                bound >= minMatchedWords && Double(bound) / Double(n) >= shareThreshold
                && bound > (shareHit?.length ?? 0)
            let diceBound = Double(2 * bound) / Double(n + source.words.count)
            let needDice = bound >= diceMinMatched && (diceHit.map { diceBound > $0.dice } ?? true)
            if !needBest && !needShare && !needDice { continue }
            let match = Match(length: lcsLength(counted, source.words), counted: n, source: source)
            if match.length > (best?.length ?? 0) { best = match }
            if match.length >= minMatchedWords && match.share >= shareThreshold
                && match.length > (shareHit?.length ?? 0)
                && lcsLength(content, source.contentWords) >= contentMinMatched
            {
                shareHit = match
            }
            if match.length >= diceMinMatched && (diceHit.map { match.dice > $0.dice } ?? true) { diceHit = match }
        }
        if let shareHit { return (true, shareHit) }
        if let diceHit, diceHit.dice >= diceThreshold { return (true, diceHit) }
        return (false, best)
    }
}
