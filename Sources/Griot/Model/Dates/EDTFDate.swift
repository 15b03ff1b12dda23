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
/// Every date covers a range of days, ``lowerStrict`` … ``upperStrict`` (ignoring qualifiers);
/// the range of its ``anchorDate`` gives its ``sortKey`` and ``estimatedYear``. An invalid
/// string throws an ``EDTFParseError`` saying where the problem is, what it is, and the closest
/// valid form.
public struct EDTFDate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The shape of an EDTF value. Held in a box of its own (`indirect`): a site keeps a date for
    /// every event, source and relation, and copies of one date (the timeline's) share its box.
    public indirect enum Form: Sendable, Hashable {
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
        self.form = try EDTFParser.parse(text)
        self.text = text
    }

    /// A value of the given form (at least one end a date); its ``text`` is the normalised EDTF string.
    init(_ form: Form) {
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

    /// The first day the value can mean, ignoring qualifiers (Python `edtf`'s `lower_strict`):
    /// `1963` → 1963-01-01; for an interval, its start's first day; `nil` when the start is open
    /// (`../1985`) or unknown (`/1985`).
    public var lowerStrict: CalendarDay? { start.date?.lowerStrict }

    /// The last day the value can mean, ignoring qualifiers (Python `edtf`'s `upper_strict`):
    /// `1963` → 1963-12-31; for an interval, its end's last day; `nil` when the end is open
    /// (`1985/..`) or unknown (`1985/`).
    public var upperStrict: CalendarDay? { end.date?.upperStrict }

    /// Whether this value can lie on or after `other`: its last possible day is not before the
    /// first possible day of `other`. Open and unknown ends never make it false.
    public func isNotBefore(_ other: EDTFDate) -> Bool {
        guard let last = upperStrict, let first = other.lowerStrict else { return true }
        return last.dayNumber >= first.dayNumber
    }

    // MARK: Ordering

    /// The key to sort a timeline by: the midpoint of the days of the ``anchorDate`` (for an
    /// interval, its start; its end if the start is open or unknown), the narrower range first
    /// among equal midpoints. `1992-06` sorts before `1992`, and `2023-06` before `2023-41`.
    public var sortKey: EDTFSortKey {
        let anchor = anchorDate
        return EDTFSortKey(lower: anchor.lowerStrict, upper: anchor.upperStrict)
    }

    /// The best single day for the value: the midpoint of the ``anchorDate``'s days
    /// (the earlier of two middle days).
    public var estimatedDay: CalendarDay { sortKey.midpoint }

    /// The astronomical year of ``estimatedDay``, for grouping a timeline by year: 1963 for
    /// `1963-07-22`, 1964 for `196X` (whose middle day is 31 December 1964; see ``coarseLabel``),
    /// -500 for `-0500` (501 BCE).
    public var estimatedYear: Int { estimatedDay.year }

    /// Whether the ``anchorDate`` is known only to more than a year: a decade (`196X`), a century
    /// (`19XX`) or a millennium (`1XXX`).
    public var isCoarserThanYear: Bool { anchorDate.precision < .year }

    /// The label to group a value coarser than a year under: "1960s" for `196X`, "1900s" for
    /// `19XX` (and for an interval starting with one); `nil` when the value is a year or finer.
    public var coarseLabel: String? { anchorDate.coarseLabel }

    /// Whether any date in the value is approximate (`~` or `%`).
    public var isApproximate: Bool { dates.contains { $0.qualifier?.isApproximate == true } }

    /// Whether any date in the value is uncertain (`?` or `%`).
    public var isUncertain: Bool { dates.contains { $0.qualifier?.isUncertain == true } }

    private var dates: [EDTFSingleDate] { [start.date, end.date].compactMap(\.self) }

    // MARK: HTML

    /// A value for HTML's `<time datetime>` that the W3C checker accepts: the most precise of
    /// `YYYY-MM-DD`, `YYYY-MM` and `YYYY` that the date really implies (for an interval, its
    /// start's), or `nil` when none is honest (unknown year digits, BCE years, year 0, an open or
    /// unknown start); render a `<span>` then.
    public var htmlDatetime: String? { start.date?.htmlDatetime }

    // MARK: Codable

    /// Decodes an EDTF string, refusing an invalid one.
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
