/// Reads EDTF strings (Levels 0 and 1, and Level 2's sub-year groupings 25–41) into an
/// ``EDTFDate/Form``, refusing anything else with an ``EDTFParseError`` that teaches the fix.
///
/// Grammar accepted:
///
///     edtf     = date | end "/" end
///     end      = date | ".." | ""                (not both ends ".." or "")
///     date     = (longyear | year ["-" month ["-" day]] | year "-" subyear) [qualifier]
///     year     = ["-"] 4 × (digit), of which 1–3 rightmost may be "X"
///     longyear = "Y" ["-"] 5 or more digits, not starting with 0
///     month    = "01"…"12" | "XX"            (only after a fully known year)
///     subyear  = "21"…"41"
///     day      = "01"…last day of the month | "XX"   (a known day needs a known month)
///     qualifier = "?" | "~" | "%"
///
/// Offsets in errors count Unicode scalars from the start of the whole string.
struct EDTFParser {
    typealias Reason = EDTFParseError.Reason

    let text: String
    let scalars: [Unicode.Scalar]
    /// The front-matter field errors are reported against.
    let field: EDTFParseError.Field

    init(_ text: String, field: EDTFParseError.Field = .date) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
        self.field = field
    }

    // MARK: - Whole string

    func parse() throws(EDTFParseError) -> EDTFDate.Form {
        guard !scalars.isEmpty else {
            throw fail(
                "the date is empty", #"write a date such as "1963", "1963-07" or "1963-07-22""#, at: 0, .empty)
        }
        let slashes = scalars.indices.filter { scalars[$0] == "/" }
        if slashes.count > 1 {
            throw fail(
                "'\(text)' has more than one '/'",
                #"an interval has one '/' between its start and its end, e.g. "1964/2008""#, at: slashes[1],
                .invalidInterval)
        }
        guard let slash = slashes.first else {
            if written(scalars.indices) == ".." {
                throw fail(
                    "'..' alone is not a date",
                    #"'..' marks an open end of an interval: "1985/.." is 1985 onwards, "../1985" until 1985"#,
                    at: 0, .invalidInterval)
            }
            return .single(try parseDate(scalars.indices))
        }
        let start = try parseEnd(0..<slash)
        let end = try parseEnd((slash + 1)..<scalars.count)
        switch (start, end) {
        case (.date(let first), .date(let last)):
            guard last.isNotBefore(first) else {
                throw fail(
                    "'\(text)' ends before it starts",
                    "an interval's end must not come before its start; did you mean \"\(last.edtf)/\(first.edtf)\"?",
                    at: slash + 1, .endBeforeStart)
            }
        case (.date, _), (_, .date):
            break
        default:
            throw fail(
                "'\(text)' has no known end",
                #"an interval needs a date on at least one side, e.g. "1985/.." (1985 onwards) or "../1985" (until 1985)"#,
                at: 0, .invalidInterval)
        }
        return .interval(start: start, end: end)
    }

    /// Parses the `until` of old front matter: one date, or `..` for no end; `nil` if empty.
    func parseUntil() throws(EDTFParseError) -> EDTFIntervalEnd? {
        if let slash = scalars.firstIndex(of: "/") {
            throw fail(
                "'until' is one date, but '\(text)' is an interval",
                "write the period's end alone, e.g. \"\(written((slash + 1)..<scalars.count))\"", at: slash,
                .invalidInterval)
        }
        let end = try parseEnd(scalars.indices)
        return end == .unknown ? nil : end
    }

    /// Parses one side of an interval.
    func parseEnd(_ range: Range<Int>) throws(EDTFParseError) -> EDTFIntervalEnd {
        let side = written(range)
        if side.isEmpty { return .unknown }
        if side == ".." { return .open }
        if side.hasPrefix("..") || side.hasSuffix("..") {
            throw fail(
                "'..' must stand alone on its side of the '/'",
                #"'..' is a whole end by itself: "1985/.." (1985 onwards) or "../1985" (until 1985)"#,
                at: range.lowerBound, .invalidInterval)
        }
        return .date(try parseDate(range))
    }

    // MARK: - One date

    /// Parses a single date occupying exactly `range`.
    func parseDate(_ range: Range<Int>) throws(EDTFParseError) -> EDTFSingleDate {
        let end = range.upperBound
        let side = written(range)
        if ["open", "unknown"].contains(side.lowercased()) {
            throw fail(
                "'\(side)' is not a date",
                #"an open end of an interval is written "..", an unknown end is left empty: "1985/..", "1985/""#,
                at: range.lowerBound, .invalidInterval)
        }
        if let first = at(range.lowerBound, end), first == "Y" || first == "y" {
            return try parseLongYear(range)
        }
        var i = range.lowerBound
        var negative = false
        if at(i, end) == "-" {
            negative = true
            i += 1
        } else if at(i, end) == "+" {
            throw fail(
                "'\(text)' has a '+' before the year",
                "write the year without a sign: \"\(written((i + 1)..<end))\"", at: i, .invalidYear)
        }

        // Year: four digits, of which up to three rightmost may be X.
        let yearStart = i
        let yearEnd = runEnd(from: yearStart, to: end)
        try refuseLowercaseX(in: yearStart..<yearEnd, sideRange: range)
        let yearLength = yearEnd - yearStart
        if yearLength == 0 {
            guard let found = at(yearStart, end) else {
                throw fail(
                    "'\(text)' has a '-' with no year after it", #"write a negative year with four digits: "-0500" is 501 BCE"#,
                    at: yearStart - 1, .invalidYear)
            }
            if let qualifier = EDTFQualifier(rawValue: String(found)) {
                throw fail(
                    "'\(text)' has '\(found)' before the date",
                    "a qualifier follows the date it qualifies: write \"\(written((yearStart + 1)..<end))\(qualifier.rawValue)\"",
                    at: yearStart, .invalidQualifier)
            }
            throw unexpected(at: yearStart, in: range)
        }
        if yearLength < 4 {
            if let next = at(yearEnd, end), Self.isLetter(next) {
                throw fail(
                    "'\(text)' is not a date: '\(next)' is not a digit",
                    #"an unknown digit is written X, e.g. "196X" for a year in the 1960s"#, at: yearEnd, .invalidYear)
            }
            let digits = written(yearStart..<yearEnd)
            var hint = "a year has four digits"
            if let value = Int(digits) {
                hint += ": write \"\(String(repeating: "0", count: 4 - yearLength) + digits)\" for the year \(value)"
                if yearLength == 2 { hint += ", or the full year, e.g. \"19\(digits)\"" }
            }
            throw fail("'\(text)' is not a date: '\(digits)' is too short for a year", hint, at: yearStart, .invalidYear)
        }
        if yearLength > 4 {
            let digits = written(yearStart..<yearEnd)
            guard digits.unicodeScalars.allSatisfy(Self.isDigit) else {
                throw fail(
                    "'\(text)' has too many digits in its year",
                    #"a year has four digits, of which the rightmost may be unknown (X): "196X""#, at: yearStart + 4,
                    .invalidYear)
            }
            if !negative, yearLength == 6 || yearLength == 8, let compact = Self.hyphenated(digits) {
                throw fail(
                    "'\(text)' is written without hyphens", "EDTF separates year, month and day: write \"\(compact)\"",
                    at: yearStart + 4, .invalidYear)
            }
            throw fail(
                "'\(text)' has a year of more than four digits",
                "years beyond four digits are written with a 'Y' prefix: \"Y\(negative ? "-" : "")\(digits)\"",
                at: yearStart, .invalidYear)
        }
        let yearScalars = scalars[yearStart..<yearEnd]
        var unspecifiedDigits = 0
        if let firstX = yearScalars.firstIndex(of: "X") {
            if let stray = yearScalars[firstX...].firstIndex(where: Self.isDigit) {
                let known = written(yearStart..<firstX)
                throw fail(
                    "'\(text)': unknown digits (X) must be the rightmost digits of the year",
                    "write \"\(negative ? "-" : "")\(known + String(repeating: "X", count: yearEnd - firstX))\"",
                    at: stray, .invalidUnspecifiedDigits)
            }
            unspecifiedDigits = yearEnd - firstX
            if unspecifiedDigits == 4 {
                throw fail(
                    "'\(text)' has no known digit in its year",
                    #"write at least the first digit ("1XXX" is 1000–1999); if nothing is known of the date, leave it out"#,
                    at: yearStart, .invalidUnspecifiedDigits)
            }
        }
        var magnitude = 0
        for scalar in yearScalars { magnitude = magnitude * 10 + (Self.isDigit(scalar) ? Int(scalar.value) - 48 : 0) }
        if negative, magnitude == 0 {
            throw fail(
                "'\(text)' is not a year: there is no negative year 0",
                #"year 0 (1 BCE) is written "0000", without '-'; "-0001" is 2 BCE"#, at: yearStart - 1, .invalidYear)
        }
        let year = negative ? -magnitude : magnitude
        let yearText = written(range.lowerBound..<yearEnd)
        i = yearEnd

        // Month, or a sub-year grouping, in place of the month.
        var month: Int?
        var subYear: EDTFSubYear?
        var monthUnspecified = false
        var hasMonthPart = false
        if at(i, end) == "-" {
            hasMonthPart = true
            let dash = i
            let monthStart = i + 1
            let monthEnd = runEnd(from: monthStart, to: end)
            try refuseLowercaseX(in: monthStart..<monthEnd, sideRange: range)
            let length = monthEnd - monthStart
            let part = written(monthStart..<monthEnd)
            if length == 0 {
                guard at(monthStart, end) != nil else {
                    throw fail(
                        "'\(text)' ends with '-'", "write \"\(yearText)\" for the year alone, or add the month: \"\(yearText)-07\"",
                        at: dash, .invalidMonth)
                }
                throw unexpected(at: monthStart, in: range)
            }
            if unspecifiedDigits > 0 {
                throw fail(
                    "'\(text)' gives a month for a year with unknown digits",
                    "unknown digits in the year already cover every month: write \"\(yearText)\"", at: monthStart,
                    .invalidUnspecifiedDigits)
            }
            if length == 4, part.unicodeScalars.allSatisfy(Self.isDigit) {
                throw fail(
                    "'\(text)' joins two years with '-'", "write an interval with a slash: \"\(yearText)/\(part)\"", at: dash,
                    .invalidInterval)
            }
            if length != 2 {
                let example = length == 1 && Self.isDigit(scalars[monthStart]) ? "\(yearText)-0\(part)" : "\(yearText)-07"
                throw fail(
                    length == 1 ? "'\(text)': the month needs two digits" : "'\(text)' has a month of \(length) digits",
                    "write the month with two digits: \"\(example)\"", at: monthStart, .invalidMonth)
            }
            if part == "XX" {
                monthUnspecified = true
            } else if let xIndex = scalars[monthStart..<monthEnd].firstIndex(of: "X") {
                throw fail(
                    "'\(text)' has a partly unknown month",
                    "a month is either known (01–12) or wholly unknown (XX): write \"\(yearText)-XX\"", at: xIndex,
                    .invalidUnspecifiedDigits)
            } else {
                let value = Int(part) ?? 0
                switch value {
                case 1...12:
                    month = value
                case 21...41:
                    subYear = EDTFSubYear(rawValue: value)
                case 0:
                    throw fail(
                        "'\(text)' has no month 00",
                        "months run from 01 to 12; if only the year is known, write \"\(yearText)\"", at: monthStart,
                        .invalidMonth)
                case 13...20:
                    throw fail(
                        "'\(text)' has no month \(value)",
                        "months run from 01 to 12; codes 21 to 41 stand for seasons, quarters and other parts of a year",
                        at: monthStart, .invalidMonth)
                default:
                    throw fail("'\(text)' has no month or sub-year code \(value)", Self.subYearHint, at: monthStart, .invalidMonth)
                }
            }
            i = monthEnd
        }

        // Day.
        var day: Int?
        var dayUnspecified = false
        if hasMonthPart, at(i, end) == "-" {
            let dash = i
            let dayStart = i + 1
            let dayEnd = runEnd(from: dayStart, to: end)
            try refuseLowercaseX(in: dayStart..<dayEnd, sideRange: range)
            let length = dayEnd - dayStart
            let part = written(dayStart..<dayEnd)
            let yearMonth = written(range.lowerBound..<dash)
            if let subYear {
                let what = subYear.isSeason ? "a season" : "a part of a year"
                throw fail(
                    "'\(text)' gives a day within \(what)", "\(what) has no days: write \"\(yearMonth)\"", at: dash,
                    .invalidDay)
            }
            if length == 0 {
                guard at(dayStart, end) != nil else {
                    throw fail(
                        "'\(text)' ends with '-'", "write \"\(yearMonth)\" for the month alone, or add the day: \"\(yearMonth)-01\"",
                        at: dash, .invalidDay)
                }
                throw unexpected(at: dayStart, in: range)
            }
            if length != 2 {
                let example = length == 1 && Self.isDigit(scalars[dayStart]) ? "\(yearMonth)-0\(part)" : "\(yearMonth)-01"
                throw fail(
                    length == 1 ? "'\(text)': the day needs two digits" : "'\(text)' has a day of \(length) digits",
                    "write the day with two digits: \"\(example)\"", at: dayStart, .invalidDay)
            }
            if part == "XX" {
                dayUnspecified = true
            } else if let xIndex = scalars[dayStart..<dayEnd].firstIndex(of: "X") {
                throw fail(
                    "'\(text)' has a partly unknown day",
                    "a day is either known or wholly unknown (XX): write \"\(yearMonth)-XX\"", at: xIndex,
                    .invalidUnspecifiedDigits)
            } else if let month {
                let value = Int(part) ?? 0
                let length = CalendarDay.daysInMonth(month, ofYear: year)
                let monthName = "\(EDTFDisplay.monthNames[month - 1]) \(EDTFDisplay.year(year))"
                guard value >= 1 else {
                    throw fail(
                        "'\(text)' has no day 00",
                        "days run from 01 to \(length) in \(monthName); if only the month is known, write \"\(yearMonth)\"",
                        at: dayStart, .invalidDay)
                }
                guard value <= length else {
                    throw fail(
                        "'\(text)' is not a real date: \(monthName) has \(length) days",
                        "check the day; if only the month is known, write \"\(yearMonth)\"", at: dayStart, .invalidDay)
                }
                day = value
            } else {
                throw fail(
                    "'\(text)' gives a day but not its month",
                    "a day needs its month: write \"\(yearText)-XX-XX\" if neither is known, or give the month",
                    at: dayStart, .invalidDay)
            }
            i = dayEnd
        }

        let qualifier = try parseQualifier(at: &i, in: range)
        return EDTFSingleDate(
            year: year, unspecifiedYearDigits: unspecifiedDigits, month: month, day: day, subYear: subYear,
            isMonthUnspecified: monthUnspecified, isDayUnspecified: dayUnspecified, qualifier: qualifier)
    }

    /// Parses `Y170000002` or `Y-170000002`: a year of more than four digits, alone.
    func parseLongYear(_ range: Range<Int>) throws(EDTFParseError) -> EDTFSingleDate {
        let end = range.upperBound
        var i = range.lowerBound
        if scalars[i] == "y" {
            throw fail(
                "'\(text)' has a lowercase 'y'", "the long-year prefix is a capital Y: \"Y\(written((i + 1)..<end))\"",
                at: i, .invalidYear)
        }
        i += 1
        let negative = at(i, end) == "-"
        if negative { i += 1 }
        let digitStart = i
        while let scalar = at(i, end), Self.isDigit(scalar) { i += 1 }
        let digits = written(digitStart..<i)
        if let next = at(i, end) {
            if next == "X" || next == "x" {
                throw fail(
                    "'\(text)' has unknown digits in a 'Y' year", "a 'Y' year is written in full, e.g. \"Y170000002\"",
                    at: i, .invalidUnspecifiedDigits)
            }
            if next == "E" || next == "S" {
                throw fail(
                    "'\(text)' uses \(next == "E" ? "an exponent" : "significant digits"), which Griot does not support",
                    "write the year in full, e.g. \"Y-170000000\" for Y-17E7", at: i, .invalidYear)
            }
        }
        if digits.isEmpty {
            guard at(i, end) != nil else {
                throw fail(
                    "'\(text)' has no year after 'Y'", #"write the year's digits after 'Y', e.g. "Y170000002""#, at: i,
                    .invalidYear)
            }
            throw unexpected(at: i, in: range)
        }
        let trimmed = String(digits.drop(while: { $0 == "0" }))
        if trimmed.count <= 4 {
            let value = Int(digits) ?? 0
            let padded = String(repeating: "0", count: max(0, 4 - String(value).count)) + String(value)
            throw fail(
                "'\(text)' uses the 'Y' prefix for a year of four digits or fewer",
                "'Y' is only for years beyond four digits: write \"\(negative && value != 0 ? "-" : "")\(padded)\"",
                at: range.lowerBound, .invalidYear)
        }
        if trimmed.count != digits.count {
            throw fail(
                "'\(text)' has a 'Y' year starting with 0",
                "write \"Y\(negative ? "-" : "")\(trimmed)\"", at: digitStart, .invalidYear)
        }
        guard digits.count <= 15, let magnitude = Int(digits) else {
            throw fail(
                "'\(text)' is too far in time for Griot", "years of up to 15 digits are supported", at: digitStart,
                .invalidYear)
        }
        if at(i, end) == "-" {
            throw fail(
                "'\(text)' gives a month for a 'Y' year",
                "a 'Y' year stands alone: write \"\(written(range.lowerBound..<i))\"", at: i, .invalidMonth)
        }
        let qualifier = try parseQualifier(at: &i, in: range)
        return EDTFSingleDate(year: negative ? -magnitude : magnitude, qualifier: qualifier, hasYearPrefix: true)
    }

    /// Reads an optional qualifier at `i`, which must then be the end of `range`.
    func parseQualifier(at i: inout Int, in range: Range<Int>) throws(EDTFParseError) -> EDTFQualifier? {
        let end = range.upperBound
        var qualifier: EDTFQualifier?
        if let scalar = at(i, end), let found = EDTFQualifier(rawValue: String(scalar)) {
            qualifier = found
            i += 1
            if let next = at(i, end), let second = EDTFQualifier(rawValue: String(next)) {
                let both = found.combined(with: second)
                throw fail(
                    "'\(text)' has two qualifiers",
                    "write one qualifier: \"\(written(range.lowerBound..<(i - 1)))\(both.rawValue)\"" +
                        (both == .uncertainAndApproximate ? " ('%' means uncertain and approximate)" : ""),
                    at: i, .invalidQualifier)
            }
        }
        if i < end {
            if let qualifier, scalars[i] == "-" || Self.isDigit(scalars[i]) {
                let without = written(range.lowerBound..<(i - 1)) + written(i..<end)
                throw fail(
                    "'\(text)' has a qualifier inside the date",
                    "a qualifier follows the whole date: write \"\(without)\(qualifier.rawValue)\"", at: i - 1,
                    .invalidQualifier)
            }
            throw unexpected(at: i, in: range)
        }
        return qualifier
    }

    // MARK: - Errors

    static let subYearHint =
        "sub-year codes run from 21 to 41: 21–24 seasons, 25–28 northern-hemisphere seasons, "
        + "29–32 southern-hemisphere seasons, 33–36 quarters, 37–39 quadrimesters (four-month thirds), "
        + "40–41 halves; months run from 01 to 12"

    static let formatHint =
        #"write dates as "YYYY", "YYYY-MM" or "YYYY-MM-DD", optionally followed by ?, ~ or %; intervals as "1964/2008""#

    func fail(_ message: String, _ hint: String, at offset: Int, _ reason: Reason) -> EDTFParseError {
        EDTFParseError(text: text, message: message, hint: hint, offset: offset, reason: reason, field: field)
    }

    /// The error for a character that has no place at `offset`.
    func unexpected(at offset: Int, in range: Range<Int>) -> EDTFParseError {
        let scalar = scalars[offset]
        let before = written(range.lowerBound..<offset)
        switch scalar {
        case "T", "t":
            return fail(
                "'\(text)' has a time of day, which Griot does not support",
                "write the date alone: \"\(before)\"", at: offset, .unexpectedCharacter)
        case "–", "—", "‒", "−":
            let fixed = String(String.UnicodeScalarView(scalars.map { ["–", "—", "‒", "−"].contains($0) ? "/" : $0 }))
            return fail(
                "'\(text)' uses a dash between dates", "write an interval with a slash: \"\(fixed)\"", at: offset,
                .unexpectedCharacter)
        case ".":
            return fail(
                "'\(text)' has a '.' inside a date",
                #"'..' is a whole end of an interval by itself: "1985/.." or "../1985""#, at: offset,
                .unexpectedCharacter)
        case "[", "]", "{", "}", ",":
            return fail(
                "'\(text)' is a set of dates, which Griot does not support",
                #"choose one date, or write an interval such as "1667/1672""#, at: offset, .unexpectedCharacter)
        case "-":
            return fail(
                "'\(text)' has too many parts", #"a date is at most year, month and day: "1985-04-12""#, at: offset,
                .unexpectedCharacter)
        default:
            if scalar.properties.isWhitespace {
                let fixed = String(String.UnicodeScalarView(scalars.filter { !$0.properties.isWhitespace }))
                return fail(
                    "'\(text)' has a space", "write it without spaces: \"\(fixed)\"", at: offset, .unexpectedCharacter)
            }
            return fail("'\(text)' has an unexpected '\(scalar)'", Self.formatHint, at: offset, .unexpectedCharacter)
        }
    }

    /// Refuses `x` and `u` (the 2012 draft's mark) for unknown digits, which EDTF writes `X`.
    func refuseLowercaseX(in run: Range<Int>, sideRange: Range<Int>) throws(EDTFParseError) {
        guard let index = run.first(where: { ["x", "u", "U"].contains(scalars[$0]) }) else { return }
        let fixed = String(
            String.UnicodeScalarView(
                sideRange.map { run.contains($0) && ["x", "u", "U"].contains(scalars[$0]) ? "X" : scalars[$0] }))
        throw fail(
            "'\(text)' writes an unknown digit as '\(scalars[index])'",
            "unknown digits are written with a capital X: \"\(fixed)\"", at: index, .invalidUnspecifiedDigits)
    }

    // MARK: - Scanning

    func at(_ index: Int, _ end: Int) -> Unicode.Scalar? { index < end ? scalars[index] : nil }

    func written(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    /// The end of the run of digits and unknown-digit marks (`X`, `x`, `u`, `U`) starting at `start`.
    func runEnd(from start: Int, to end: Int) -> Int {
        var i = start
        while i < end, Self.isDigit(scalars[i]) || ["X", "x", "u", "U"].contains(scalars[i]) { i += 1 }
        return i
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// `19630722` → `1963-07-22`, `196307` → `1963-07`, when those are real dates.
    static func hyphenated(_ digits: String) -> String? {
        let characters = Array(digits)
        guard let year = Int(String(characters[0..<4])), let month = Int(String(characters[4..<6])),
            (1...12).contains(month)
        else { return nil }
        let yearMonth = String(characters[0..<4]) + "-" + String(characters[4..<6])
        guard characters.count == 8 else { return yearMonth }
        guard let day = Int(String(characters[6..<8])), CalendarDay(year: year, month: month, day: day) != nil else {
            return nil
        }
        return yearMonth + "-" + String(characters[6..<8])
    }
}
