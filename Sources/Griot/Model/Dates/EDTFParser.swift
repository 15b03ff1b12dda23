/// Reads EDTF strings (Levels 0 and 1, and Level 2's sub-year groupings 25–41) into an
/// ``EDTFDate/Form``, refusing anything else with an ``EDTFParseError`` that teaches the fix.
///
/// Grammar accepted:
///
///     edtf      = date | end "/" end          (at least one end is a date)
///     end       = date | ".." | ""            (".." open, "" unknown)
///     date      = (longyear | year ["-" month ["-" day]] | year "-" subyear) [qualifier]
///     year      = ["-"] 4 × (digit | "X"), the X's rightmost, at most three
///     longyear  = "Y" ["-"] 5 to 15 digits, not starting with 0
///     month     = "01"…"12" | "XX"            (only after a year without X)
///     subyear   = "21"…"41"                   (only after a year without X)
///     day       = "01"…last day of the month | "XX" (a known day needs a known month)
///     qualifier = "?" | "~" | "%"
///
/// The scanner reads the string's UTF-8 bytes in place, with no regular expression and no
/// Foundation; strings are only built to word an error. Offsets in errors count Unicode scalars.
enum EDTFParser {
    /// Parses a whole EDTF value: a date or an interval.
    static func parse(_ text: String, field: EDTFParseError.Field = .date) throws(EDTFParseError) -> EDTFDate.Form {
        try scan(text, field: field) { scanner throws(EDTFParseError) in try scanner.parseValue() }
    }

    /// Parses one end of an interval on its own, as the `until` of older front matter:
    /// a date, `..` (open) or the empty string (unknown).
    static func parseEnd(_ text: String, field: EDTFParseError.Field) throws(EDTFParseError) -> EDTFIntervalEnd {
        try scan(text, field: field) { scanner throws(EDTFParseError) in try scanner.parseLoneEnd() }
    }

    private static func scan<Value>(
        _ text: String, field: EDTFParseError.Field,
        _ body: (EDTFScanner) throws(EDTFParseError) -> Value
    ) throws(EDTFParseError) -> Value {
        var utf8 = text
        let result = utf8.withUTF8 { bytes in
            Result { () throws(EDTFParseError) -> Value in
                try body(EDTFScanner(bytes: bytes, text: text, field: field))
            }
        }
        return try result.get()
    }
}

/// The byte-level reader behind ``EDTFParser``; lives only while the string's bytes are borrowed.
private struct EDTFScanner {
    typealias Kind = EDTFParseError.Kind

    let bytes: UnsafeBufferPointer<UInt8>
    let text: String
    let field: EDTFParseError.Field

    // MARK: - Whole value

    func parseValue() throws(EDTFParseError) -> EDTFDate.Form {
        let count = bytes.count
        guard count > 0 else {
            throw fail(at: 0, .empty, "the date is empty", "write a date such as 1963, 1963-07 or 1963-07-22")
        }
        var slashIndex: Int?
        for i in 0..<count where bytes[i] == .slash {
            if let first = slashIndex {
                if first == 4, i == 7, count == 10, allDigits(0, 4), allDigits(5, 7), allDigits(8, 10) {
                    throw fail(
                        at: first, .invalidInterval, "year, month and day are separated by '-'",
                        didYouMean(string(0, 4) + "-" + string(5, 7) + "-" + string(8, 10)))
                }
                throw fail(
                    at: i, .invalidInterval, "an interval has one '/'", "write its start and end, e.g. 1964/2008")
            }
            slashIndex = i
        }
        guard let slash = slashIndex else {
            if isDoubleDot(0, count) {
                throw fail(
                    at: 0, .invalidInterval, "'..' alone is not a date",
                    "'..' is an open end: 1985/.. is 1985 onwards, ../1985 until 1985")
            }
            return .single(try parseDate(0, count))
        }
        let start = try parseEnd(0, slash)
        let end = try parseEnd(slash + 1, count)
        switch (start, end) {
        case (.date(let first), .date(let last)):
            guard last.isNotBefore(first) else {
                throw fail(
                    at: slash + 1, .endBeforeStart, "the interval ends before it starts",
                    didYouMean(string(slash + 1, count) + "/" + string(0, slash)))
            }
        case (.date, _), (_, .date):
            break
        default:
            throw fail(
                at: 0, .invalidInterval, "an interval needs a date at one end at least",
                "e.g. 1985/.. (1985 onwards) or ../1985 (until 1985)")
        }
        return .interval(start: start, end: end)
    }

    /// One end read alone (the `until` of older front matter).
    func parseLoneEnd() throws(EDTFParseError) -> EDTFIntervalEnd {
        if let slash = bytes.firstIndex(of: .slash) {
            throw fail(
                at: slash, .invalidInterval, "'until' is one date, not an interval",
                didYouMean(string(slash + 1, bytes.count)))
        }
        return try parseEnd(0, bytes.count)
    }

    /// One side of an interval, `lo..<hi`.
    func parseEnd(_ lo: Int, _ hi: Int) throws(EDTFParseError) -> EDTFIntervalEnd {
        if lo == hi { return .unknown }
        if isDoubleDot(lo, hi) { return .open }
        return .date(try parseDate(lo, hi))
    }

    // MARK: - One date

    /// A single date filling exactly `lo..<hi` (not empty).
    func parseDate(_ lo: Int, _ hi: Int) throws(EDTFParseError) -> EDTFSingleDate {
        if matches(lo, hi, "open") {
            throw fail(at: lo, .invalidInterval, "an open end is written ..", didYouMean(replacing(lo, hi, with: "..")))
        }
        if matches(lo, hi, "unknown") {
            throw fail(
                at: lo, .invalidInterval, "an unknown end is left empty", didYouMean(replacing(lo, hi, with: "")))
        }
        var i = lo
        switch bytes[i] {
        case .capitalY: return try parseLongYear(lo, hi)
        case .minus: i += 1
        case .plus:
            throw fail(at: i, .invalidYear, "a year takes no '+' sign", didYouMean(replacing(i, i + 1, with: "")))
        default: break
        }
        let negative = i > lo
        let yearStart = i
        let yearEnd = runEnd(from: yearStart, to: hi)
        try refuseOtherUnknownMarks(yearStart, yearEnd)
        let year = try readYear(lo, yearStart, yearEnd, hi, negative: negative)
        i = yearEnd

        var month: Int?
        var subYear: EDTFSubYear?
        var isMonthUnspecified = false
        var day: Int?
        var isDayUnspecified = false
        if i < hi, bytes[i] == .minus {
            let dash = i
            let monthStart = i + 1
            let monthEnd = runEnd(from: monthStart, to: hi)
            try refuseOtherUnknownMarks(monthStart, monthEnd)
            try checkPart(dash, monthEnd, hi, name: "month")
            if year.unknownDigits > 0 {
                throw fail(
                    at: monthStart, .invalidUnspecifiedDigits, "a year with unknown digits stands alone",
                    didYouMean(replacing(dash, bodyEnd(from: dash, to: hi), with: "")))
            }
            if monthEnd - monthStart == 4, allDigits(monthStart, monthEnd) {
                throw fail(
                    at: dash, .invalidInterval, "an interval is written with '/'",
                    didYouMean(replacing(dash, dash + 1, with: "/")))
            }
            try checkTwoDigits(monthStart, monthEnd, hi, name: "month")
            if bytes[monthStart] == .capitalX || bytes[monthStart + 1] == .capitalX {
                guard bytes[monthStart] == .capitalX, bytes[monthStart + 1] == .capitalX else {
                    throw fail(
                        at: monthStart, .invalidUnspecifiedDigits, "a month is known (01–12) or unknown (XX)",
                        didYouMean(replacing(monthStart, monthEnd, with: "XX")))
                }
                isMonthUnspecified = true
            } else {
                let value = twoDigitValue(at: monthStart)
                switch value {
                case 1...12: month = value
                case 21...41: subYear = EDTFSubYear(rawValue: value)
                default: throw badMonth(value, lo, yearEnd, monthStart, hi)
                }
            }
            i = monthEnd

            if i < hi, bytes[i] == .minus {
                let dash = i
                let dayStart = i + 1
                let dayEnd = runEnd(from: dayStart, to: hi)
                try refuseOtherUnknownMarks(dayStart, dayEnd)
                if let subYear {
                    throw fail(
                        at: dash, .invalidDay,
                        subYear.isSeason ? "a season has no days" : "a part of a year has no days",
                        didYouMean(replacing(dash, bodyEnd(from: dash, to: hi), with: "")))
                }
                try checkPart(dash, dayEnd, hi, name: "day")
                try checkTwoDigits(dayStart, dayEnd, hi, name: "day")
                if bytes[dayStart] == .capitalX || bytes[dayStart + 1] == .capitalX {
                    guard bytes[dayStart] == .capitalX, bytes[dayStart + 1] == .capitalX else {
                        throw fail(
                            at: dayStart, .invalidUnspecifiedDigits, "a day is known or unknown (XX)",
                            didYouMean(replacing(dayStart, dayEnd, with: "XX")))
                    }
                    isDayUnspecified = true
                } else if let month {
                    day = try checkDay(twoDigitValue(at: dayStart), month: month, year: year.value, dayStart)
                } else {
                    throw fail(
                        at: dayStart, .invalidDay, "a known day needs a known month",
                        didYouMean(replacing(dayStart, dayEnd, with: "XX")))
                }
                i = dayEnd
            }
        }

        let qualifier = try parseQualifier(at: &i, lo, hi)
        return EDTFSingleDate(
            year: year.value, unspecifiedYearDigits: year.unknownDigits, month: month, day: day, subYear: subYear,
            isMonthUnspecified: isMonthUnspecified, isDayUnspecified: isDayUnspecified, qualifier: qualifier)
    }

    /// The four characters of a year at `yearStart..<yearEnd`, checked: digits, then up to three X.
    private func readYear(
        _ lo: Int, _ yearStart: Int, _ yearEnd: Int, _ hi: Int, negative: Bool
    ) throws(EDTFParseError) -> (value: Int, unknownDigits: Int) {
        let length = yearEnd - yearStart
        if length == 0 { throw noYear(lo, yearStart, hi, negative: negative) }
        if length < 4 { throw shortYear(lo, yearStart, yearEnd, hi) }
        if length > 4 { throw longYear(lo, yearStart, yearEnd, negative: negative) }
        var magnitude = 0
        var unknownDigits = 0
        for i in yearStart..<yearEnd {
            let byte = bytes[i]
            if byte == .capitalX {
                unknownDigits += 1
                magnitude *= 10
            } else if unknownDigits > 0 {
                let firstX = i - unknownDigits
                let fix = string(yearStart, firstX) + String(repeating: "X", count: yearEnd - firstX)
                throw fail(
                    at: i, .invalidUnspecifiedDigits, "unknown digits (X) must be the year's last",
                    didYouMean(replacing(yearStart, yearEnd, with: fix)))
            } else {
                magnitude = magnitude * 10 + Int(byte &- .zero)
            }
        }
        if unknownDigits == 4 {
            throw fail(
                at: yearStart, .invalidUnspecifiedDigits, "the year has no known digit",
                "write at least its first digit, e.g. 1XXX for 1000–1999")
        }
        if negative, magnitude == 0 {
            guard unknownDigits > 0 else {
                throw fail(
                    at: lo, .invalidYear, "there is no year -0000",
                    "did you mean 0000 (1 BCE)? The year before it, 2 BCE, is -0001")
            }
            let spread = [1, 10, 100, 1000][unknownDigits] - 1
            throw fail(
                at: lo, .invalidUnspecifiedDigits, "a negative year needs a known digit other than 0",
                "write the years as an interval: " + fourDigitYear(-spread) + "/0000")
        }
        return (negative ? -magnitude : magnitude, unknownDigits)
    }

    /// `Y170000002` or `Y-170000002`: a year beyond four digits, standing alone.
    private func parseLongYear(_ lo: Int, _ hi: Int) throws(EDTFParseError) -> EDTFSingleDate {
        var i = lo + 1
        let negative = i < hi && bytes[i] == .minus
        if negative { i += 1 }
        let digitStart = i
        while i < hi, bytes[i].isDigit { i += 1 }
        let digitEnd = i
        if i < hi {
            switch bytes[i] {
            case .capitalX, .smallX:
                throw fail(
                    at: i, .invalidUnspecifiedDigits, "a year with the Y prefix is written in full",
                    "e.g. Y170000002; for unknown digits write four-digit years such as 19XX")
            case .capitalE:
                throw fail(
                    at: i, .invalidYear, "exponents (E) are not supported",
                    "write the year in full, e.g. Y170000000 for Y17E7")
            case .capitalS:
                throw fail(
                    at: i, .invalidYear, "significant digits (S) are not supported",
                    didYouMean(replacing(i, bodyEnd(from: i + 1, to: hi), with: "")))
            default: break
            }
        }
        if digitStart == digitEnd {
            throw fail(
                at: digitStart < hi ? digitStart : lo, .invalidYear, "Y must be followed by the year's digits",
                "e.g. Y170000002")
        }
        var firstSignificant = digitStart
        while firstSignificant < digitEnd - 1, bytes[firstSignificant] == .zero { firstSignificant += 1 }
        let significantCount = digitEnd - firstSignificant
        if significantCount <= 4 {
            let digits = string(firstSignificant, digitEnd)
            let isZero = digits == "0"
            let fix = (negative && !isZero ? "-" : "") + String(repeating: "0", count: 4 - digits.utf8.count) + digits
            throw fail(
                at: lo, .invalidYear, "the Y prefix is only for years beyond four digits",
                didYouMean(replacing(lo, digitEnd, with: fix)))
        }
        if firstSignificant > digitStart {
            throw fail(
                at: digitStart, .invalidYear, "a year does not start with 0",
                didYouMean(replacing(digitStart, firstSignificant, with: "")))
        }
        if significantCount > 15 {
            throw fail(
                at: digitStart, .invalidYear, "years beyond 15 digits are not supported",
                "write at most 15 digits after Y")
        }
        var magnitude = 0
        for index in digitStart..<digitEnd { magnitude = magnitude * 10 + Int(bytes[index] &- .zero) }
        if i < hi, bytes[i] == .minus {
            throw fail(
                at: i, .invalidMonth, "a year with the Y prefix stands alone",
                didYouMean(replacing(i, bodyEnd(from: i, to: hi), with: "")))
        }
        let qualifier = try parseQualifier(at: &i, lo, hi)
        return EDTFSingleDate(year: negative ? -magnitude : magnitude, qualifier: qualifier, hasYearPrefix: true)
    }

    /// An optional qualifier at `i`, which must then be the end of the date `lo..<hi`.
    private func parseQualifier(at i: inout Int, _ lo: Int, _ hi: Int) throws(EDTFParseError) -> EDTFQualifier? {
        var qualifier: EDTFQualifier?
        if i < hi, let found = EDTFQualifier(byte: bytes[i]) {
            qualifier = found
            i += 1
            if i < hi, let second = EDTFQualifier(byte: bytes[i]) {
                let both = found.combined(with: second)
                let note = both == .uncertainAndApproximate ? " ('%' is '?' and '~' together)" : ""
                throw fail(
                    at: i, .invalidQualifier, "a date takes one qualifier",
                    didYouMean(replacing(i - 1, i + 1, with: both.rawValue)) + note)
            }
        }
        guard i < hi else { return qualifier }
        if let qualifier, bytes[i] == .minus {
            let fix = string(lo, i - 1) + string(i, hi) + qualifier.rawValue
            throw fail(
                at: i - 1, .invalidQualifier, "a qualifier goes after the whole date",
                didYouMean(replacing(lo, hi, with: fix)))
        }
        throw unexpected(at: i, lo, hi)
    }

    // MARK: - Checks that word their errors

    /// A month or day part after `dash` that is empty: the date ends with '-' or has a stray character.
    private func checkPart(_ dash: Int, _ partEnd: Int, _ hi: Int, name: String) throws(EDTFParseError) {
        guard partEnd == dash + 1 else { return }
        if partEnd == hi {
            throw fail(
                at: dash, name == "month" ? .invalidMonth : .invalidDay, "the date ends with '-'",
                didYouMean(replacing(dash, hi, with: "")))
        }
        throw unexpected(at: partEnd, dash, hi)
    }

    /// A month or day written with other than two characters.
    private func checkTwoDigits(_ start: Int, _ end: Int, _ hi: Int, name: String) throws(EDTFParseError) {
        let length = end - start
        guard length != 2 else { return }
        if end < hi, bytes[end].isLetter { throw unexpected(at: end, start, hi) }
        let kind: Kind = name == "month" ? .invalidMonth : .invalidDay
        if length == 1, bytes[start].isDigit {
            throw fail(
                at: start, kind, "the \(name) needs two digits",
                didYouMean(replacing(start, end, with: "0" + string(start, end))))
        }
        if length == 1 {
            throw fail(
                at: start, .invalidUnspecifiedDigits, "an unknown \(name) is written XX",
                didYouMean(replacing(start, end, with: "XX")))
        }
        throw fail(
            at: start, kind, "the \(name) has \(length) digits",
            "write it with two digits, e.g. " + (name == "month" ? "1985-04" : "1985-04-12"))
    }

    /// The error for a two-digit value that is neither a month nor a sub-year code.
    private func badMonth(_ value: Int, _ lo: Int, _ yearEnd: Int, _ monthStart: Int, _ hi: Int) -> EDTFParseError {
        let yearText = string(lo, yearEnd)
        switch value {
        case 0:
            return fail(
                at: monthStart, .invalidMonth, "months run 01–12",
                "did you mean \(yearText) (the year alone) or \(replacing(monthStart, monthStart + 2, with: "01"))?")
        case 13...20:
            return fail(
                at: monthStart, .invalidMonth, "months run 01–12", "for a season use 21–24, e.g. \(yearText)-21")
        default:
            return fail(
                at: monthStart, .invalidMonth, "\(value) is neither a month (01–12) nor a part of a year (21–41)",
                "e.g. \(yearText)-04 for April, \(yearText)-21 for spring, \(yearText)-33 for the first quarter")
        }
    }

    /// The day if `month` of `year` has it.
    private func checkDay(_ value: Int, month: Int, year: Int, _ dayStart: Int) throws(EDTFParseError) -> Int {
        let length = CalendarDay.daysInMonth(month, ofYear: year)
        if value == 0 {
            throw fail(
                at: dayStart, .invalidDay, "days start at 01", didYouMean(replacing(dayStart, dayStart + 2, with: "01"))
            )
        }
        guard value <= length else {
            let monthName = EDTFDisplay.monthNames[month - 1] + " " + EDTFDisplay.year(year)
            let leap = month == 2 && value == 29 ? " (\(EDTFDisplay.year(year)) is not a leap year)" : ""
            throw fail(
                at: dayStart, .invalidDay, "\(monthName) has \(length) days\(leap)",
                didYouMean(replacing(dayStart, dayStart + 2, with: String(length))))
        }
        return value
    }

    /// The year's place holds no digit: a qualifier in front, a word, or another stray character.
    private func noYear(_ lo: Int, _ yearStart: Int, _ hi: Int, negative: Bool) -> EDTFParseError {
        guard yearStart < hi else {
            return fail(at: lo, .invalidYear, "'-' must be followed by a year", "e.g. -0500 for 501 BCE")
        }
        switch bytes[yearStart] {
        case .smallY:
            return fail(
                at: yearStart, .invalidYear, "the prefix for long years is a capital Y",
                didYouMean(replacing(yearStart, yearStart + 1, with: "Y")))
        case .minus:
            return fail(at: yearStart, .invalidYear, "a year takes one '-'", "e.g. -0500 for 501 BCE")
        default:
            break
        }
        if let qualifier = EDTFQualifier(byte: bytes[yearStart]) {
            let fix = (negative ? "-" : "") + string(yearStart + 1, hi) + qualifier.rawValue
            return fail(
                at: yearStart, .invalidQualifier, "a qualifier goes after the whole date",
                didYouMean(replacing(lo, hi, with: fix)))
        }
        return unexpected(at: yearStart, lo, hi)
    }

    /// A year of one to three characters: `63`, `800`, `196Y`.
    private func shortYear(_ lo: Int, _ yearStart: Int, _ yearEnd: Int, _ hi: Int) -> EDTFParseError {
        if yearEnd < hi, bytes[yearEnd].isLetter {
            let letter = string(yearEnd, yearEnd + 1)
            var lettersEnd = yearEnd
            while lettersEnd < hi, bytes[lettersEnd].isLetter { lettersEnd += 1 }
            let width = lettersEnd - yearStart
            let hint =
                width == 4 && allDigits(yearStart, yearEnd)
                ? "an unknown digit is written X; "
                    + didYouMean(
                        replacing(yearEnd, lettersEnd, with: String(repeating: "X", count: lettersEnd - yearEnd)))
                : "an unknown digit is written X, e.g. 196X"
            return fail(at: yearEnd, .invalidYear, "'\(letter)' is not a digit", hint)
        }
        let digits = string(yearStart, yearEnd)
        guard allDigits(yearStart, yearEnd) else {
            return fail(at: yearStart, .invalidYear, "a year has four characters", "e.g. 196X for the 1960s")
        }
        let padded = String(repeating: "0", count: 4 - digits.utf8.count) + digits
        if yearEnd - yearStart == 2 {
            return fail(
                at: yearStart, .invalidYear, "a year has four digits",
                "write the full year, e.g. 19\(digits), or \(padded) for the year \(Int(digits) ?? 0)")
        }
        return fail(
            at: yearStart, .invalidYear, "a year has four digits",
            didYouMean(replacing(yearStart, yearEnd, with: padded)))
    }

    /// A year of more than four characters: `12345`, `19850412`.
    private func longYear(_ lo: Int, _ yearStart: Int, _ yearEnd: Int, negative: Bool) -> EDTFParseError {
        guard allDigits(yearStart, yearEnd) else {
            return fail(
                at: yearStart + 4, .invalidYear, "a year has four characters", "e.g. 1963, or 196X for the 1960s")
        }
        let length = yearEnd - yearStart
        if !negative, length == 6 || length == 8, let fix = hyphenated(yearStart, yearEnd) {
            return fail(
                at: yearStart + 4, .invalidYear, "year, month and day are separated by '-'",
                didYouMean(replacing(yearStart, yearEnd, with: fix)))
        }
        var first = yearStart
        while first < yearEnd - 1, bytes[first] == .zero { first += 1 }
        let significant = string(first, yearEnd)
        if significant.utf8.count <= 4 {
            let padded = String(repeating: "0", count: 4 - significant.utf8.count) + significant
            return fail(
                at: yearStart, .invalidYear, "a year has four digits",
                didYouMean(replacing(yearStart, yearEnd, with: padded)))
        }
        return fail(
            at: lo, .invalidYear, "years beyond four digits take the Y prefix",
            didYouMean(replacing(lo, yearEnd, with: "Y" + (negative ? "-" : "") + significant)))
    }

    /// `19630722` → `1963-07-22`, `196307` → `1963-07`, when those are real dates.
    private func hyphenated(_ start: Int, _ end: Int) -> String? {
        let year = string(start, start + 4)
        let month = twoDigitValue(at: start + 4)
        guard (1...12).contains(month) else { return nil }
        let yearMonth = year + "-" + string(start + 4, start + 6)
        guard end - start == 8 else { return yearMonth }
        guard CalendarDay(year: Int(year) ?? 0, month: month, day: twoDigitValue(at: start + 6)) != nil else {
            return nil
        }
        return yearMonth + "-" + string(start + 6, end)
    }

    /// Refuses `x`, `u` and `U` (the 2012 draft's mark) for unknown digits, which EDTF writes `X`.
    private func refuseOtherUnknownMarks(_ start: Int, _ end: Int) throws(EDTFParseError) {
        var i = start
        while i < end {
            if bytes[i] == .smallX || bytes[i] == .smallU || bytes[i] == .capitalU {
                // The closest valid form: a month or day wholly unknown, a year's X's rightmost.
                var fixed = ""
                var seenUnknown = false
                for index in start..<end {
                    seenUnknown = seenUnknown || !bytes[index].isDigit || end - start == 2
                    fixed += seenUnknown ? "X" : string(index, index + 1)
                }
                throw fail(
                    at: i, .invalidUnspecifiedDigits, "unknown digits are written with a capital X",
                    didYouMean(replacing(start, end, with: fixed)))
            }
            i += 1
        }
    }

    /// The error for a character that has no place at byte `i` of the date `lo..<hi`.
    private func unexpected(at i: Int, _ lo: Int, _ hi: Int) -> EDTFParseError {
        let byte = bytes[i]
        switch byte {
        case .capitalT, .smallT:
            return fail(
                at: i, .unexpectedCharacter, "Griot dates have no time of day",
                didYouMean(replacing(i, hi, with: "")))
        case .dot:
            return fail(
                at: i, .unexpectedCharacter, "'..' stands alone at its end of an interval",
                "e.g. 1985/.. (1985 onwards) or ../1985 (until 1985)")
        case .openBracket, .closeBracket, .openBrace, .closeBrace, .comma:
            return fail(
                at: i, .unexpectedCharacter, "sets of dates are not supported",
                "choose one date, or write an interval such as 1667/1672")
        case .minus:
            return fail(
                at: i, .unexpectedCharacter, "a date has at most a year, a month and a day",
                "e.g. 1985-04-12; an interval is written 1985/1990")
        case .capitalS:
            return fail(
                at: i, .unexpectedCharacter, "significant digits (S) are not supported",
                "use X for unknown digits, e.g. 19XX for 1900–1999")
        case .space, .tab, .newline, .carriageReturn:
            var fixed = ""
            for index in 0..<bytes.count where !bytes[index].isSpace { fixed += string(index, index + 1) }
            return fail(at: i, .unexpectedCharacter, "a date has no spaces", didYouMean(fixed))
        default:
            break
        }
        var scalarEnd = i + 1
        while scalarEnd < bytes.count, bytes[scalarEnd] & 0xC0 == 0x80 { scalarEnd += 1 }
        let character = string(i, scalarEnd)
        if ["–", "—", "‒", "−"].contains(character) {
            return fail(
                at: i, .unexpectedCharacter, "an interval is written with '/'",
                didYouMean(replacing(i, scalarEnd, with: "/")))
        }
        let where_ = i == lo ? "cannot start a date" : "has no place in a date"
        return fail(
            at: i, .unexpectedCharacter, "'\(character)' \(where_)", "write e.g. 1963, 1963-07-22, 1963~ or 1964/2008")
    }

    // MARK: - Errors

    /// An error at byte `offset`, reported in Unicode scalars.
    private func fail(at offset: Int, _ kind: Kind, _ reason: String, _ hint: String) -> EDTFParseError {
        var scalars = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
        return EDTFParseError(text: text, offset: scalars, reason: reason, hint: hint, kind: kind, field: field)
    }

    /// "did you mean 2023-02-28?"; "write 1984? instead" when the fix itself ends with a question mark
    /// or another qualifier, which a question would blur.
    private func didYouMean(_ fix: String) -> String {
        if fix.isEmpty { return "leave it empty" }
        if let last = fix.utf8.last, EDTFQualifier(byte: last) != nil { return "write \(fix) instead" }
        return "did you mean \(fix)?"
    }

    /// The whole text with bytes `lo..<hi` replaced by `fix`: the corrected string to suggest.
    private func replacing(_ lo: Int, _ hi: Int, with fix: String) -> String {
        string(0, lo) + fix + string(hi, bytes.count)
    }

    /// `-9` → `-0009`: a year in EDTF's four-digit form.
    private func fourDigitYear(_ year: Int) -> String {
        let digits = String(year.magnitude)
        return (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: - Scanning

    private func string(_ lo: Int, _ hi: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
    }

    /// The end of the run of digits and unknown-digit marks (`X`, and the wrong `x`, `u`, `U`) from `start`.
    private func runEnd(from start: Int, to end: Int) -> Int {
        var i = start
        while i < end {
            let byte = bytes[i]
            guard byte.isDigit || byte == .capitalX || byte == .smallX || byte == .smallU || byte == .capitalU
            else { break }
            i += 1
        }
        return i
    }

    /// The end of the date's digits, X's and hyphens from `start`: where a qualifier would stand.
    private func bodyEnd(from start: Int, to end: Int) -> Int {
        var i = start
        while i < end, bytes[i].isDigit || bytes[i] == .capitalX || bytes[i] == .minus { i += 1 }
        return i
    }

    private func allDigits(_ start: Int, _ end: Int) -> Bool {
        for i in start..<end where !bytes[i].isDigit { return false }
        return true
    }

    private func twoDigitValue(at i: Int) -> Int { Int(bytes[i] &- .zero) * 10 + Int(bytes[i + 1] &- .zero) }

    private func isDoubleDot(_ lo: Int, _ hi: Int) -> Bool {
        hi - lo == 2 && bytes[lo] == .dot && bytes[lo + 1] == .dot
    }

    /// Whether `lo..<hi` is `word` (lowercase ASCII), ignoring case.
    private func matches(_ lo: Int, _ hi: Int, _ word: StaticString) -> Bool {
        guard hi - lo == word.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for offset in 0..<(hi - lo) where bytes[lo + offset] | 0x20 != expected[offset] { return false }
        return true
    }
}

extension EDTFQualifier {
    /// The qualifier written as this byte, if any.
    init?(byte: UInt8) {
        switch byte {
        case UInt8(ascii: "?"): self = .uncertain
        case UInt8(ascii: "~"): self = .approximate
        case UInt8(ascii: "%"): self = .uncertainAndApproximate
        default: return nil
        }
    }
}

extension UInt8 {
    fileprivate static let zero = UInt8(ascii: "0")
    fileprivate static let minus = UInt8(ascii: "-")
    fileprivate static let plus = UInt8(ascii: "+")
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let dot = UInt8(ascii: ".")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let newline = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let openBracket = UInt8(ascii: "[")
    fileprivate static let closeBracket = UInt8(ascii: "]")
    fileprivate static let openBrace = UInt8(ascii: "{")
    fileprivate static let closeBrace = UInt8(ascii: "}")
    fileprivate static let capitalE = UInt8(ascii: "E")
    fileprivate static let capitalS = UInt8(ascii: "S")
    fileprivate static let capitalT = UInt8(ascii: "T")
    fileprivate static let smallT = UInt8(ascii: "t")
    fileprivate static let capitalU = UInt8(ascii: "U")
    fileprivate static let smallU = UInt8(ascii: "u")
    fileprivate static let capitalX = UInt8(ascii: "X")
    fileprivate static let smallX = UInt8(ascii: "x")
    fileprivate static let capitalY = UInt8(ascii: "Y")
    fileprivate static let smallY = UInt8(ascii: "y")

    fileprivate var isDigit: Bool { self >= .zero && self <= UInt8(ascii: "9") }
    fileprivate var isLetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    fileprivate var isSpace: Bool { self == .space || self == .tab || self == .newline || self == .carriageReturn }
}
