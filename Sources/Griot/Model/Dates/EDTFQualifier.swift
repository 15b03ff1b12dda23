/// How sure the author is of a date: the EDTF qualifier written after it.
///
/// `1984?` is uncertain (perhaps 1984), `1984~` approximate (about 1984), `1984%` both.
public enum EDTFQualifier: String, Sendable, Hashable, Codable, CaseIterable {
    /// `?`: the date is a guess that may be wrong ("1984?").
    case uncertain = "?"
    /// `~`: the date is about right ("c. 1984").
    case approximate = "~"
    /// `%`: both uncertain and approximate ("c. 1984?").
    case uncertainAndApproximate = "%"

    /// Whether the qualifier includes uncertainty (`?` or `%`).
    public var isUncertain: Bool { self != .approximate }

    /// Whether the qualifier includes approximation (`~` or `%`).
    public var isApproximate: Bool { self != .uncertain }

    /// The qualifier that means this one and `other` together: `?` with `~` is `%`.
    public func combined(with other: EDTFQualifier?) -> EDTFQualifier {
        guard let other else { return self }
        let uncertain = isUncertain || other.isUncertain
        let approximate = isApproximate || other.isApproximate
        return uncertain && approximate ? .uncertainAndApproximate : uncertain ? .uncertain : .approximate
    }
}
