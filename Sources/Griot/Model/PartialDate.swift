/// A date known to a year, a month or a day: `"1963"`, `"2012-03"`, `"1960-08-20"`.
///
/// The precision is part of the value: a year stays a year when displayed. Dates order by the
/// earliest instant they can mean, then the less precise first (so "1963" comes before
/// "1963-01-01").
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: Int, Sendable, Comparable, Codable {
        case year, month, day
        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// Why a date string was refused.
    public struct ParseError: Error, Sendable, Equatable {
        public var message: String
        public var hint: String
    }

    static let formatHint = #"write dates as "YYYY", "YYYY-MM" or "YYYY-MM-DD", in quotes"#

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists in that month.
    public init(parsing text: String) throws(ParseError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let digitsOnly = parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard (1...3).contains(parts.count), digitsOnly, parts[0].count == 4,
            parts.dropFirst().allSatisfy({ $0.count == 2 })
        else {
            throw ParseError(message: "'\(text)' is not a date", hint: Self.formatHint)
        }
        let year = Int(parts[0])!
        let month = parts.count > 1 ? Int(parts[1])! : nil
        let day = parts.count > 2 ? Int(parts[2])! : nil
        if let month, !(1...12).contains(month) {
            throw ParseError(message: "'\(text)' has no month \(month)", hint: "months run from 01 to 12")
        }
        if let month, let day {
            let length = Self.daysIn(month: month, year: year)
            guard (1...length).contains(day) else {
                throw ParseError(
                    message: "'\(text)' is not a real date: \(Self.monthNames[month - 1]) \(year) has \(length) days",
                    hint: "check the day; if only the month is known, write \"\(parts[0])-\(parts[1])\"")
            }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The machine form, as written in front matter: `1963`, `1963-07`, `1963-07-22`.
    public var description: String {
        var text = String(year).leftPadded(to: 4)
        if let month { text += "-" + String(month).leftPadded(to: 2) }
        if let day { text += "-" + String(day).leftPadded(to: 2) }
        return text
    }

    /// The reader's form at the date's own precision: "22 July 1963", "July 1963", "1963".
    public var displayText: String {
        guard let month else { return String(year) }
        let monthYear = "\(Self.monthNames[month - 1]) \(year)"
        guard let day else { return monthYear }
        return "\(day) \(monthYear)"
    }

    /// The first year of the date's decade (1963 → 1960).
    public var decade: Int { year / 10 * 10 }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 1, lhs.day ?? 1, lhs.precision)
            < (rhs.year, rhs.month ?? 1, rhs.day ?? 1, rhs.precision)
    }

    /// Whether this date can lie after `other` (a period's end may share the start's year).
    func isNotBefore(_ other: PartialDate) -> Bool {
        let latestSelf = (year, month ?? 12, day ?? 31)
        let earliestOther = (other.year, other.month ?? 1, other.day ?? 1)
        return latestSelf >= earliestOther
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
