import Foundation
import Testing

@testable import Griot

/// One row of a conformance table: an EDTF string, the days it covers, and how a reader sees it.
struct EDTFExample: Sendable, CustomTestStringConvertible {
    var edtf: String
    /// The first day it can mean, ISO; nil for an open or unknown start.
    var lower: String?
    /// The last day it can mean, ISO; nil for an open or unknown end.
    var upper: String?
    var display: String

    init(_ edtf: String, _ lower: String?, _ upper: String?, _ display: String) {
        self.edtf = edtf
        self.lower = lower
        self.upper = upper
        self.display = display
    }

    var testDescription: String { edtf }
}

/// The examples of the Library of Congress EDTF specification (2019), feature by feature.
enum EDTFSpecificationExamples {
    static let level0Dates = [
        EDTFExample("1985-04-12", "1985-04-12", "1985-04-12", "12 April 1985"),
        EDTFExample("1985-04", "1985-04-01", "1985-04-30", "April 1985"),
        EDTFExample("1985", "1985-01-01", "1985-12-31", "1985"),
    ]

    static let level0Intervals = [
        EDTFExample("1964/2008", "1964-01-01", "2008-12-31", "1964–2008"),
        EDTFExample("2004-06/2006-08", "2004-06-01", "2006-08-31", "June 2004 – August 2006"),
        EDTFExample("2004-02-01/2005-02-08", "2004-02-01", "2005-02-08", "1 February 2004 – 8 February 2005"),
        EDTFExample("2004-02-01/2005-02", "2004-02-01", "2005-02-28", "1 February 2004 – February 2005"),
        EDTFExample("2004-02-01/2005", "2004-02-01", "2005-12-31", "1 February 2004 – 2005"),
        EDTFExample("2005/2006-02", "2005-01-01", "2006-02-28", "2005 – February 2006"),
    ]

    static let letterPrefixedYears = [
        EDTFExample("Y170000002", "+170000002-01-01", "+170000002-12-31", "170,000,002"),
        EDTFExample("Y-170000002", "-170000002-01-01", "-170000002-12-31", "170,000,003 BCE"),
    ]

    static let seasons = [
        EDTFExample("2001-21", "2001-03-01", "2001-05-31", "spring 2001"),
        EDTFExample("2001-22", "2001-06-01", "2001-08-31", "summer 2001"),
        EDTFExample("2001-23", "2001-09-01", "2001-11-30", "autumn 2001"),
        EDTFExample("2001-24", "2001-12-01", "2001-12-31", "winter 2001"),
    ]

    static let qualifiedDates = [
        EDTFExample("1984?", "1984-01-01", "1984-12-31", "1984?"),
        EDTFExample("2004-06~", "2004-06-01", "2004-06-30", "c. June 2004"),
        EDTFExample("2004-06-11%", "2004-06-11", "2004-06-11", "c. 11 June 2004?"),
    ]

    static let unspecifiedDigits = [
        EDTFExample("201X", "2010-01-01", "2019-12-31", "2010s"),
        EDTFExample("20XX", "2000-01-01", "2099-12-31", "2000s"),
        EDTFExample("2004-XX", "2004-01-01", "2004-12-31", "2004 (month unknown)"),
        EDTFExample("1985-04-XX", "1985-04-01", "1985-04-30", "April 1985"),
        EDTFExample("1985-XX-XX", "1985-01-01", "1985-12-31", "1985 (month and day unknown)"),
    ]

    static let extendedIntervals = [
        EDTFExample("1985-04-12/..", "1985-04-12", nil, "12 April 1985 onwards"),
        EDTFExample("1985-04/..", "1985-04-01", nil, "April 1985 onwards"),
        EDTFExample("1985/..", "1985-01-01", nil, "1985 onwards"),
        EDTFExample("../1985-04-12", nil, "1985-04-12", "until 12 April 1985"),
        EDTFExample("../1985-04", nil, "1985-04-30", "until April 1985"),
        EDTFExample("../1985", nil, "1985-12-31", "until 1985"),
        EDTFExample("1985-04-12/", "1985-04-12", nil, "12 April 1985 – unknown"),
        EDTFExample("1985-04/", "1985-04-01", nil, "April 1985 – unknown"),
        EDTFExample("1985/", "1985-01-01", nil, "1985 – unknown"),
        EDTFExample("/1985-04-12", nil, "1985-04-12", "unknown – 12 April 1985"),
        EDTFExample("/1985-04", nil, "1985-04-30", "unknown – April 1985"),
        EDTFExample("/1985", nil, "1985-12-31", "unknown – 1985"),
    ]

    static let qualifiedIntervals = [
        EDTFExample("1984~/2004-06", "1984-01-01", "2004-06-30", "c. 1984 – June 2004"),
        EDTFExample("1984/2004-06~", "1984-01-01", "2004-06-30", "1984 – c. June 2004"),
        EDTFExample("1984~/2004~", "1984-01-01", "2004-12-31", "c. 1984 – c. 2004"),
        EDTFExample("1984?/2004%", "1984-01-01", "2004-12-31", "1984? – c. 2004?"),
        EDTFExample("1984-06?/2004-08?", "1984-06-01", "2004-08-31", "June 1984? – August 2004?"),
        EDTFExample("1984-06-02?/2004-08-08~", "1984-06-02", "2004-08-08", "2 June 1984? – c. 8 August 2004"),
        EDTFExample("1984-06-02?/", "1984-06-02", nil, "2 June 1984? – unknown"),
        EDTFExample("1984-06-02?/..", "1984-06-02", nil, "2 June 1984? onwards"),
    ]

    static let negativeYears = [
        EDTFExample("-1985", "-1985-01-01", "-1985-12-31", "1986 BCE"),
        EDTFExample("-0500", "-0500-01-01", "-0500-12-31", "501 BCE"),
        EDTFExample("0000", "0000-01-01", "0000-12-31", "1 BCE"),
        EDTFExample("-0001", "-0001-01-01", "-0001-12-31", "2 BCE"),
    ]

    /// Level 2's sub-year groupings, the specification's "2001-34" among them.
    static let subYearGroupings = [
        EDTFExample("2001-25", "2001-03-01", "2001-05-31", "spring (Northern Hemisphere) 2001"),
        EDTFExample("2001-26", "2001-06-01", "2001-08-31", "summer (Northern Hemisphere) 2001"),
        EDTFExample("2001-27", "2001-09-01", "2001-11-30", "autumn (Northern Hemisphere) 2001"),
        EDTFExample("2001-28", "2001-12-01", "2001-12-31", "winter (Northern Hemisphere) 2001"),
        EDTFExample("2001-29", "2001-09-01", "2001-11-30", "spring (Southern Hemisphere) 2001"),
        EDTFExample("2001-30", "2001-12-01", "2001-12-31", "summer (Southern Hemisphere) 2001"),
        EDTFExample("2001-31", "2001-03-01", "2001-05-31", "autumn (Southern Hemisphere) 2001"),
        EDTFExample("2001-32", "2001-06-01", "2001-08-31", "winter (Southern Hemisphere) 2001"),
        EDTFExample("2001-33", "2001-01-01", "2001-03-31", "first quarter of 2001"),
        EDTFExample("2001-34", "2001-04-01", "2001-06-30", "second quarter of 2001"),
        EDTFExample("2001-35", "2001-07-01", "2001-09-30", "third quarter of 2001"),
        EDTFExample("2001-36", "2001-10-01", "2001-12-31", "fourth quarter of 2001"),
        EDTFExample("2001-37", "2001-01-01", "2001-04-30", "first four months of 2001"),
        EDTFExample("2001-38", "2001-05-01", "2001-08-31", "middle four months of 2001"),
        EDTFExample("2001-39", "2001-09-01", "2001-12-31", "last four months of 2001"),
        EDTFExample("2001-40", "2001-01-01", "2001-06-30", "first half of 2001"),
        EDTFExample("2001-41", "2001-07-01", "2001-12-31", "second half of 2001"),
    ]

    static let all =
        level0Dates + level0Intervals + letterPrefixedYears + seasons + qualifiedDates + unspecifiedDigits
        + extendedIntervals + qualifiedIntervals + negativeYears + subYearGroupings
}

@Suite("EDTF: every example of the specification parses, with its days and its English")
struct EDTFConformanceTests {
    @Test("Level 0: calendar dates at day, month and year precision", arguments: EDTFSpecificationExamples.level0Dates)
    func level0Dates(example: EDTFExample) throws { try check(example) }

    @Test("Level 0: intervals whose ends may differ in precision", arguments: EDTFSpecificationExamples.level0Intervals)
    func level0Intervals(example: EDTFExample) throws { try check(example) }

    @Test(
        "Level 1: years beyond four digits take the Y prefix", arguments: EDTFSpecificationExamples.letterPrefixedYears)
    func letterPrefixedYears(example: EDTFExample) throws { try check(example) }

    @Test(
        "Level 1: seasons 21–24 are meteorological, winter being its year's December",
        arguments: EDTFSpecificationExamples.seasons)
    func seasons(example: EDTFExample) throws { try check(example) }

    @Test(
        "Level 1: ?, ~ and % qualify the whole date without moving its days",
        arguments: EDTFSpecificationExamples.qualifiedDates)
    func qualifiedDates(example: EDTFExample) throws { try check(example) }

    @Test("Level 1: unspecified digits X widen the range", arguments: EDTFSpecificationExamples.unspecifiedDigits)
    func unspecifiedDigits(example: EDTFExample) throws { try check(example) }

    @Test(
        "Level 1: open (..) and unknown (empty) interval ends have no bound",
        arguments: EDTFSpecificationExamples.extendedIntervals)
    func extendedIntervals(example: EDTFExample) throws { try check(example) }

    @Test(
        "Level 1: each end of an interval carries its own qualifier",
        arguments: EDTFSpecificationExamples.qualifiedIntervals)
    func qualifiedIntervals(example: EDTFExample) throws { try check(example) }

    @Test(
        "Level 1: negative years are astronomical, year 0 being 1 BCE",
        arguments: EDTFSpecificationExamples.negativeYears)
    func negativeYears(example: EDTFExample) throws { try check(example) }

    @Test("Level 2: sub-year groupings 25–41", arguments: EDTFSpecificationExamples.subYearGroupings)
    func subYearGroupings(example: EDTFExample) throws { try check(example) }

    private func check(_ example: EDTFExample) throws {
        let date = try EDTFDate(parsing: example.edtf)
        #expect(date.text == example.edtf)
        #expect(date.edtf == example.edtf, "the normalised form is the string written")
        #expect(date.lowerStrict?.iso == example.lower)
        #expect(date.upperStrict?.iso == example.upper)
        #expect(date.displayText == example.display)
        #expect(date.export == EDTFExport(edtf: example.edtf, lower: example.lower, upper: example.upper))
    }
}

@Suite("EDTF: display is precise to what is known")
struct EDTFDisplayTests {
    /// The renderings the issue fixes exactly.
    @Test(
        "the issue's renderings, exactly",
        arguments: [
            ("1963-07-22", "22 July 1963"), ("1963-07", "July 1963"), ("1963", "1963"), ("1591~", "c. 1591"),
            ("1963?", "1963?"), ("1963%", "c. 1963?"), ("196X", "1960s"), ("19XX", "1900s"),
            ("1600/1737", "1600–1737"), ("2021/..", "2021 onwards"), ("../1960", "until 1960"),
            ("2023-21", "spring 2023"), ("2023-33", "first quarter of 2023"), ("2023-40", "first half of 2023"),
            ("2023-41", "second half of 2023"), ("-0500", "501 BCE"),
        ])
    func issueRenderings(edtf: String, shown: String) throws {
        #expect(try EDTFDate(parsing: edtf).displayText == shown)
    }

    @Test(
        "the rest in the same spirit",
        arguments: [
            ("2023-22", "summer 2023"), ("2023-25", "spring (Northern Hemisphere) 2023"),
            ("2023-37", "first four months of 2023"), ("2004-XX", "2004 (month unknown)"),
            ("2004-XX~", "c. 2004 (month unknown)"), ("1985/", "1985 – unknown"), ("/1985", "unknown – 1985"),
            ("1985-04-XX", "April 1985"), ("2013-03-03/2013-04-05", "3 March – 5 April 2013"),
            ("1963-03/1963-06", "March–June 1963"), ("1963-03-03/1963-03-07", "3–7 March 1963"),
            ("1963/1963", "1963"), ("-0500/-0400", "501–401 BCE"), ("-0043/0014", "44 BCE – 14 CE"),
            ("196X~", "c. 1960s"), ("200X", "2000–2009"), ("1XXX", "1000–1999"), ("-19XX", "2000–1901 BCE"),
            ("1591~/1737", "c. 1591 – 1737"), ("2023-21~", "c. spring 2023"), ("Y17000", "17,000"),
            ("196X/1975", "1960s–1975"), ("2023-02-01/2023-21", "1 February 2023 – spring 2023"),
        ])
    func sameSpirit(edtf: String, shown: String) throws {
        #expect(try EDTFDate(parsing: edtf).displayText == shown)
    }

    @Test(
        "HTML's <time datetime> gets the most precise honest value, or none",
        arguments: [
            ("1963-07-22", "1963-07-22"), ("1963-07", "1963-07"), ("1963", "1963"), ("1591~", "1591"),
            ("2023-21", "2023"), ("2004-XX", "2004"), ("1985-04-XX", "1985-04"), ("0033", "0033"),
            ("Y170000002", "170000002"), ("1964/2008", "1964"), ("1985-04/..", "1985-04"), ("196X", nil),
            ("-0500", nil), ("0000", nil), ("../1960", nil), ("/1960", nil), ("Y-170000002", nil),
        ] as [(String, String?)])
    func htmlDatetime(edtf: String, datetime: String?) throws {
        #expect(try EDTFDate(parsing: edtf).htmlDatetime == datetime)
    }
}

@Suite("EDTF: a timeline sorts by the middle of each date's days")
struct EDTFOrderingTests {
    @Test("dates sort by midpoint: a bare year sits mid-year, after its June")
    func midpointOrder() throws {
        let written = [
            "2023-41", "1992", "196X", "../1960", "2023-06", "1992-06", "-0500", "1600/1737", "2023-21", "2023-24",
        ]
        let sorted = try written.map(EDTFDate.init(parsing:)).sorted { $0.sortKey < $1.sortKey }.map(\.text)
        #expect(
            sorted == [
                "-0500", "1600/1737", "../1960", "196X", "1992-06", "1992", "2023-21", "2023-06", "2023-41", "2023-24",
            ])
    }

    @Test("equal midpoints put the narrower range first")
    func narrowerFirst() throws {
        // 2023 runs 1 January to 31 December: its middle day is 2 July.
        let day = try EDTFDate(parsing: "2023-07-02")
        let year = try EDTFDate(parsing: "2023")
        #expect(day.sortKey.midpoint == year.sortKey.midpoint)
        #expect(day.sortKey < year.sortKey)
        #expect(!(year.sortKey < day.sortKey))
    }

    @Test("an interval sorts by its start, or by its end when the start is open or unknown")
    func intervalsSortByStart() throws {
        #expect(try EDTFDate(parsing: "1600/1737").sortKey == EDTFDate(parsing: "1600").sortKey)
        #expect(try EDTFDate(parsing: "../1960").sortKey == EDTFDate(parsing: "1960").sortKey)
        #expect(try EDTFDate(parsing: "/1960-05").sortKey == EDTFDate(parsing: "1960-05").sortKey)
    }

    @Test("qualifiers do not move a date")
    func qualifiersIgnored() throws {
        #expect(try EDTFDate(parsing: "1591~").sortKey == EDTFDate(parsing: "1591").sortKey)
        #expect(try EDTFDate(parsing: "1591%").lowerStrict == EDTFDate(parsing: "1591").lowerStrict)
    }

    @Test(
        "the estimated year is the year of the midpoint",
        arguments: [
            ("1963-07-22", 1963), ("1963", 1963), ("196X", 1964), ("19XX", 1949), ("-0500", -500),
            ("2023-24", 2023), ("1600/1737", 1600), ("../1960", 1960), ("Y170000002", 170_000_002),
        ])
    func estimatedYear(edtf: String, year: Int) throws {
        #expect(try EDTFDate(parsing: edtf).estimatedYear == year)
    }

    @Test(
        "entries coarser than a year get a label to group under; a year or finer gets none",
        arguments: [
            ("196X", "1960s"), ("19XX", "1900s"), ("200X", "2000–2009"), ("196X/1975", "1960s"),
            ("1963", nil), ("1963-07", nil), ("2023-21", nil), ("2004-XX", nil), ("../1960", nil),
        ] as [(String, String?)])
    func coarseLabel(edtf: String, label: String?) throws {
        let date = try EDTFDate(parsing: edtf)
        #expect(date.coarseLabel == label)
        #expect(date.isCoarserThanYear == (label != nil))
    }
}

/// An invalid string, where its error points, and what the error says.
struct EDTFInvalidExample: Sendable, CustomTestStringConvertible {
    var text: String
    var offset: Int
    var kind: EDTFParseError.Kind
    var reason: String
    var hint: String

    init(_ text: String, _ offset: Int, _ kind: EDTFParseError.Kind, _ reason: String, _ hint: String) {
        self.text = text
        self.offset = offset
        self.kind = kind
        self.reason = reason
        self.hint = hint
    }

    var testDescription: String { text.isEmpty ? "(empty)" : text }
}

@Suite("EDTF: invalid strings get an error that points and teaches")
struct EDTFErrorTests {
    static let invalid = [
        EDTFInvalidExample("2023-02-30", 8, .invalidDay, "February 2023 has 28 days", "did you mean 2023-02-28?"),
        EDTFInvalidExample("2024-02-30", 8, .invalidDay, "February 2024 has 29 days", "did you mean 2024-02-29?"),
        EDTFInvalidExample("2023-02-29", 8, .invalidDay, "2023 is not a leap year", "did you mean 2023-02-28?"),
        EDTFInvalidExample("2023-04-31", 8, .invalidDay, "April 2023 has 30 days", "did you mean 2023-04-30?"),
        EDTFInvalidExample("2023-04-00", 8, .invalidDay, "days start at 01", "did you mean 2023-04-01?"),
        EDTFInvalidExample("2023-13", 5, .invalidMonth, "months run 01–12", "for a season use 21–24, e.g. 2023-21"),
        EDTFInvalidExample("2023-00", 5, .invalidMonth, "months run 01–12", "did you mean 2023 (the year alone)"),
        EDTFInvalidExample("2023-45", 5, .invalidMonth, "neither a month", "2023-21 for spring"),
        EDTFInvalidExample("196Y", 3, .invalidYear, "'Y' is not a digit", "did you mean 196X?"),
        EDTFInvalidExample("196x", 3, .invalidUnspecifiedDigits, "capital X", "did you mean 196X?"),
        EDTFInvalidExample("196u", 3, .invalidUnspecifiedDigits, "capital X", "did you mean 196X?"),
        EDTFInvalidExample("19X5", 3, .invalidUnspecifiedDigits, "the year's last", "did you mean 19XX?"),
        EDTFInvalidExample("XXXX", 0, .invalidUnspecifiedDigits, "no known digit", "1XXX"),
        EDTFInvalidExample("1985/1984", 5, .endBeforeStart, "ends before it starts", "did you mean 1984/1985?"),
        EDTFInvalidExample("", 0, .empty, "empty", "1963-07-22"),
        EDTFInvalidExample("garbage", 0, .unexpectedCharacter, "'g' cannot start a date", "1964/2008"),
        EDTFInvalidExample("July 1963", 0, .unexpectedCharacter, "'J' cannot start a date", "1963-07-22"),
        EDTFInvalidExample("63", 0, .invalidYear, "four digits", "e.g. 1963, or 0063 for the year 63"),
        EDTFInvalidExample("800", 0, .invalidYear, "four digits", "did you mean 0800?"),
        EDTFInvalidExample("12345", 0, .invalidYear, "Y prefix", "did you mean Y12345?"),
        EDTFInvalidExample("19850412", 4, .invalidYear, "separated by '-'", "did you mean 1985-04-12?"),
        EDTFInvalidExample("Y1985", 0, .invalidYear, "only for years beyond four digits", "did you mean 1985?"),
        EDTFInvalidExample("Y017000", 1, .invalidYear, "does not start with 0", "did you mean Y17000?"),
        EDTFInvalidExample("Y17000-01", 6, .invalidMonth, "stands alone", "did you mean Y17000?"),
        EDTFInvalidExample("Y17E7", 3, .invalidYear, "exponents", "Y170000000"),
        EDTFInvalidExample("y17000", 0, .invalidYear, "capital Y", "did you mean Y17000?"),
        EDTFInvalidExample("-0000", 0, .invalidYear, "no year -0000", "0000 (1 BCE)"),
        EDTFInvalidExample("+1985", 0, .invalidYear, "no '+' sign", "did you mean 1985?"),
        EDTFInvalidExample(
            "1985-04-12T23:20:30", 10, .unexpectedCharacter, "no time of day", "did you mean 1985-04-12?"),
        EDTFInvalidExample("1984?~", 5, .invalidQualifier, "one qualifier", "write 1984% instead"),
        EDTFInvalidExample("?1984", 0, .invalidQualifier, "after the whole date", "write 1984? instead"),
        EDTFInvalidExample("2004?-06", 4, .invalidQualifier, "after the whole date", "write 2004-06? instead"),
        EDTFInvalidExample("1964-2008", 4, .invalidInterval, "written with '/'", "did you mean 1964/2008?"),
        EDTFInvalidExample("1964–2008", 4, .unexpectedCharacter, "written with '/'", "did you mean 1964/2008?"),
        EDTFInvalidExample("1985/open", 5, .invalidInterval, "open end is written ..", "did you mean 1985/..?"),
        EDTFInvalidExample("1985/unknown", 5, .invalidInterval, "left empty", "did you mean 1985/?"),
        EDTFInvalidExample("..", 0, .invalidInterval, "'..' alone", "1985/.."),
        EDTFInvalidExample("../..", 0, .invalidInterval, "needs a date", "../1985"),
        EDTFInvalidExample("/", 0, .invalidInterval, "needs a date", "1985/.."),
        EDTFInvalidExample("1985/1990/1995", 9, .invalidInterval, "one '/'", "1964/2008"),
        EDTFInvalidExample("1985/...", 5, .unexpectedCharacter, "stands alone", "1985/.."),
        EDTFInvalidExample("2023-21-05", 7, .invalidDay, "a season has no days", "did you mean 2023-21?"),
        EDTFInvalidExample("2023-33-05", 7, .invalidDay, "a part of a year has no days", "did you mean 2023-33?"),
        EDTFInvalidExample("201X-05", 5, .invalidUnspecifiedDigits, "stands alone", "did you mean 201X?"),
        EDTFInvalidExample("1985-X4", 5, .invalidUnspecifiedDigits, "unknown (XX)", "did you mean 1985-XX?"),
        EDTFInvalidExample("1985-XX-04", 8, .invalidDay, "a known day needs a known month", "did you mean 1985-XX-XX?"),
        EDTFInvalidExample("2023-7", 5, .invalidMonth, "two digits", "did you mean 2023-07?"),
        EDTFInvalidExample("2023-07-4", 8, .invalidDay, "two digits", "did you mean 2023-07-04?"),
        EDTFInvalidExample("2023-", 4, .invalidMonth, "ends with '-'", "did you mean 2023?"),
        EDTFInvalidExample(
            "1985-04-12-01", 10, .unexpectedCharacter, "at most a year, a month and a day", "1985-04-12"),
        EDTFInvalidExample("1985 ", 4, .unexpectedCharacter, "no spaces", "did you mean 1985?"),
        EDTFInvalidExample("[1667,1668]", 0, .unexpectedCharacter, "sets of dates", "1667/1672"),
        EDTFInvalidExample("1950S2", 4, .unexpectedCharacter, "significant digits", "19XX"),
        EDTFInvalidExample("-00XX", 0, .invalidUnspecifiedDigits, "known digit other than 0", "-0099/0000"),
        EDTFInvalidExample("1985-04-12/1985-04-11", 11, .endBeforeStart, "ends before", "1985-04-11/1985-04-12"),
        EDTFInvalidExample("2000/1999-02-30", 13, .invalidDay, "February 1999 has 28 days", "2000/1999-02-28"),
    ]

    @Test("each invalid string is refused at the right place, with the closest valid form", arguments: invalid)
    func refused(example: EDTFInvalidExample) {
        let error = #expect(throws: EDTFParseError.self) { try EDTFDate(parsing: example.text) }
        #expect(error?.offset == example.offset)
        #expect(error?.kind == example.kind)
        #expect(error?.reason.contains(example.reason) == true, "\(error?.reason ?? "")")
        #expect(error?.hint.contains(example.hint) == true, "\(error?.hint ?? "")")
        #expect(error?.text == example.text)
    }

    @Test("the two errors the issue quotes read exactly as quoted")
    func quotedErrors() {
        let february = #expect(throws: EDTFParseError.self) { try EDTFDate(parsing: "2023-02-30") }
        #expect(february?.description == "2023-02-30: February 2023 has 28 days; did you mean 2023-02-28?")
        let thirteen = #expect(throws: EDTFParseError.self) { try EDTFDate(parsing: "2023-13") }
        #expect(thirteen?.description == "2023-13: months run 01–12; for a season use 21–24, e.g. 2023-21")
    }

    @Test("offsets count characters, not bytes, so a caller can compute the column")
    func offsetsInCharacters() {
        // "–" is three bytes in UTF-8 but one character; the space after it is the fifth character.
        let error = #expect(throws: EDTFParseError.self) { try EDTFDate(parsing: "1964–2008") }
        #expect(error?.offset == 4)
        // The second '/' is byte 11 but character 10.
        let afterAccent = #expect(throws: EDTFParseError.self) { try EDTFDate(parsing: "1985é/1990/2000") }
        #expect(afterAccent?.offset == 10)
    }
}

@Suite("EDTF: older front matter (date, until, circa) becomes one value")
struct EDTFFrontMatterTests {
    @Test(
        "date, until and circa combine",
        arguments: [
            ("1963-07-22", nil, false, "1963-07-22", "22 July 1963"),
            ("1963", nil, true, "1963~", "c. 1963"),
            ("1963?", nil, true, "1963%", "c. 1963?"),
            ("1963~", nil, true, "1963~", "c. 1963"),
            ("1591", "1737", false, "1591/1737", "1591–1737"),
            ("1591", "1737", true, "1591~/1737", "c. 1591 – 1737"),
            ("1985", "..", false, "1985/..", "1985 onwards"),
            ("1985", "", false, "1985", "1985"),
            ("1985/..", nil, true, "1985~/..", "c. 1985 onwards"),
            ("../1985", nil, true, "../1985~", "until c. 1985"),
            ("1963-03", "1963", false, "1963-03/1963", "March 1963 – 1963"),
        ] as [(String, String?, Bool, String, String)])
    func combines(date: String, until: String?, circa: Bool, edtf: String, shown: String) throws {
        let value = try EDTFDate(date: date, until: until, circa: circa)
        #expect(value.text == edtf)
        #expect(value.displayText == shown)
        #expect(try EDTFDate(parsing: edtf) == value, "the combined value is the EDTF string it shows")
    }

    @Test("an error in 'until' points into 'until'")
    func untilErrors() {
        let month = #expect(throws: EDTFParseError.self) { try EDTFDate(date: "1990", until: "1999-13") }
        #expect(month?.field == .until)
        #expect(month?.offset == 5)
        let early = #expect(throws: EDTFParseError.self) { try EDTFDate(date: "1990", until: "1980") }
        #expect(early?.field == .until)
        #expect(early?.kind == .endBeforeStart)
        let interval = #expect(throws: EDTFParseError.self) { try EDTFDate(date: "1990/1995", until: "2000") }
        #expect(interval?.kind == .invalidInterval)
        let twice = #expect(throws: EDTFParseError.self) { try EDTFDate(date: "1990", until: "1995/2000") }
        #expect(twice?.offset == 4)
    }

    @Test("an error in 'date' points into 'date'")
    func dateErrors() {
        let error = #expect(throws: EDTFParseError.self) { try EDTFDate(date: "2023-02-30", until: "2024") }
        #expect(error?.field == .date)
        #expect(error?.offset == 8)
    }
}

@Suite("EDTF: machine forms for exports")
struct EDTFMachineFormTests {
    @Test("an EDTF value encodes as its string and decodes only if valid")
    func codableAsString() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let value = try EDTFDate(parsing: "1591~/1737")
        let json = try encoder.encode([value])
        #expect(String(decoding: json, as: UTF8.self) == #"["1591~/1737"]"#)
        #expect(try JSONDecoder().decode([EDTFDate].self, from: json) == [value])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([EDTFDate].self, from: Data(#"["2023-13"]"#.utf8))
        }
    }

    @Test(
        "the export carries the string and ISO bounds, signed past four digits, none for open ends",
        arguments: [
            ("1963-07", #"{"edtf":"1963-07","lower":"1963-07-01","upper":"1963-07-31"}"#),
            ("-0500~", #"{"edtf":"-0500~","lower":"-0500-01-01","upper":"-0500-12-31"}"#),
            ("Y170000002", #"{"edtf":"Y170000002","lower":"+170000002-01-01","upper":"+170000002-12-31"}"#),
            ("1985/..", #"{"edtf":"1985/..","lower":"1985-01-01"}"#),
        ])
    func export(edtf: String, json: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let export = try EDTFDate(parsing: edtf).export
        #expect(String(decoding: try encoder.encode(export), as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(EDTFExport.self, from: Data(json.utf8)) == export)
    }

    @Test("calendar days read back what they write, BCE and long years included")
    func calendarDayISO() throws {
        for iso in ["1963-07-22", "0000-01-01", "-0500-02-28", "+170000002-12-31", "-170000002-01-01"] {
            #expect(CalendarDay(iso: iso)?.iso == iso)
        }
        #expect(CalendarDay(iso: "2023-02-29") == nil)
        #expect(CalendarDay(dayNumber: 0).iso == "1970-01-01")
        #expect(CalendarDay(year: 1963, month: 7, day: 22)?.dayNumber == -2355)
    }
}

/// Random valid EDTF strings across every feature Griot reads.
enum EDTFRandomStrings {
    static func date(_ random: inout SeededGenerator) -> String {
        let year = Int.random(in: -2500...2500, using: &random)
        var text =
            (year < 0 ? "-" : "") + String(repeating: "0", count: 4 - String(year.magnitude).count)
            + String(year.magnitude)
        switch Int.random(in: 0..<10, using: &random) {
        case 0, 1:
            break
        case 2, 3:
            text += "-" + two(Int.random(in: 1...12, using: &random))
        case 4, 5:
            let month = Int.random(in: 1...12, using: &random)
            let day = Int.random(in: 1...CalendarDay.daysInMonth(month, ofYear: year), using: &random)
            text += "-" + two(month) + "-" + two(day)
        case 6:
            text += "-" + String(Int.random(in: 21...41, using: &random))
        case 7:
            let unknown = Int.random(in: 1...3, using: &random)
            let known = text.suffix(4).prefix(4 - unknown)
            if year >= 0 || known.contains(where: { $0 != "0" }) {
                text = (year < 0 ? "-" : "") + known + String(repeating: "X", count: unknown)
            }
        case 8:
            text += ["-XX", "-XX-XX", "-" + two(Int.random(in: 1...12, using: &random)) + "-XX"].randomElement(
                using: &random)!
        default:
            text =
                "Y" + (Bool.random(using: &random) ? "-" : "")
                + String(Int.random(in: 10_000...999_999_999, using: &random))
        }
        if Int.random(in: 0..<4, using: &random) == 0 { text += ["?", "~", "%"].randomElement(using: &random)! }
        return text
    }

    static func value(_ random: inout SeededGenerator) throws -> String {
        switch Int.random(in: 0..<3, using: &random) {
        case 0:
            return date(&random)
        case 1:
            let ends = try [date(&random), date(&random)].sorted {
                try EDTFDate(parsing: $0).lowerStrict! < EDTFDate(parsing: $1).lowerStrict!
            }
            return ends[0] + "/" + ends[1]
        default:
            let known = date(&random)
            return [known + "/..", "../" + known, known + "/", "/" + known].randomElement(using: &random)!
        }
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

@Suite("EDTF: properties that hold for every valid date")
struct EDTFPropertyTests {
    @Test("random valid dates: bounds in order, display non-empty, the string round-trips")
    func randomDates() throws {
        var random = SeededGenerator(seed: 1963)
        for _ in 0..<5000 {
            let text = try EDTFRandomStrings.value(&random)
            let date = try EDTFDate(parsing: text)
            #expect(date.edtf == text)
            #expect(try EDTFDate(parsing: date.edtf) == date)
            if let lower = date.lowerStrict, let upper = date.upperStrict { #expect(lower <= upper, "\(text)") }
            let anchor = date.anchorDate
            #expect(anchor.lowerStrict <= date.estimatedDay && date.estimatedDay <= anchor.upperStrict)
            #expect(!date.displayText.isEmpty)
            #expect(date.export.lower == date.lowerStrict?.iso)
            if let lower = date.lowerStrict { #expect(CalendarDay(iso: lower.iso) == lower) }
        }
    }

    @Test("any string is either refused with an offset inside it, or accepted and written back as it was")
    func arbitraryStrings() {
        let alphabet = Array("0123456789XX--//??~%..Y xuT–é")
        var random = SeededGenerator(seed: 2008)
        for _ in 0..<20000 {
            let length = Int.random(in: 0...14, using: &random)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
            do {
                let date = try EDTFDate(parsing: text)
                #expect(date.edtf == text)
                if let lower = date.lowerStrict, let upper = date.upperStrict { #expect(lower <= upper, "\(text)") }
            } catch {
                #expect((0...max(0, text.unicodeScalars.count - 1)).contains(error.offset), "\(text)")
                #expect(!error.reason.isEmpty && !error.hint.isEmpty)
            }
        }
    }

    @Test("day numbers and calendar days convert both ways across eras")
    func dayNumbersRoundTrip() {
        var random = SeededGenerator(seed: 22)
        for _ in 0..<2000 {
            let number = Int.random(in: -1_000_000_000...1_000_000_000, using: &random)
            let day = CalendarDay(dayNumber: number)
            #expect(day.dayNumber == number)
            #expect(CalendarDay(year: day.year, month: day.month, day: day.day) == day)
        }
    }
}

/// Writes Griot's bounds for the strings in `EDTF_CROSSCHECK_FILE` to `EDTF_CROSSCHECK_OUT`,
/// one "string lower upper" line each (`open`, `unknown` or `error` in place of a day), for
/// `bench/edtf-crosscheck.sh` to compare with Python's `edtf`.
@Suite("EDTFCrossCheck: bounds for bench/edtf-crosscheck.sh")
struct EDTFCrossCheck {
    static let input = ProcessInfo.processInfo.environment["EDTF_CROSSCHECK_FILE"]
    static let output = ProcessInfo.processInfo.environment["EDTF_CROSSCHECK_OUT"]

    @Test(
        "write Griot's strict bounds for every string in EDTF_CROSSCHECK_FILE",
        .enabled(
            if: EDTFCrossCheck.input != nil && EDTFCrossCheck.output != nil,
            "set EDTF_CROSSCHECK_FILE and EDTF_CROSSCHECK_OUT to run"))
    func writeBounds() throws {
        let lines = try String(contentsOfFile: Self.input!, encoding: .utf8).split(separator: "\n")
        var out = ""
        for line in lines {
            let text = String(line.split(separator: "\t", maxSplits: 1).first ?? "")
            let bounds: String
            do {
                let date = try EDTFDate(parsing: text)
                bounds = Self.side(date.lowerStrict, date.start) + " " + Self.side(date.upperStrict, date.end)
            } catch {
                bounds = "error error"
            }
            out += text + " " + bounds + "\n"
        }
        try out.write(toFile: Self.output!, atomically: true, encoding: .utf8)
    }

    static func side(_ day: CalendarDay?, _ end: EDTFIntervalEnd) -> String {
        if let day { return day.iso }
        return end == .open ? "open" : "unknown"
    }
}
