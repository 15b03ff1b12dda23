import Foundation
import Testing

@testable import Griot

/// The site in this repository's content/ is the product: it must build cleanly.
@Suite("The shipped site")
struct ShippedContentTests {
    let options = BuildOptions(siteDirectory: FixtureSite.repositoryRoot)

    @Test("content/ builds with zero errors and zero warnings")
    func buildsCleanly() throws {
        let report = Builder(options: options).check()
        #expect(report.diagnostics.isEmpty, "\(DiagnosticPrinter().format(report.diagnostics))")
        let site = try #require(report.site)
        #expect(site.pages.filter { $0.kind == .country }.count >= 30)
        #expect(site.pages.filter { $0.kind == .topic }.count >= 16)
        #expect(site.timeline.entries.count > 80)
    }

    @Test("every country and topic page lists at least one source")
    func everyPageHasSources() throws {
        let site = try #require(Builder(options: options).check().site)
        for page in site.pages {
            #expect(!page.sources.isEmpty, "\(page.file) lists no source")
        }
    }

    @Test("relations with Ukraine are recorded as severed on 4 August 2024")
    func ukraine() throws {
        let site = try #require(Builder(options: options).check().site)
        let ukraine = try #require(site.page(PageID(.country, "ukraine")))
        #expect(ukraine.relation?.status == .severed)
        #expect(ukraine.relation?.severed?.description == "2024-08-04")
    }

    @Test("the timeline reaches from the Ghana Empire to 2024")
    func timelineSpan() throws {
        let site = try #require(Builder(options: options).check().site)
        let entries = site.timeline.entries
        #expect(entries.first?.title.contains("Ghana") == true)
        #expect(entries.last?.date.year == 2024)
    }

    /// The text is ours: no run of ten words may match a source (checked when the seeds are
    /// beside the repository, as they are for developers and CI).
    @Test("no run of ten consecutive words matches a source document")
    func noCopiedSentences() throws {
        let seeds = FixtureSite.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        let seedFiles =
            (try? FileManager.default.contentsOfDirectory(atPath: seeds.path))?.filter { $0.hasSuffix(".txt") } ?? []
        try #require(!seedFiles.isEmpty, "the seeds are not beside the repository at \(seeds.path)")
        var grams = Set<[Substring]>()
        for name in seedFiles {
            let words = Self.words(try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8))
            for start in 0..<max(0, words.count - 9) { grams.insert(Array(words[start..<start + 10])) }
        }
        let content = FixtureSite.repositoryRoot.appendingPathComponent("content")
        let enumerator = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "md" || url.pathExtension == "yml" else { continue }
            let words = Self.words(try String(contentsOf: url, encoding: .utf8))
            for start in 0..<max(0, words.count - 9) {
                let run = Array(words[start..<start + 10])
                #expect(!grams.contains(run), "\(url.lastPathComponent): \(run.joined(separator: " "))")
            }
        }
    }

    static func words(_ text: String) -> [Substring] {
        let lowered = text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        return lowered.split { !(($0.isASCII && ($0.isLetter || $0.isNumber))) }
    }
}
