/// A day in the proleptic Gregorian calendar, with astronomical year numbering.
///
/// Year `0` is 1 BCE, year `-1` is 2 BCE, and so on; the Gregorian rules are applied to every
/// year, before 1582 too. A day converts to and from a ``dayNumber`` (days since 1 January 1970)
/// so that days can be subtracted, compared and averaged.
///
///     let day = CalendarDay(year: 1963, month: 7, day: 22)!
///     day.iso        // "1963-07-22"
///     day.dayNumber  // -2355
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The astronomical year: `0` is 1 BCE, `-500` is 501 BCE.
    public let year: Int
    /// The month, 1 (January) to 12 (December).
    public let month: Int
    /// The day of the month, from 1.
    public let day: Int

    /// Creates the day, or returns `nil` if the month or the day does not exist
    /// (`CalendarDay(year: 2023, month: 2, day: 29)` is `nil`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysInMonth(month, ofYear: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates the day that is `dayNumber` days after 1 January 1970 (negative: before it).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days, valid for the whole proleptic Gregorian calendar.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    }

    /// The first day of `month` in `year`.
    static func first(ofMonth month: Int, year: Int) -> CalendarDay {
        CalendarDay(uncheckedYear: year, month: month, day: 1)
    }

    /// The last day of `month` in `year`.
    static func last(ofMonth month: Int, year: Int) -> CalendarDay {
        CalendarDay(uncheckedYear: year, month: month, day: daysInMonth(month, ofYear: year))
    }

    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1 January 1970 (which is day 0); earlier days are negative.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The ISO 8601 calendar date: `1963-07-22`; `-0500-01-01` for 501 BCE; years past four digits
    /// take a sign as ISO 8601 expanded years do: `+170000002-01-01`, `-170000002-01-01`.
    public var iso: String {
        Self.isoYear(year) + "-" + Self.twoDigits(month) + "-" + Self.twoDigits(day)
    }

    /// The same as ``iso``.
    public var description: String { iso }

    /// Whether `year` has 29 February (astronomical numbering: year 0 is a leap year).
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` (1–12) of `year`: 28 to 31.
    public static func daysInMonth(_ month: Int, ofYear year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Encodes as the ``iso`` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    /// Decodes an ``iso`` string such as `1963-07-22`, `-0500-01-01` or `+170000002-01-01`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Self(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an ISO calendar date (YYYY-MM-DD)")
        }
        self = day
    }

    /// Reads an ISO calendar date as written by ``iso``; `nil` if `iso` is not one or the day does not exist.
    public init?(iso: String) {
        var scalars = Substring(iso)
        var sign = 1
        if scalars.first == "-" || scalars.first == "+" {
            sign = scalars.first == "-" ? -1 : 1
            scalars = scalars.dropFirst()
        }
        let parts = scalars.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count >= 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: sign * year, month: month, day: day)
    }

    static func isoYear(_ year: Int) -> String {
        let digits = String(year.magnitude)
        if digits.count > 4 { return (year < 0 ? "-" : "+") + digits }
        return (year < 0 ? "-" : "") + String(repeating: "0", count: 4 - digits.count) + digits
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
