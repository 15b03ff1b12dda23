/// Builds SVG text for the charts drawn at build time: every text escaped, numbers rounded to one
/// decimal so the markup stays small and the same site always gives the same bytes.
struct SVG {
    private(set) var text = ""

    /// Opens `<svg>` with a view box that scales to its container, `role="img"`, a title and a
    /// description (the chart's text alternative).
    init(width: Double, height: Double, title: String, description: String, className: String) {
        text =
            "<svg class=\"chart \(className)\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" role=\"img\" aria-labelledby=\"\(className)-title \(className)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(className)-title\">\(HTMLEscaping.text(title))</title>"
            + "<desc id=\"\(className)-desc\">\(HTMLEscaping.text(description))</desc>"
    }

    /// The finished `<svg>` element.
    var finished: String { text + "</svg>" }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, className: String, title: String? = nil) {
        text +=
            "<rect class=\"\(className)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\" height=\"\(Self.number(max(height, 0)))\""
        if let title {
            text += "><title>\(HTMLEscaping.text(title))</title></rect>"
        } else {
            text += "/>"
        }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) {
        text +=
            "<line class=\"\(className)\" x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\"/>"
    }

    mutating func circle(x: Double, y: Double, radius: Double, className: String, title: String? = nil) {
        text +=
            "<circle class=\"\(className)\" cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\""
        if let title {
            text += "><title>\(HTMLEscaping.text(title))</title></circle>"
        } else {
            text += "/>"
        }
    }

    /// Text at a point; `anchor` is `start`, `middle` or `end`.
    mutating func label(
        _ content: String, x: Double, y: Double, anchor: String = "start", className: String = "chart-label"
    ) {
        text +=
            "<text class=\"\(className)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor)\">\(HTMLEscaping.text(content))</text>"
    }

    /// `12`, `12.5`: one decimal at most.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = String(tenths.magnitude / 10)
        let sign = tenths < 0 ? "-" : ""
        let fraction = tenths.magnitude % 10
        return fraction == 0 ? sign + whole : sign + whole + "." + String(fraction)
    }

    /// A rough width of `text` at the charts' label size, to decide whether a label fits.
    static func width(of text: String, size: Double = 12) -> Double { Double(text.count) * size * 0.55 }
}
