/// A dated happening on a page: a day, a month, a year, part of a year, or a period.
public struct Event: Sendable, Hashable {
    /// When it happened, as an EDTF date (a period is an interval).
    public var date: EDTFDate
    public var title: String
    public var location: SourceLocation

    public init(date: EDTFDate, title: String, location: SourceLocation) {
        self.date = date
        self.title = title
        self.location = location
    }
}
