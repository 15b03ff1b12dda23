/// A dated happening on a page: a day, a month, a year, or a period with `until`.
public struct Event: Sendable, Hashable {
    public var date: PartialDate
    /// The end of a period, when the event lasted.
    public var until: PartialDate?
    /// Whether the date is approximate ("c. 1591").
    public var circa: Bool
    public var title: String
    public var location: SourceLocation

    public init(
        date: PartialDate, until: PartialDate? = nil, circa: Bool = false, title: String, location: SourceLocation
    ) {
        self.date = date
        self.until = until
        self.circa = circa
        self.title = title
        self.location = location
    }

    /// "c. 1591 – 1737", "22 July 1963".
    public var dateText: String { Self.dateText(date, until: until, circa: circa) }

    /// A date or period as readers see it: "c. " for approximate dates, a dash before the end.
    static func dateText(_ date: PartialDate, until: PartialDate?, circa: Bool) -> String {
        var text = (circa ? "c. " : "") + date.displayText
        if let until { text += " – " + until.displayText }
        return text
    }
}
