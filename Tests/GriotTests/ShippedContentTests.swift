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
        #expect(entries.last?.date.estimatedYear == 2024)
    }

    @Test(
        "the shipped timeline puts causes before their effects",
        arguments: [
            ("Mali Federation becomes independent", "Senegal leaves the Mali Federation"),
            ("Voters approve the new constitution", "Konaré, leader of ADEMA, takes office"),
            ("Konaré, leader of ADEMA, takes office", "Konaré's government offers the Tuareg reparations"),
            ("Protests against President Keïta's government", "Coup d'état initiated by Colonel Assimi Goïta"),
            ("asks for MINUSMA's withdrawal", "terminates MINUSMA's mandate"),
            ("terminates MINUSMA's mandate", "Answering the vote"),
            ("kill dozens of Russian personnel in an ambush", "Diplomatic relations with Ukraine severed"),
        ])
    func causesBeforeEffects(cause: String, effect: String) throws {
        let site = try #require(Builder(options: options).check().site)
        let titles = site.timeline.entries.map(\.title)
        let first = try #require(titles.firstIndex { $0.contains(cause) }, "no entry '\(cause)'")
        let second = try #require(titles.firstIndex { $0.contains(effect) }, "no entry '\(effect)'")
        #expect(first < second)
    }

    // The copy checks (8-word runs against a committed fingerprint of the sources, and a
    // sentence-level similarity measure) are in ContentOriginalityTests.swift.
}
