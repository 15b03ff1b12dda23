extension EDTFDate {
    /// Builds one value from Griot's older front matter, which wrote `date: "1591"`,
    /// `until: "1737"` and `circa: true` rather than one EDTF string.
    ///
    /// - `date` is any EDTF string (the older `YYYY`, `YYYY-MM` and `YYYY-MM-DD` are EDTF too).
    /// - `until`, when given and not empty, is the end of a period: one EDTF date, or `..` for
    ///   "onwards". The value becomes the interval `date/until`: (`1591`, `1737`) is `1591/1737`.
    /// - `circa: true` makes the date approximate (`~`): `1591` becomes `1591~`, `1591?` becomes
    ///   `1591%`, `1591~` stays. In a period only the start changes: (`1591`, `1737`, circa) is
    ///   `1591~/1737`; with an open or unknown start, the end.
    ///
    /// Errors in `until` carry `field == .until`, with their offset inside `until`. An `until`
    /// before `date` is an error, as is an `until` added to a `date` that is already an interval.
    ///
    ///     try EDTFDate(date: "1591", until: "1737", circa: true).text  // "1591~/1737"
    ///     try EDTFDate(date: "1963-07-22").text                        // "1963-07-22"
    public init(date: String, until: String? = nil, circa: Bool = false) throws(EDTFParseError) {
        var form = try EDTFParser.parse(date)
        if let until, !until.isEmpty {
            let end = try EDTFParser.parseEnd(until, field: .until)
            guard case .single(let first) = form else {
                throw EDTFParseError(
                    text: until, offset: 0, reason: "'date' is already the interval \(date)",
                    hint: "write the whole period in 'date' and leave out 'until'", kind: .invalidInterval,
                    field: .until)
            }
            if case .date(let last) = end, !last.isNotBefore(first) {
                throw EDTFParseError(
                    text: until, offset: 0, reason: "the period ends before it begins (\(date))",
                    hint: "did you mean date: \(until), until: \(date)?", kind: .endBeforeStart, field: .until)
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
