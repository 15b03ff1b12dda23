import Foundation
import Testing

@testable import Griot

/// The charts drawn at build time: SVG in the page, with a title and a description, no script needed.
@Suite("Charts")
struct ChartTests {
    @Test("the timeline's chart draws each period as a bar and counts every single date in its columns")
    func timelineChart() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(fixture.build().succeeded)
        let timeline = try fixture.page("timeline/index.html")
        let chart = try #require(timeline.first("svg.timeline-chart"))
        #expect(chart["role"] == "img")
        let entries = timeline.select("li.entry").count
        #expect(chart.first("title")?.text == "Timeline of \(entries) dated entries")
        // Alpha's "1591/1737" is the fixture's one period.
        let eras = chart.select("rect.chart-era")
        #expect(eras.map { $0.first("title")?.text } == ["c. 1591 – 1737: The old kingdom rules Alpha"])
        #expect(chart.first("desc")?.text.contains("Periods: The old kingdom rules Alpha (c. 1591 – 1737)") == true)
        let counted = chart.select("rect.chart-density title").map { title -> Int in
            let words = title.text.split(separator: " ")
            return Int(words[words.count - 2]) ?? 0
        }
        #expect(counted.reduce(0, +) == entries - eras.count)
    }

    @Test("a page with three events or more gets a strip of its own; one with fewer does not")
    func eventStrips() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let beta = "content/countries/beta.md"
        try fixture.replace(
            in: beta, "events:\n",
            with: "events:\n  - date: \"1993\"\n    title: One\n  - date: \"2001-05\"\n    title: Two\n")
        #expect(fixture.build().succeeded)
        let strip = try #require(try fixture.page("countries/beta/index.html").first("section.events svg.event-strip"))
        #expect(strip.first("title")?.text == "Events of Beta in time")
        #expect(
            strip.select("rect.chart-density title").map(\.text) == ["1993: 1 entry", "2001: 1 entry", "2024: 1 entry"])
        #expect(try fixture.page("countries/alpha/index.html").first("svg.event-strip") == nil)
    }

    @Test("the time scale keeps order and stays inside the plot, across the break at 1900", arguments: 0..<60)
    func scaleIsMonotonic(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        let years = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
            Int.random(in: 500...2030, using: &generator)
        }
        let dates = try years.map { try EDTFDate(parsing: String(format: "%04d", $0)) }
        let chart = TimelineChart(dates.map { ("x", $0) })
        let scale = try #require(chart.scale(left: 24, right: 936))
        let sorted = years.sorted().map { scale.x(Double($0) + 0.5) }
        #expect(sorted == sorted.sorted())
        #expect(sorted.allSatisfy { $0 >= 24 && $0 <= 936 })
    }

    @Test("a period's bar label is its first words within 30 characters, without , ; or : at its ends")
    func shortenedLabels() {
        var generator = SystemRandomNumberGenerator()
        let words = [
            "Treaty", "of", "Bamako,", "Côte", "d’Ivoire;", "Mali", "Federation:", "a", "très-long-mot", ":", "",
        ]
        for _ in 0..<2_000 {
            let title = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                words.randomElement(using: &generator)!
            }.joined(separator: Bool.random(using: &generator) ? " " : "  ")
            #expect(TimelineChart.shortened(title) == Self.shortenedByFoundation(title), "\(title)")
        }
    }

    /// The labels as Foundation trims them: what `TimelineChart.shortened` must equal.
    private static func shortenedByFoundation(_ title: String) -> String {
        guard title.count > 32 else { return title }
        var result = ""
        for word in title.split(separator: " ") {
            guard result.count + word.count + 1 <= 30 else { break }
            result += (result.isEmpty ? "" : " ") + word
        }
        return result.trimmingCharacters(in: CharacterSet(charactersIn: ",;:")) + "…"
    }

    @Test("chart coordinates are written rounded to a tenth, in their shortest form", arguments: 0..<40)
    func coordinates(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        for _ in 0..<50 {
            let value = Double.random(in: -2_000...2_000, using: &generator) * (seed.isMultiple(of: 4) ? 0.001 : 1)
            let text = SVG.number(value)
            let rounded = (value * 10).rounded() / 10
            #expect(try #require(Double(text)) == rounded, "\(value) → \(text)")
            #expect(!text.hasSuffix(".0") && text != "-0", "\(value) → \(text)")
        }
    }
}
