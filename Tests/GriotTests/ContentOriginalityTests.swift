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
        #expect(Originality.words("Mali\u{2019}s Côte d'Ivoire, 2,400 TROOPS") == ["mali", "s", "c", "te", "d", "ivoire", "2", "400", "troops"])
        #expect(Originality.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(Originality.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Originality.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
        #expect(Originality.sentences("The U.S. Embassy said so. Mr. Diop agreed! Then c. 1591 it ended.") == [
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

    @Test("the committed fingerprint is the one the sources give", .enabled(if: ContentOriginalityTests.seedsPresent, ContentOriginalityTests.skipNote))
    func fingerprintIsCurrent() throws {
        let committed = try Originality.loadFingerprint(Self.fingerprintFile)
        let texts = try Originality.sourceFiles(in: Self.seeds).map { try String(contentsOf: $0, encoding: .utf8) }
        let recomputed = Originality.sourceFingerprint(texts)
        #expect(
            committed == recomputed,
            "Tests/GriotTests/Fixtures/seed-fingerprint.txt is stale (\(committed.subtracting(recomputed).count) extra, \(recomputed.subtracting(committed).count) missing): run python3 Tests/tools/make-seed-fingerprint.py"
        )
    }

    @Test("the sentence measure flags the issue's two close paraphrases", .enabled(if: ContentOriginalityTests.seedsPresent, ContentOriginalityTests.skipNote))
    func measureCatchesExamples() throws {
        let sources = try Originality.loadSourceSentences(Self.seeds)
        let examples: [(String, Double)] = [
            ("Mali, together with Burkina Faso and Niger, has turned away from Western donors.", 0.875),
            ("International observers judged it essentially free and fair despite some irregularities.", 0.9),
        ]
        for (sentence, expected) in examples {
            let match = try #require(Originality.bestMatch(sentence, sources))
            #expect(abs(match.score - expected) < 1e-9, "\(sentence): \(match.score)")
            #expect(Originality.isFlagged(match))
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
                    guard let match = Originality.bestMatch(sentence, sources), Originality.isFlagged(match) else {
                        continue
                    }
                    let score = String(format: "%.2f", match.score)
                    Issue.record(
                        "\(file.path): \"\(sentence)\" follows a source sentence (score \(score), \(match.length) words in order): \"\(match.source.text)\" [\(match.source.file)]"
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
    /// in one source sentence and they are at least `sentenceThreshold` of its counted words.
    ///
    /// Why 0.6: the issue's examples score 0.875 and 0.90, but on the first edition of the site
    /// the sentences between 0.60 and 0.75 were, read one by one, nearly all paraphrases of the
    /// same kind with more words swapped ("A fresh peace agreement followed in 1995, and
    /// disarmament started in 1996.", 0.67). Between 0.50 and 0.60 the flags turn mixed: some
    /// paraphrases diluted by an attribution ("according to CRS"), and sentences of our own that
    /// meet a long source sentence's function words by chance. Sentences in our own words score
    /// 0.2-0.5 against their closest source sentence even when they report the same fact. See
    /// originality.py for the full reasoning.
    static let sentenceThreshold = 0.6
    /// Fewer than six words in order ("is a member of the") match some source sentence by
    /// chance and carry no borrowed structure.
    static let minMatchedWords = 6
    static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "st", "lieut", "gen", "col", "vs", "cf", "approx"]

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

    /// The words of the run check: lowercase, '\u{2019}' as "'", split on non-[a-z0-9].
    static func words(_ text: String) -> [String] {
        splitWords(text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'"))
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
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
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
        for line in cleaned.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
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

    /// The words a site sentence is scored on: no names (capitalised words), no figures.
    static func countedWords(_ sentence: String) -> [String] {
        splitWords(sentence.replacingOccurrences(of: "\u{2019}", with: "'")).filter { word in
            let first = word.unicodeScalars.first!.value
            return !(0x41...0x5A).contains(first) && !word.unicodeScalars.allSatisfy { (0x30...0x39).contains($0.value) }
        }.map { $0.lowercased() }
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

    struct SourceSentence {
        let file: String
        let text: String
        let words: [String]
        let vocabulary: Set<String>
    }

    static func loadSourceSentences(_ folder: URL) throws -> [SourceSentence] {
        var out: [SourceSentence] = []
        for url in sourceFiles(in: folder) {
            let text = try String(contentsOf: url, encoding: .utf8)
            for block in sourceBlocks(text) {
                for sentence in sentences(block) {
                    let words = Self.words(sentence)
                    if !words.isEmpty {
                        out.append(
                            SourceSentence(file: url.lastPathComponent, text: sentence, words: words, vocabulary: Set(words)))
                    }
                }
            }
        }
        return out
    }

    struct Match {
        let score: Double
        let length: Int
        let source: SourceSentence
    }

    /// The closest source sentence (longest common subsequence; the first in source order on
    /// ties), or nil when the sentence has fewer than `minMatchedWords` counted words.
    static func bestMatch(_ sentence: String, _ sources: [SourceSentence]) -> Match? {
        let counted = countedWords(sentence)
        guard counted.count >= minMatchedWords else { return nil }
        var bestLength = 0
        var bestSource: SourceSentence?
        for source in sources {
            let bound = counted.filter { source.vocabulary.contains($0) }.count
            if bound <= bestLength { continue }
            let length = lcsLength(counted, source.words)
            if length > bestLength {
                bestLength = length
                bestSource = source
            }
        }
        guard let bestSource else { return nil }
        return Match(score: Double(bestLength) / Double(counted.count), length: bestLength, source: bestSource)
    }

    static func isFlagged(_ match: Match) -> Bool {
        match.length >= minMatchedWords && match.score >= sentenceThreshold
    }
}
