import Foundation
import Testing

@testable import Griot

/// EDTF dates through the public path: a fixture site with every form, built by `griot build`,
/// its pages parsed.
@Suite("Dates on the built site")
final class TimelineDatesTests {
    /// One event a line, in the author's order: EDTF, title.
    static let events: [(String, String)] = [
        ("1992", "Konaré grants concessions"),
        ("1992-06", "Konaré takes office"),
        ("2023-41", "The Council ends the mission"),
        ("2023-06", "Mali asks the mission to leave"),
        ("196X", "A decade of non-alignment"),
        ("1591~", "An approximate year"),
        ("1963?", "An uncertain year"),
        ("1963%", "An uncertain, approximate year"),
        ("1600/1737", "A long rule"),
        ("2021/..", "An open-ended partnership"),
        ("../1960", "A rule of unknown beginning"),
        ("2023-21", "A spring offensive"),
        ("2023-33", "A first-quarter report"),
        ("2023-40", "A first-half drought"),
        ("-0500", "An ancient founding"),
        ("1985-04-XX", "A day in April"),
        ("11XX", "A century of trade"),
    ]

    static let chronicle =
        "---\ntitle: Chronicle\nsummary: Every kind of date.\nevents:\n"
        + events.map { "  - date: \"\($0.0)\"\n    title: \($0.1)\n" }.joined()
        + "sources:\n  - title: Chronicle Sources\n---\nA page of dates.\n"

    let fixture: FixtureSite
    let timeline: HTMLElement

    deinit { fixture.remove() }

    init() throws {
        fixture = try FixtureSite()
        try fixture.write("content/topics/chronicle.md", Self.chronicle)
        let report = fixture.build()
        try #require(report.errors.isEmpty, "\(report.errors)")
        timeline = try fixture.page("timeline/index.html")
    }

    /// The timeline's entry for `title`.
    func entry(_ title: String) throws -> HTMLElement {
        try #require(timeline.select("li.entry").first { $0.first("a")?.text == title }, "no entry '\(title)'")
    }

    func position(_ title: String) -> Int? {
        timeline.select("li.entry").firstIndex { $0.first("a")?.text == title }
    }

    @Test(
        "each form reads as the issue specifies",
        arguments: [
            ("Konaré takes office", "June 1992"), ("Konaré grants concessions", "1992"),
            ("An approximate year", "c. 1591"), ("An uncertain year", "1963?"),
            ("An uncertain, approximate year", "c. 1963?"), ("A decade of non-alignment", "1960s"),
            ("A long rule", "1600–1737"), ("An open-ended partnership", "2021 onwards"),
            ("A rule of unknown beginning", "until 1960"), ("A spring offensive", "spring 2023"),
            ("A first-quarter report", "first quarter of 2023"), ("A first-half drought", "first half of 2023"),
            ("The Council ends the mission", "second half of 2023"), ("An ancient founding", "501 BCE"),
        ])
    func display(title: String, shown: String) throws {
        let date = try #require(try entry(title).first("[data-edtf]"))
        #expect(date.text == shown)
    }

    @Test("every date carries its EDTF string, and <time datetime> only a valid HTML date")
    func machineForms() throws {
        let validDatetime = /^[0-9]{4,}(-[0-9]{2}(-[0-9]{2})?)?$/
        for (edtf, title) in Self.events {
            let date = try #require(try entry(title).first("[data-edtf]"))
            #expect(date["data-edtf"] == edtf)
            if let datetime = date["datetime"] {
                #expect(date.tag == "time")
                #expect(datetime.wholeMatch(of: validDatetime) != nil, "\(edtf) gave datetime \(datetime)")
            } else {
                #expect(date.tag == "span", "\(edtf) has no datetime, so it must not be a <time>")
            }
        }
        // A part of a year claims no month it does not know: its <time> holds the year.
        #expect(try entry("A spring offensive").first("time")?["datetime"] == "2023")
        #expect(try entry("A long rule").first("time")?["datetime"] == "1600")
        #expect(try entry("An ancient founding").first("time") == nil)
    }

    @Test("entries sort by the middle of their range: causes before effects")
    func bestEstimateOrder() throws {
        let before: [(String, String)] = [
            ("Konaré takes office", "Konaré grants concessions"),
            ("Mali asks the mission to leave", "The Council ends the mission"),
            ("A first-quarter report", "A spring offensive"),
            ("A first-half drought", "Mali asks the mission to leave"),
            ("An ancient founding", "An approximate year"),
            ("An approximate year", "A long rule"),
            ("An uncertain year", "A decade of non-alignment"),
        ]
        for (earlier, later) in before {
            let first = try #require(position(earlier))
            let second = try #require(position(later))
            #expect(first < second, "'\(earlier)' should come before '\(later)'")
        }
    }

    @Test("equal estimates keep the author's order")
    func authorsOrderBreaksTies() throws {
        let uncertain = try #require(position("An uncertain year"))
        let both = try #require(position("An uncertain, approximate year"))
        #expect(uncertain + 1 == both)
    }

    @Test("only years with more than one entry get a heading; a decade sorts by its estimate; BCE years say so")
    func headings() throws {
        // Each year heading stands over a list of at least two entries; single entries show their date.
        for heading in timeline.select("h3.year") {
            let siblings = heading.parent?.elements ?? []
            let list = try #require(siblings.drop { $0 !== heading }.dropFirst().first, "\(heading.text) heads nothing")
            #expect(list.select("li.entry").count >= 2, "\(heading.text) heads a single entry")
        }
        #expect(!timeline.select("h3.year").map(\.text).contains("501 BCE"), "a year of one entry")
        let dates = timeline.select("li.entry [data-edtf]").map(\.text)
        #expect(dates.contains("501 BCE"))
        // 196X is estimated at the end of 1964: after every entry of 1963.
        let sixties = try #require(dates.firstIndex(of: "1960s"))
        let lastOf1963 = try #require(dates.lastIndex { $0.hasSuffix("1963") })
        #expect(lastOf1963 < sixties)
        #expect(timeline.select("h2").map(\.text).contains("500s BCE"))
    }

    @Test("a span that opens the period of its own name is not given the same heading twice")
    func noRepeatedHeading() throws {
        let century = try #require(timeline.first("section#years-1100"))
        #expect(century.first("h2")?.text == "1100s")
        #expect(century.select("h3.year").isEmpty)
        #expect(century.first("li.entry [data-edtf]")?.text == "1100s")
    }

    @Test("the home page's latest events are the latest by the same order")
    func latestOnHome() throws {
        let home = try fixture.page("index.html")
        let latest = home.select("section[aria-labelledby=home-latest] li").compactMap { $0.first("a")?.text }
        let order = timeline.select("li.entry").compactMap { $0.first("a")?.text }
        #expect(Array(latest.prefix(3)) == Array(order.suffix(3).reversed()))
    }

    @Test("a page lists its own events in the same order")
    func pageEventOrder() throws {
        let page = try fixture.page("topics/chronicle/index.html")
        let titles = page.select("section.events li .event-title").map(\.text)
        let order = timeline.select("li.entry").compactMap { $0.first("a")?.text }.filter { titles.contains($0) }
        #expect(titles == order)
    }
}
