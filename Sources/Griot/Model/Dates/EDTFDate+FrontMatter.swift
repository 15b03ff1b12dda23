extension EDTFDate {
    /// Builds the value from Griot's older front matter, where a page wrote
    /// `date: "1591"`, `until: "1737"` and `circa: true` rather than one EDTF string.
    ///
    /// - `date` is any EDTF string; `until`, if given and not empty, is one EDTF date (or `..`
    ///   for no end) and makes the value the interval `date/until`.
    /// - `circa: true` makes the start approximate: `1591` becomes `1591~`, `1591?` becomes
    ///   `1591%`, `1591~` stays. The end keeps its own qualifier: (`1591`, `1737`, circa) is `1591~/1737`.
    ///   With an open or unknown start, `circa` applies to the end.
    ///
    /// Errors in `until` carry `field == .until`. An `until` before `date` is an error, as is an
    /// `until` added to a `date` that is already an interval.
    public init(date: String, until: String? = nil, circa: Bool = false) throws(EDTFParseError) {
        var form = try EDTFParser(date).parse()
        if let until, let end = try EDTFParser(until, field: .until).parseUntil() {
            guard case .single(let first) = form else {
                throw EDTFParseError(
                    text: until, message: "'date' is already the interval '\(date)', so 'until' has nothing to end",
                    hint: "write the whole period in 'date' and drop 'until'", offset: 0, reason: .invalidInterval,
                    field: .until)
            }
            if case .date(let last) = end, !last.isNotBefore(first) {
                throw EDTFParseError(
                    text: until, message: "the period ends (\(until)) before it begins (\(date))",
                    hint: "'until' is the end of a period and must not come before 'date'", offset: 0,
                    reason: .endBeforeStart, field: .until)
            }
            form = .interval(start: .date(first), end: end)
        }
        if circa {
            switch form {
            case .single(let only):
                form = .single(Self.approximate(only))
            case .interval(.date(let first), let end):
                form = .interval(start: .date(Self.approximate(first)), end: end)
            case .interval(let start, .date(let last)):
                form = .interval(start: start, end: .date(Self.approximate(last)))
            case .interval:
                break
            }
        }
        self.init(form)
    }

    private static func approximate(_ date: EDTFSingleDate) -> EDTFSingleDate {
        date.qualified(EDTFQualifier.approximate.combined(with: date.qualifier))
    }
}
