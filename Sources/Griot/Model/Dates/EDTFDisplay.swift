/// English display of EDTF dates, precise to what is known.
///
/// Single dates:
///
/// | EDTF | shown |
/// |---|---|
/// | `1963-07-22`, `1963-07`, `1963` | 22 July 1963, July 1963, 1963 |
/// | `1591~`, `1963?`, `1963%` | c. 1591, 1963?, c. 1963? |
/// | `1985-04-XX`, `2004-XX`, `1985-XX-XX` | April 1985, 2004 (month unknown), 1985 (month and day unknown) |
/// | `196X`, `19XX` | 1960s, 1900s |
/// | `200X`, `1XXX`, `-19XX` | 2000–2009, 1000–1999, 2000–1901 BCE (spelled out where "…s" would mislead) |
/// | `-0500`, `0000` | 501 BCE, 1 BCE |
/// | `Y170000002`, `Y-170000002` | 170,000,002, 170,000,003 BCE |
/// | `2023-21` … `2023-24` | spring 2023, summer 2023, autumn 2023, winter 2023 |
/// | `2023-25`, `2023-29` | spring (Northern Hemisphere) 2023, spring (Southern Hemisphere) 2023 |
/// | `2023-33` … `2023-36` | first quarter of 2023 … fourth quarter of 2023 |
/// | `2023-37`, `2023-38`, `2023-39` | first / middle / last four months of 2023 |
/// | `2023-40`, `2023-41` | first half of 2023, second half of 2023 |
///
/// Intervals join their ends with an en dash, without spaces when neither end has a space
/// (`1600–1737`) and with spaces otherwise (`June 2004 – August 2006`, `c. 1591 – 1737`); an
/// interval whose ends are the same date reads as that date (`1963/1963` is `1963`).
/// Ends in the same year are shortened when neither is qualified: `March–June 1963`,
/// `3–7 March 1963`, `3 March – 7 June 1963`; BCE years share their era: `501–401 BCE`. When an
/// interval runs from BCE into CE, the CE end says so: `44 BCE – 14 CE`. An open end reads
/// `2021 onwards` / `until 1960`; an unknown end is `1985 – unknown` / `unknown – 1985`.
enum EDTFDisplay {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `1963`, `501 BCE` (for -500), `1 BCE` (for 0), `170,000,002`; `14 CE` when `markCE`.
    static func year(_ year: Int, markCE: Bool = false) -> String {
        year > 0 ? grouped(year) + (markCE ? " CE" : "") : grouped(1 - year) + " BCE"
    }

    /// Digits in groups of three past four digits: `1963`, `12,000`, `170,000,002`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        guard digits.count > 4 else { return digits }
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }

    /// An explicit span of years: `1000–1999`, `2000–1901 BCE`, `1 BCE – 99 CE`.
    static func yearSpan(_ first: Int, _ last: Int) -> String {
        if first > 0 { return "\(first)–\(last)" }
        if last <= 0 { return "\(1 - first)–\(1 - last) BCE" }
        return "\(1 - first) BCE – \(last) CE"
    }

    /// Adds the qualifier: `c. X` (approximate), `X?` (uncertain), `c. X?` (both).
    static func qualified(_ text: String, _ qualifier: EDTFQualifier?) -> String {
        guard let qualifier else { return text }
        return (qualifier.isApproximate ? "c. " : "") + text + (qualifier.isUncertain ? "?" : "")
    }

    /// Joins two ends of an interval with an en dash, spaced if either end has a space.
    static func join(_ first: String, _ last: String) -> String {
        first.contains(" " as Character) || last.contains(" " as Character) ? "\(first) – \(last)" : "\(first)–\(last)"
    }

    /// An interval between two dates, shortened when they share a year and neither is qualified.
    static func interval(_ first: EDTFSingleDate, _ last: EDTFSingleDate) -> String {
        if first == last { return first.displayText }
        if let short = shortened(first, last) { return short }
        let firstIsBCE = first.unspecifiedYearDigits == 0 && first.year <= 0
        let lastIsCE = last.unspecifiedYearDigits == 0 && last.year > 0
        return join(first.displayText, last.displayText(markCE: firstIsBCE && lastIsCE))
    }

    private static func shortened(_ first: EDTFSingleDate, _ last: EDTFSingleDate) -> String? {
        let plain = [first, last].allSatisfy {
            $0.qualifier == nil && $0.unspecifiedYearDigits == 0 && $0.subYear == nil && !$0.isMonthUnspecified
                && !$0.hasYearPrefix
        }
        guard plain else { return nil }
        if first.month == nil, last.month == nil, first.year <= 0, last.year <= 0 {
            return "\(1 - first.year)–\(1 - last.year) BCE"
        }
        guard first.year == last.year, let firstMonth = first.month, let lastMonth = last.month else { return nil }
        let yearText = year(first.year)
        let firstName = monthNames[firstMonth - 1]
        let lastName = monthNames[lastMonth - 1]
        switch (first.day, last.day) {
        case (nil, nil):
            return "\(firstName)–\(lastName) \(yearText)"
        case (let firstDay?, let lastDay?):
            return firstMonth == lastMonth
                ? "\(firstDay)–\(lastDay) \(lastName) \(yearText)"
                : "\(firstDay) \(firstName) – \(lastDay) \(lastName) \(yearText)"
        default:
            return nil
        }
    }
}

extension EDTFSingleDate {
    /// The date in English, precise to what is known and qualified:
    /// "22 July 1963", "c. 1591", "1963?", "1960s", "spring 2023", "501 BCE".
    /// See ``EDTFDisplay`` for every form.
    public var displayText: String { displayText(markCE: false) }

    func displayText(markCE: Bool) -> String {
        let shown = EDTFDisplay.qualified(unqualifiedText(markCE: markCE), qualifier)
        if isMonthUnspecified { return shown + (isDayUnspecified ? " (month and day unknown)" : " (month unknown)") }
        return shown
    }

    /// The label of a year with unknown digits, for grouping: "1960s" (`196X`), "1900s" (`19XX`);
    /// spelled out as a span where "…s" would be ambiguous or wrong: "2000–2009" (`200X`, as
    /// "2000s" is `20XX`), "1000–1999" (`1XXX`), "2000–1901 BCE" (`-19XX`). `nil` when the year
    /// is fully known.
    public var coarseLabel: String? {
        guard unspecifiedYearDigits > 0 else { return nil }
        if year > 0, unspecifiedYearDigits == 2 || (unspecifiedYearDigits == 1 && year % 100 != 0) {
            return "\(year)s"
        }
        let range = yearRange
        return EDTFDisplay.yearSpan(range.lowerBound, range.upperBound)
    }

    private func unqualifiedText(markCE: Bool) -> String {
        if let coarseLabel { return coarseLabel }
        let yearText = EDTFDisplay.year(year, markCE: markCE)
        if let subYear { return "\(subYear.phrase) \(yearText)" }
        guard let month else { return yearText }
        let monthYear = "\(EDTFDisplay.monthNames[month - 1]) \(yearText)"
        guard let day else { return monthYear }
        return "\(day) \(monthYear)"
    }
}

extension EDTFDate {
    /// The value in English, precise to what is known: "22 July 1963", "c. 1591", "1960s",
    /// "spring 2023", "1600–1737", "2021 onwards", "until 1960", "1985 – unknown".
    /// See ``EDTFDisplay`` for every form.
    public var displayText: String {
        switch form {
        case .single(let date):
            return date.displayText
        case .interval(.date(let first), .date(let last)):
            return EDTFDisplay.interval(first, last)
        case .interval(.date(let first), .open):
            return "\(first.displayText) onwards"
        case .interval(.open, .date(let last)):
            return "until \(last.displayText)"
        case .interval(.date(let first), .unknown):
            return "\(first.displayText) – unknown"
        case .interval(.unknown, .date(let last)):
            return "unknown – \(last.displayText)"
        case .interval:
            return "unknown"  // Not produced by the parser: one end is always a date.
        }
    }
}
