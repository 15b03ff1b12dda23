/// One end of an EDTF interval: a date, an open end (`..`) or an unknown end (nothing written).
///
/// `1985/..` runs from 1985 on with no end (open, "1985 onwards"); `1985/` ends at some date
/// that is not known ("1985 – unknown"); `../1985` and `/1985` are the same at the start.
public enum EDTFIntervalEnd: Sendable, Hashable {
    /// A known date, perhaps qualified: the `1985~` of `1985~/2004`.
    case date(EDTFSingleDate)
    /// `..`: the interval has no bound on this side ("1985 onwards", "until 1985").
    case open
    /// Nothing written: the interval has a bound on this side, but it is not known ("1985 – unknown").
    case unknown

    /// The date at this end, if there is one.
    public var date: EDTFSingleDate? {
        if case .date(let date) = self { return date }
        return nil
    }

    /// The EDTF form of this end: the date, `..` or the empty string.
    public var edtf: String {
        switch self {
        case .date(let date): date.edtf
        case .open: ".."
        case .unknown: ""
        }
    }
}
