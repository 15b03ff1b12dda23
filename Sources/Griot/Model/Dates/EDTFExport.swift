/// The machine form of an EDTF value, for exports (JSON feeds, search indexes): the EDTF string
/// and the first and last days it can mean as ISO calendar dates.
///
///     {"edtf": "1963-07", "lower": "1963-07-01", "upper": "1963-07-31"}
///     {"edtf": "-0500~", "lower": "-0500-01-01", "upper": "-0500-12-31"}
///     {"edtf": "1985/..", "lower": "1985-01-01"}
///
/// Bounds ignore qualifiers (they are the strict bounds, as Python `edtf`'s `lower_strict` and
/// `upper_strict`). Years use astronomical numbering (`0000` is 1 BCE, `-0500` is 501 BCE), and
/// years beyond four digits take a sign as ISO 8601 expanded years do (`+170000002-01-01`).
/// A bound is absent when that end of an interval is open (`..`) or unknown (empty).
public struct EDTFExport: Sendable, Hashable, Codable {
    /// The EDTF string: `1963-07`, `1591~/1737`, `1985/..`.
    public var edtf: String
    /// The first day the value can mean (`1963-07-01`), or `nil` for an open or unknown start.
    public var lower: String?
    /// The last day the value can mean (`1963-07-31`), or `nil` for an open or unknown end.
    public var upper: String?

    public init(edtf: String, lower: String?, upper: String?) {
        self.edtf = edtf
        self.lower = lower
        self.upper = upper
    }

    /// The machine form of `date`.
    public init(_ date: EDTFDate) {
        self.init(edtf: date.text, lower: date.lowerStrict?.iso, upper: date.upperStrict?.iso)
    }
}

extension EDTFDate {
    /// The machine form for exports: the EDTF string with ISO lower and upper bounds.
    public var export: EDTFExport { EDTFExport(self) }
}
