import Testing

@testable import Griot

@Suite("Partial dates keep their precision")
struct PartialDateTests {
    @Test("a year, a month and a day parse at their own precision")
    func parsesEachPrecision() throws {
        #expect(try PartialDate(parsing: "1963").precision == .year)
        #expect(try PartialDate(parsing: "2012-03").precision == .month)
        #expect(try PartialDate(parsing: "1960-08-20").precision == .day)
    }

    @Test(
        "dates display at their precision",
        arguments: [
            ("1963", "1963"), ("2012-03", "March 2012"), ("1963-07-22", "22 July 1963"), ("0700", "700"),
        ])
    func displaysAtPrecision(input: String, expected: String) throws {
        #expect(try PartialDate(parsing: input).displayText == expected)
    }

    @Test(
        "impossible or malformed dates are refused",
        arguments: [
            "2023-02-30", "2023-13", "63", "1963-7-22", "1963/07/22", "", "July 1963", "2024-04-31",
        ])
    func refusesInvalidDates(input: String) {
        #expect(throws: PartialDate.ParseError.self) { try PartialDate(parsing: input) }
    }

    @Test("29 February exists only in leap years")
    func leapYears() throws {
        #expect(try PartialDate(parsing: "2024-02-29").day == 29)
        #expect(throws: PartialDate.ParseError.self) { try PartialDate(parsing: "1900-02-29") }
    }

    @Test("dates sort by earliest instant, then less precise first")
    func ordering() throws {
        let dates = try ["1963-07-22", "1963", "1962-12", "1963-07", "1591"].map(PartialDate.init(parsing:))
        #expect(dates.sorted().map(\.description) == ["1591", "1962-12", "1963", "1963-07", "1963-07-22"])
    }

    @Test("the error for 30 February explains the month's length")
    func explainsMonthLength() {
        let error = #expect(throws: PartialDate.ParseError.self) { try PartialDate(parsing: "2023-02-30") }
        #expect(error?.message.contains("February 2023 has 28 days") == true)
    }
}
