/// Where a date sorts on a timeline: the midpoint of the days it can mean (its best estimate),
/// and among equal midpoints the narrower range first.
///
/// `1992-06` (midpoint 15 June) sorts before `1992` (midpoint 1 July, a leap year); `2023-06`
/// before `2023-41` (second half of 2023); `2023-07-02` before `2023`, whose midpoint it is.
/// Qualifiers are ignored. Callers break remaining ties themselves (by the author's order, then
/// title). Build it with ``EDTFDate/sortKey``.
public struct EDTFSortKey: Sendable, Hashable, Comparable {
    /// The first and last day numbers summed: twice the midpoint, kept whole.
    let doubledMidpoint: Int
    /// How many days the range covers (1 for a day, 365 or 366 for a year).
    public let dayCount: Int

    /// The key for the range of days `lower...upper`.
    public init(lower: CalendarDay, upper: CalendarDay) {
        doubledMidpoint = lower.dayNumber + upper.dayNumber
        dayCount = upper.dayNumber - lower.dayNumber + 1
    }

    /// The middle day of the range (the earlier of two middle days): the best estimate.
    public var midpoint: CalendarDay {
        CalendarDay(dayNumber: doubledMidpoint >= 0 ? doubledMidpoint / 2 : (doubledMidpoint - 1) / 2)
    }

    public static func < (lhs: EDTFSortKey, rhs: EDTFSortKey) -> Bool {
        (lhs.doubledMidpoint, lhs.dayCount) < (rhs.doubledMidpoint, rhs.dayCount)
    }
}
