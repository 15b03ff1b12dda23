/// The timeline drawn at build time: dated entries along a time axis, periods as bars (the eras,
/// labelled where the label fits), and the density of single dates as a histogram. Before 1900 the
/// axis is compressed (centuries hold few entries), after it stretched, with a break between.
struct TimelineChart {
    /// One dated entry: a point in time, or a period from `start` to `end` (fractional years).
    struct Mark {
        var title: String
        var start: Double
        var end: Double?
        var date: EDTFDate

        /// The date as readers see it (only periods show theirs: it is made when asked for).
        var label: String { date.displayText }
    }

    let marks: [Mark]

    /// The chart of dated titles: timeline entries, or a page's events.
    init(_ dated: [(title: String, date: EDTFDate)]) {
        marks = dated.map { title, date in
            if date.isInterval, let lower = date.lowerStrict, let upper = date.upperStrict, upper > lower {
                return Mark(title: title, start: Self.years(lower), end: Self.years(upper) + 1 / 365.25, date: date)
            }
            return Mark(title: title, start: Self.years(date.estimatedDay), end: nil, date: date)
        }
    }

    /// A day as a fractional year: 1963-07-02 → 1963.5.
    static func years(_ day: CalendarDay) -> Double {
        let first = CalendarDay(uncheckedYear: day.year, month: 1, day: 1).dayNumber
        return Double(day.year) + Double(day.dayNumber - first) / 365.25
    }

    /// A piecewise-linear time scale: one or two segments across the plot.
    struct Scale {
        var segments: [(from: Double, to: Double, left: Double, right: Double)]

        func x(_ year: Double) -> Double {
            let segment = segments.first { year < $0.to } ?? segments[segments.count - 1]
            let ratio = (year - segment.from) / max(segment.to - segment.from, 1)
            return segment.left + ratio * (segment.right - segment.left)
        }
    }

    static let modernStart = 1900.0

    func scale(left: Double, right: Double) -> Scale? {
        let starts = marks.map(\.start)
        let ends = marks.map { $0.end ?? $0.start }
        guard let first = starts.min(), let last = ends.max() else { return nil }
        let from = (first / 10).rounded(.down) * 10
        let to = max((last / 10).rounded(.up) * 10, from + 10)
        guard from < Self.modernStart - 50, to > Self.modernStart + 10 else {
            return Scale(segments: [(from, to, left, right)])
        }
        let split = left + (right - left) * 0.3
        return Scale(segments: [(from, Self.modernStart, left, split - 8), (Self.modernStart, to, split + 8, right)])
    }

    /// The whole-site chart for `/timeline/`.
    func view(count: Int) -> ChartView? {
        draw(width: 960, densityHeight: 64, title: "Timeline of \(count) dated entries", className: "timeline-chart")
            .map {
                ChartView(
                    svg: $0,
                    caption:
                        "Every dated entry on one axis (compressed before 1900): periods as bars, single dates as columns whose height shows how many fall there."
                )
            }
    }

    /// A page's own strip: its events and periods on an axis spanning just them.
    func strip(pageTitle: String) -> ChartView? {
        guard marks.count >= 3 else { return nil }
        return draw(width: 480, densityHeight: 24, title: "Events of \(pageTitle) in time", className: "event-strip")
            .map { ChartView(svg: $0, caption: "The page's \(marks.count) dated events and periods in time.") }
    }

    private func draw(width: Double, densityHeight: Double, title: String, className: String) -> String? {
        let left = 24.0
        let right = width - 24
        guard let scale = scale(left: left, right: right) else { return nil }

        // Periods go in lanes, each in the first lane where it and its label overlap nothing; the
        // label sits inside the bar when it fits, else after it.
        let periods = marks.filter { $0.end != nil }.sorted { $0.start < $1.start }
        var laneEnds: [Double] = []
        var placed: [(mark: Mark, lane: Int, label: String?, inside: Bool)] = []
        for period in periods {
            let x1 = scale.x(period.start)
            let x2 = max(scale.x(period.end!), x1 + 3)
            let label = Self.shortened(period.title)
            let inside = SVG.width(of: label) + 8 < x2 - x1
            let withLabel = inside ? x2 : x2 + 6 + SVG.width(of: label)
            if let lane = laneEnds.firstIndex(where: { $0 + 6 <= x1 && withLabel <= right }) {
                laneEnds[lane] = withLabel
                placed.append((period, lane, label, inside))
            } else if laneEnds.count < 6, withLabel <= right {
                laneEnds.append(withLabel)
                placed.append((period, laneEnds.count - 1, label, inside))
            } else if let lane = laneEnds.firstIndex(where: { $0 + 2 <= x1 })
                ?? (laneEnds.count < 6 ? laneEnds.count : nil)
            {
                if lane == laneEnds.count { laneEnds.append(x2) } else { laneEnds[lane] = x2 }
                placed.append((period, lane, nil, false))
            }
        }
        let laneHeight = 20.0
        let top = 8.0
        let densityTop = top + Double(laneEnds.count) * (laneHeight + 4) + 6
        let axisY = densityTop + densityHeight
        let height = axisY + 24

        // Single dates, counted in columns.
        let columnWidth = 6.0
        var columns: [Int: (count: Int, first: Double, last: Double)] = [:]
        for mark in marks where mark.end == nil {
            let column = Int((scale.x(mark.start) - left) / columnWidth)
            let old = columns[column] ?? (0, mark.start, mark.start)
            columns[column] = (old.count + 1, min(old.first, mark.start), max(old.last, mark.start))
        }
        let highest = Double(columns.values.map(\.count).max() ?? 1)

        let points = marks.count - periods.count
        var description = "\(points) single dates and \(periods.count) periods"
        if let first = marks.map(\.start).min(), let last = marks.map({ $0.end ?? $0.start }).max() {
            description += ", from \(Self.yearText(first)) to \(Self.yearText(last))"
        }
        if !periods.isEmpty {
            description +=
                ". Periods: " + periods.map { "\($0.title) (\($0.label))" }.joined(separator: "; ")
        }
        var svg = SVG(width: width, height: height, title: title, description: description + ".", className: className)

        for (mark, lane, label, inside) in placed {
            let x1 = scale.x(mark.start)
            let x2 = max(scale.x(mark.end!), x1 + 3)
            let y = top + Double(lane) * (laneHeight + 4)
            svg.rect(
                x: x1, y: y, width: x2 - x1, height: laneHeight, className: "chart-era",
                title: "\(mark.label): \(mark.title)")
            if let label {
                svg.label(label, x: inside ? x1 + 4 : x2 + 4, y: y + 14, className: "chart-label chart-era-label")
            }
        }
        for (column, value) in columns.sorted(by: { $0.key < $1.key }) {
            let barHeight = max(3, densityHeight * Double(value.count) / highest)
            let span =
                Self.yearText(value.first) == Self.yearText(value.last)
                ? Self.yearText(value.first) : "\(Self.yearText(value.first))–\(Self.yearText(value.last))"
            svg.rect(
                x: left + Double(column) * columnWidth, y: axisY - barHeight, width: columnWidth - 1, height: barHeight,
                className: "chart-density", title: "\(span): \(value.count) entr\(value.count == 1 ? "y" : "ies")")
        }
        svg.line(x1: left, y1: axisY, x2: right, y2: axisY, className: "chart-axis")
        for (index, segment) in scale.segments.enumerated() {
            let span = segment.to - segment.from
            let room = (segment.right - segment.left) / 60
            let step = [1.0, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].first { span / $0 <= room } ?? 1000
            var tick = (segment.from / step).rounded(.up) * step
            while tick <= segment.to {
                let isLastOfFirst = index == 0 && scale.segments.count > 1 && tick == segment.to
                if !isLastOfFirst {
                    let x = scale.x(tick)
                    svg.line(x1: x, y1: axisY, x2: x, y2: axisY + 4, className: "chart-axis")
                    svg.label(Self.yearText(tick), x: x, y: axisY + 18, anchor: "middle")
                }
                tick += step
            }
            if index == 1 {
                svg.line(
                    x1: segment.left - 8, y1: axisY - 6, x2: segment.left - 12, y2: axisY + 6, className: "chart-axis")
                svg.line(
                    x1: segment.left - 4, y1: axisY - 6, x2: segment.left - 8, y2: axisY + 6, className: "chart-axis")
            }
        }
        return svg.finished
    }

    /// A title short enough to label a bar: its first words, within about 30 characters.
    static func shortened(_ title: String) -> String {
        // Most titles are short: no more bytes than 32 is no more characters.
        guard title.utf8.count > 32, title.count > 32 else { return title }
        var words: [Substring] = []
        var length = 0
        for word in title.split(separator: " ") {
            let count = word.count
            guard length + count + 1 <= 30 else { break }
            length += (words.isEmpty ? 0 : 1) + count
            words.append(word)
        }
        var kept = words.joined(separator: " ").unicodeScalars[...]
        while let first = kept.first, Self.trimmed.contains(first) { kept.removeFirst() }
        while let last = kept.last, Self.trimmed.contains(last) { kept.removeLast() }
        return String(kept) + "…"
    }

    /// What a shortened title does not begin or end with.
    private static let trimmed: Set<Unicode.Scalar> = [",", ";", ":"]

    /// A year for a label: `1963`, `500 BCE`.
    static func yearText(_ year: Double) -> String {
        let whole = Int(year.rounded(.down))
        return whole <= 0 ? "\(1 - whole) BCE" : String(whole)
    }
}
