/// A dated happening on a page: a day, a month, a year, part of a year, or a period.
public struct Event: Sendable, Hashable {
    /// When it happened, as an EDTF date (a period is an interval).
    public var date: EDTFDate
    public var title: String
    public var location: SourceLocation
    /// The id of the heading of its page that describes it (`section: the-rupture`): the
    /// timeline links there. Checked when the page is read.
    public var section: String?
    public var sectionLocation: SourceLocation?

    public init(
        date: EDTFDate, title: String, location: SourceLocation, section: String? = nil,
        sectionLocation: SourceLocation? = nil
    ) {
        self.date = date
        self.title = title
        self.location = location
        self.section = section
        self.sectionLocation = sectionLocation
    }
}
