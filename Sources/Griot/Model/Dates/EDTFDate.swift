/// A date in the Extended Date/Time Format (EDTF, Library of Congress; ISO 8601-2): a single date
/// or an interval, as written by an author, with what it means.
///
/// Griot reads all of EDTF Level 0 and Level 1 (dates without times) and Level 2's sub-year
/// groupings:
///
///     try EDTFDate(parsing: "1963-07-22").displayText  // "22 July 1963"
///     try EDTFDate(parsing: "1591~").displayText       // "c. 1591"
///     try EDTFDate(parsing: "196X").displayText        // "1960s"
///     try EDTFDate(parsing: "1600/1737").displayText   // "1600–1737"
///     try EDTFDate(parsing: "2023-21").displayText     // "spring 2023"
///     try EDTFDate(parsing: "-0500").displayText       // "501 BCE"
///
/// Every date covers a range of days, ``lowerBound`` … ``upperBound`` (ignoring qualifiers), from
/// which come its ``sortKey`` and best estimate. An invalid string throws an ``EDTFParseError``
/// saying what is wrong, how to fix it, and where.
public struct EDTFDate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The shape of an EDTF value.
    public enum Form: Sendable, Hashable {
        /// One date: `1963`, `1984?`, `2023-21`.
        case single(EDTFSingleDate)
        /// An interval: `1964/2008`, `1985/..`, `/1985`. At least one end is a date.
        case interval(start: EDTFIntervalEnd, end: EDTFIntervalEnd)
    }

    /// The EDTF string as the author wrote it (or as composed from old front matter).
    public let text: String
    /// What was written: a single date or an interval.
    public let form: Form

    /// Parses an EDTF string: Level 0 and Level 1, plus Level 2's sub-year codes 25–41.
    ///
    /// Refuses anything else, and dates that do not exist (`2023-02-30`) or intervals that end
    /// before they start (`1985/1984`), with an error that teaches the fix.
    public init(parsing text: String) throws(EDTFParseError) {
        self.form = try EDTFParser(text).parse()
        self.text = text
    }

    /// A value of the given form; its ``text`` is the normalised EDTF string.
    public init(_ form: Form) {
        self.form = form
        self.text = Self.edtf(of: form)
    }

    /// The normalised EDTF string (`1591~/1737`, `Y170000002`, `1985/..`), the same as ``text``
    /// for anything the parser accepted.
    public var edtf: String { Self.edtf(of: form) }

    private static func edtf(of form: Form) -> String {
        switch form {
        case .single(let date): date.edtf
        case .interval(let start, let end): start.edtf + "/" + end.edtf
        }
    }

    /// The text as written: the machine form, for exports and debugging. Use ``displayText`` for readers.
    public var description: String { text }

    /// Whether this is an interval (even with an open or unknown end).
    public var isInterval: Bool {
        if case .interval = form { return true }
        return false
    }

    /// Where the value starts: the date itself, or an interval's start (which may be open or unknown).
    public var start: EDTFIntervalEnd {
        switch form {
        case .single(let date): .date(date)
        case .interval(let start, _): start
        }
    }

    /// Where the value ends: the date itself, or an interval's end (which may be open or unknown).
    public var end: EDTFIntervalEnd {
        switch form {
        case .single(let date): .date(date)
        case .interval(_, let end): end
        }
    }

    /// The date that places the value in time: the date itself, an interval's start, or the
    /// interval's end when its start is open or unknown.
    public var anchorDate: EDTFSingleDate {
        switch form {
        case .single(let date): return date
        case .interval(let start, let end):
            // The parser guarantees one end is a date.
            return start.date ?? end.date ?? EDTFSingleDate(year: 0)
        }
    }

    // MARK: Bounds

    /// The first day the value can mean, ignoring qualifiers: `1963` → 1963-01-01; for an interval
    /// its start's first day; `nil` when the start is open (`..`) or unknown (empty).
    public var lowerBound: CalendarDay? { start.date?.lowerBound }

    /// The last day the value can mean, ignoring qualifiers: `1963` → 1963-12-31; for an interval
    /// its end's last day; `nil` when the end is open (`..`) or unknown (empty).
    public var upperBound: CalendarDay? { end.date?.upperBound }

    /// ``lowerBound`` in ISO form (`1963-01-01`, `-0500-01-01`), or `nil` for an open or unknown start.
    public var lowerBoundISO: String? { lowerBound?.iso }

    /// ``upperBound`` in ISO form (`1963-12-31`), or `nil` for an open or unknown end.
    public var upperBoundISO: String? { upperBound?.iso }

    /// Whether this value can lie on or after `other`: its last possible day is not before the
    /// first possible day of `other`. Open and unknown ends never make it false.
    /// Used to check that a period's end does not come before its start.
    public func isNotBefore(_ other: EDTFDate) -> Bool {
        guard let last = upperBound, let first = other.lowerBound else { return true }
        return last.dayNumber >= first.dayNumber
    }

    // MARK: Ordering

    /// The key to sort by: the midpoint of the range of days of the ``anchorDate`` (for an
    /// interval, its start; its end if the start is open or unknown), narrower ranges first on ties.
    public var sortKey: EDTFSortKey { EDTFSortKey(lower: anchorDate.lowerBound, upper: anchorDate.upperBound) }

    /// The best estimate of the day: the midpoint of the ``anchorDate``'s range.
    public var bestEstimate: CalendarDay { sortKey.midpoint }

    /// The astronomical calendar year of the ``bestEstimate``, for grouping a timeline by year:
    /// 1963 for `1963-07-22`; 1965 for `196X` (see ``isCoarserThanYear``); 2024 for `2023-24`
    /// (winter 2023–24, whose middle is in January 2024).
    public var bestEstimateYear: Int { bestEstimate.year }

    /// Whether the value is known only to more than a year: a decade (`196X`), a century, or an
    /// interval starting with one. Group such dates under ``coarseLabel`` rather than a year.
    public var isCoarserThanYear: Bool { anchorDate.precision < .year }

    /// The label of a coarse value's ``anchorDate``: "1960s", "1900s"; `nil` unless ``isCoarserThanYear``.
    public var coarseLabel: String? { anchorDate.coarseLabel }

    /// Whether any date in the value is approximate (`~` or `%`).
    public var isApproximate: Bool { dates.contains { $0.qualifier?.isApproximate == true } }

    /// Whether any date in the value is uncertain (`?` or `%`).
    public var isUncertain: Bool { dates.contains { $0.qualifier?.isUncertain == true } }

    private var dates: [EDTFSingleDate] { [start.date, end.date].compactMap(\.self) }

    // MARK: HTML

    /// A value for HTML's `<time datetime>` that the W3C checker accepts: the most precise of
    /// `YYYY-MM-DD`, `YYYY-MM` and `YYYY` that the date really implies (an interval: its start's),
    /// or `nil` when none is honest (decades, BCE years, year 0, an open or unknown start);
    /// render a `<span>` then.
    public var htmlDatetime: String? { start.date?.htmlDatetime }

    // MARK: Codable

    /// Decodes an EDTF string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try EDTFDate(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
        }
    }

    /// Encodes the EDTF ``text``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
