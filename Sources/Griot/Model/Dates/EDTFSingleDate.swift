/// One EDTF date, as opposed to an interval: a year, a month, a day or a part of a year, perhaps
/// with unknown digits (`196X`) and a qualifier (`1984?`).
///
/// Parse it as part of an ``EDTFDate``; this type exposes what was written and what it means:
///
/// | EDTF | year | unspecifiedYearDigits | month | day | subYear | precision |
/// |---|---|---|---|---|---|---|
/// | `1963-07-22` | 1963 | 0 | 7 | 22 | nil | `.day` |
/// | `1985-04-XX` | 1985 | 0 | 4 | nil | nil | `.month` |
/// | `196X~` | 1960 | 1 | nil | nil | nil | `.decade` |
/// | `2023-21` | 2023 | 0 | nil | nil | `.spring` | `.subYear` |
/// | `-0500` | -500 | 0 | nil | nil | nil | `.year` |
public struct EDTFSingleDate: Sendable, Hashable {
    /// What a date is precise to, from the coarsest.
    public enum Precision: Int, Sendable, Hashable, Comparable, Codable {
        /// A year with three unknown digits: `1XXX`.
        case millennium
        /// A year with two unknown digits: `19XX`.
        case century
        /// A year with one unknown digit: `196X`.
        case decade
        /// A year, or a year with unknown month (`2004-XX`): `1963`, `Y170000002`.
        case year
        /// A season, quarter, quadrimester or half: `2023-21`.
        case subYear
        /// A month, or a month with unknown day (`1985-04-XX`): `1963-07`.
        case month
        /// A day: `1963-07-22`.
        case day

        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The year as written, in astronomical numbering (`0` is 1 BCE, `-500` is 501 BCE), with any
    /// unknown digits read as 0: `196X` has year 1960, `-19XX` has year -1900.
    public let year: Int
    /// How many of the year's rightmost digits are unknown (`X`): 0 to 3.
    public let unspecifiedYearDigits: Int
    /// The month, 1–12, when known.
    public let month: Int?
    /// The day of the month, when known (only with a known month).
    public let day: Int?
    /// The season, quarter, quadrimester or half written in place of a month (`2023-21`).
    public let subYear: EDTFSubYear?
    /// Whether the month was written as unknown: `2004-XX`, `1985-XX-XX`.
    public let isMonthUnspecified: Bool
    /// Whether the day was written as unknown: `1985-04-XX`, `1985-XX-XX`.
    public let isDayUnspecified: Bool
    /// The qualifier after the date, if any: `?`, `~` or `%`.
    public let qualifier: EDTFQualifier?
    /// Whether the year was written with the `Y` prefix for years beyond four digits (`Y170000002`).
    public let hasYearPrefix: Bool

    init(
        year: Int, unspecifiedYearDigits: Int = 0, month: Int? = nil, day: Int? = nil, subYear: EDTFSubYear? = nil,
        isMonthUnspecified: Bool = false, isDayUnspecified: Bool = false, qualifier: EDTFQualifier? = nil,
        hasYearPrefix: Bool = false
    ) {
        self.year = year
        self.unspecifiedYearDigits = unspecifiedYearDigits
        self.month = month
        self.day = day
        self.subYear = subYear
        self.isMonthUnspecified = isMonthUnspecified
        self.isDayUnspecified = isDayUnspecified
        self.qualifier = qualifier
        self.hasYearPrefix = hasYearPrefix
    }

    /// The same date with another qualifier.
    func qualified(_ qualifier: EDTFQualifier?) -> EDTFSingleDate {
        EDTFSingleDate(
            year: year, unspecifiedYearDigits: unspecifiedYearDigits, month: month, day: day, subYear: subYear,
            isMonthUnspecified: isMonthUnspecified, isDayUnspecified: isDayUnspecified, qualifier: qualifier,
            hasYearPrefix: hasYearPrefix)
    }

    /// What the date is precise to: what is known, not what was written (`1985-04-XX` is `.month`).
    public var precision: Precision {
        if day != nil { return .day }
        if month != nil { return .month }
        if subYear != nil { return .subYear }
        switch unspecifiedYearDigits {
        case 0: return .year
        case 1: return .decade
        case 2: return .century
        default: return .millennium
        }
    }

    /// The first and last years the date's year can be, in astronomical numbering:
    /// `196X` is 1960...1969, `-19XX` is -1999...-1900.
    public var yearRange: ClosedRange<Int> {
        guard unspecifiedYearDigits > 0 else { return year...year }
        var spread = 1
        for _ in 0..<unspecifiedYearDigits { spread *= 10 }
        return year < 0 ? (year - spread + 1)...year : year...(year + spread - 1)
    }

    /// The first day the date can mean, ignoring its qualifier (as `lower_strict` in Python's `edtf`):
    /// `1963` → 1963-01-01, `196X` → 1960-01-01, `2023-21` (spring) → 2023-03-01.
    public var lowerStrict: CalendarDay {
        let year = yearRange.lowerBound
        if let month, let day { return CalendarDay(uncheckedYear: year, month: month, day: day) }
        if let month { return .first(ofMonth: month, year: year) }
        if let subYear { return .first(ofMonth: subYear.firstMonth, year: year) }
        return .first(ofMonth: 1, year: year)
    }

    /// The last day the date can mean, ignoring its qualifier (as `upper_strict` in Python's `edtf`):
    /// `1963` → 1963-12-31, `196X` → 1969-12-31, `2023-24` (winter) → 2023-12-31.
    public var upperStrict: CalendarDay {
        let year = yearRange.upperBound
        if let month, let day { return CalendarDay(uncheckedYear: year, month: month, day: day) }
        if let month { return .last(ofMonth: month, year: year) }
        if let subYear { return .last(ofMonth: subYear.lastMonth, year: year) }
        return .last(ofMonth: 12, year: year)
    }

    /// Whether this date can lie on or after `other`: its last possible day is not before the first
    /// possible day of `other`. An interval's end must satisfy this against its start.
    public func isNotBefore(_ other: EDTFSingleDate) -> Bool {
        upperStrict.dayNumber >= other.lowerStrict.dayNumber
    }

    /// The EDTF form of this date: `1963-07-22`, `196X~`, `-0500`, `Y170000002`, `2004-XX`.
    public var edtf: String {
        var text: String
        if hasYearPrefix {
            text = "Y" + String(year)
        } else {
            let digits = String(year.magnitude)
            var padded = Array(String(repeating: "0", count: max(0, 4 - digits.count)) + digits)
            for index in padded.indices.suffix(unspecifiedYearDigits) { padded[index] = "X" }
            text = (year < 0 ? "-" : "") + String(padded)
        }
        if let subYear {
            text += "-\(subYear.rawValue)"
        } else if let month {
            text += "-" + CalendarDay.twoDigits(month)
        } else if isMonthUnspecified {
            text += "-XX"
        }
        if let day {
            text += "-" + CalendarDay.twoDigits(day)
        } else if isDayUnspecified {
            text += "-XX"
        }
        if let qualifier { text += qualifier.rawValue }
        return text
    }

    /// The most precise value valid for HTML's `<time datetime>` that the date really implies:
    /// `1963-07-22`, `1963-07`, or `1963` (also for `2023-21`, `2004-XX` and `1963?`: the year is
    /// known, the rest is not); `nil` when HTML has no honest value: a year with unknown digits
    /// (`196X`), and year 0 and BCE years, which HTML cannot write.
    public var htmlDatetime: String? {
        guard unspecifiedYearDigits == 0, year > 0 else { return nil }
        let digits = String(year)
        var text = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        if let month {
            text += "-" + CalendarDay.twoDigits(month)
            if let day { text += "-" + CalendarDay.twoDigits(day) }
        }
        return text
    }
}
