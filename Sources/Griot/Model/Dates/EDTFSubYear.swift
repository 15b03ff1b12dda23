/// A part of a year written in place of the month: EDTF's seasons (Level 1, codes 21–24) and
/// ISO 8601-2's other sub-year groupings (Level 2, codes 25–41).
///
/// EDTF names the groupings but not their months. Griot uses the months of the Python `edtf`
/// package (its `SEASON_L2_MONTHS_RANGE` setting), so that both agree on every bound:
///
/// | codes | meaning | months |
/// |---|---|---|
/// | 21, 22, 23, 24 | spring, summer, autumn, winter | Mar–May, Jun–Aug, Sep–Nov, Dec |
/// | 25, 26, 27, 28 | spring, summer, autumn, winter (Northern Hemisphere) | Mar–May, Jun–Aug, Sep–Nov, Dec |
/// | 29, 30, 31, 32 | spring, summer, autumn, winter (Southern Hemisphere) | Sep–Nov, Dec, Mar–May, Jun–Aug |
/// | 33, 34, 35, 36 | first to fourth quarter | Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec |
/// | 37, 38, 39 | first to third quadrimester (four months) | Jan–Apr, May–Aug, Sep–Dec |
/// | 40, 41 | first and second half (semestral) | Jan–Jun, Jul–Dec |
///
/// The seasons are the meteorological ones (whole months, spring from 1 March), with one
/// simplification taken from `edtf`: a winter (and a southern summer) is the December of its year
/// only, not December to February, so that a year's seasons stay inside the year and sort in code
/// order (spring, summer, autumn, winter), as the specification orders them.
public enum EDTFSubYear: Int, Sendable, Hashable, Codable, CaseIterable {
    case spring = 21, summer, autumn, winter
    case northernSpring, northernSummer, northernAutumn, northernWinter
    case southernSpring, southernSummer, southernAutumn, southernWinter
    case firstQuarter, secondQuarter, thirdQuarter, fourthQuarter
    case firstQuadrimester, secondQuadrimester, thirdQuadrimester
    case firstHalf, secondHalf

    /// The first month covered, 1–12.
    public var firstMonth: Int { months.lowerBound }

    /// The last month covered, 1–12, in the same year as ``firstMonth``.
    public var lastMonth: Int { months.upperBound }

    /// The months covered: `3...5` for spring, `12...12` for winter, `7...12` for the second half.
    public var months: ClosedRange<Int> {
        switch self {
        case .spring, .northernSpring, .southernAutumn: 3...5
        case .summer, .northernSummer, .southernWinter: 6...8
        case .autumn, .northernAutumn, .southernSpring: 9...11
        case .winter, .northernWinter, .southernSummer: 12...12
        case .firstQuarter: 1...3
        case .secondQuarter: 4...6
        case .thirdQuarter: 7...9
        case .fourthQuarter: 10...12
        case .firstQuadrimester: 1...4
        case .secondQuadrimester: 5...8
        case .thirdQuadrimester: 9...12
        case .firstHalf: 1...6
        case .secondHalf: 7...12
        }
    }

    /// Whether this is a season (codes 21–32) rather than a division of the calendar year.
    public var isSeason: Bool { rawValue <= 32 }

    /// How the grouping reads before a year: "spring", "spring (Northern Hemisphere)",
    /// "first quarter of", "first four months of", "first half of".
    var phrase: String {
        switch self {
        case .spring: "spring"
        case .summer: "summer"
        case .autumn: "autumn"
        case .winter: "winter"
        case .northernSpring: "spring (Northern Hemisphere)"
        case .northernSummer: "summer (Northern Hemisphere)"
        case .northernAutumn: "autumn (Northern Hemisphere)"
        case .northernWinter: "winter (Northern Hemisphere)"
        case .southernSpring: "spring (Southern Hemisphere)"
        case .southernSummer: "summer (Southern Hemisphere)"
        case .southernAutumn: "autumn (Southern Hemisphere)"
        case .southernWinter: "winter (Southern Hemisphere)"
        case .firstQuarter: "first quarter of"
        case .secondQuarter: "second quarter of"
        case .thirdQuarter: "third quarter of"
        case .fourthQuarter: "fourth quarter of"
        case .firstQuadrimester: "first four months of"
        case .secondQuadrimester: "middle four months of"
        case .thirdQuadrimester: "last four months of"
        case .firstHalf: "first half of"
        case .secondHalf: "second half of"
        }
    }
}
