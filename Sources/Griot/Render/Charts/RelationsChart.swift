/// The relations index's chart: how many countries' relations with the site's subject began in
/// each decade, each bar divided by region. Drawn at build time; needs no script to be seen.
struct RelationsChart {
    /// One country: its region and the year relations began (the best estimate of the date).
    struct Start {
        var region: String
        var year: Int
    }

    let starts: [Start]
    /// The regions in legend order; each draws with the series class of its position.
    let regions: [String]
    let undated: Int

    private static let width = 480.0
    private static let plotTop = 16.0
    private static let plotHeight = 150.0
    private static let left = 36.0
    private static let right = 12.0
    /// The colours the theme defines (`--chart-1` to `--chart-10`).
    static let seriesCount = 10

    /// The chart as a figure's SVG and caption; nil when no date is known.
    var view: ChartView? {
        guard let first = starts.map(\.year).min(), let last = starts.map(\.year).max() else { return nil }
        let decades = Array(stride(from: Self.decade(of: first), through: Self.decade(of: last), by: 10))
        var counts: [Int: [String: Int]] = [:]
        for start in starts { counts[Self.decade(of: start.year), default: [:]][start.region, default: 0] += 1 }
        let totals = decades.map { decade in counts[decade]?.values.reduce(0, +) ?? 0 }
        let highest = max(totals.max() ?? 1, 1)
        let step = Self.tickStep(highest)
        let top = ((highest + step - 1) / step) * step

        let height = Self.plotTop + Self.plotHeight + 26
        let description =
            decades.enumerated().filter { totals[$0.offset] > 0 }.map { index, decade in
                let parts = regions.compactMap { region in counts[decade]?[region].map { "\(region) \($0)" } }
                return "\(decade)s: \(totals[index]) (\(parts.joined(separator: ", ")))"
            }.joined(separator: "; ") + (undated > 0 ? "; date not recorded: \(undated)" : "") + "."
        let title = "Relations established per decade, by region"
        var svg = SVG(
            width: Self.width, height: height, title: title, description: description, className: "relations-chart")

        let plotWidth = Self.width - Self.left - Self.right
        let slot = plotWidth / Double(decades.count)
        let barWidth = min(slot * 0.7, 60)
        func y(_ value: Int) -> Double { Self.plotTop + Self.plotHeight * (1 - Double(value) / Double(top)) }
        for tick in stride(from: 0, through: top, by: step) {
            svg.line(x1: Self.left, y1: y(tick), x2: Self.width - Self.right, y2: y(tick), className: "chart-grid")
            svg.label(String(tick), x: Self.left - 6, y: y(tick) + 4, anchor: "end")
        }
        let labelEvery = max(1, Int((SVG.width(of: "1960s") + 8) / slot) + 1)
        for (index, decade) in decades.enumerated() {
            let x = Self.left + slot * Double(index) + (slot - barWidth) / 2
            var stacked = 0
            for (series, region) in regions.enumerated() {
                guard let count = counts[decade]?[region] else { continue }
                svg.rect(
                    x: x, y: y(stacked + count), width: barWidth, height: y(stacked) - y(stacked + count),
                    className: "chart-series-\(series % Self.seriesCount + 1)",
                    title: "\(decade)s, \(region): \(count) countr\(count == 1 ? "y" : "ies")")
                stacked += count
            }
            if index % labelEvery == 0 {
                svg.label("\(decade)s", x: x + barWidth / 2, y: Self.plotTop + Self.plotHeight + 18, anchor: "middle")
            }
        }
        svg.line(
            x1: Self.left, y1: y(0), x2: Self.width - Self.right, y2: y(0), className: "chart-axis")
        let dated = starts.count
        let caption =
            "Relations established per decade: \(dated) countr\(dated == 1 ? "y" : "ies") with a known date, by region"
            + (undated > 0 ? " (\(undated) without a recorded date are left out)." : ".")
        let legend = regions.enumerated().map { LegendItemView(name: $1, series: $0 % Self.seriesCount + 1) }
        return ChartView(svg: svg.finished, caption: caption, legend: legend)
    }

    static func decade(of year: Int) -> Int { Int((Double(year) / 10).rounded(.down)) * 10 }

    /// A tick step giving at most five gridlines above zero: 1, 2, 5, 10, 20, 50…
    static func tickStep(_ highest: Int) -> Int {
        var magnitude = 1
        while true {
            for step in [magnitude, 2 * magnitude, 5 * magnitude] where highest <= step * 5 { return step }
            magnitude *= 10
        }
    }
}
