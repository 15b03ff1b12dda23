/// Builds SVG text for the charts drawn at build time: every text escaped, numbers rounded to one
/// decimal so the markup stays small and the same site always gives the same bytes.
struct SVG {
    /// The UTF-8 text so far.
    private var bytes: [UInt8] = []

    /// Opens `<svg>` with a view box that scales to its container, `role="img"`, a title and a
    /// description (the chart's text alternative).
    init(width: Double, height: Double, title: String, description: String, className: String) {
        bytes.reserveCapacity(4096)
        write("<svg class=\"chart ", className, "\" viewBox=\"0 0 ")
        write(width)
        write(" ")
        write(height)
        write("\" role=\"img\" aria-labelledby=\"", className, "-title ", className)
        write("-desc\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"", className, "-title\">")
        write(HTMLEscaping.text(title))
        write("</title><desc id=\"", className, "-desc\">", HTMLEscaping.text(description), "</desc>")
    }

    /// The finished `<svg>` element.
    var finished: String {
        String(decoding: bytes, as: UTF8.self) + "</svg>"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, className: String, title: String? = nil) {
        write("<rect class=\"", className, "\" x=\"")
        write(x)
        write("\" y=\"")
        write(y)
        write("\" width=\"")
        write(max(width, 0))
        write("\" height=\"")
        write(max(height, 0))
        if let title {
            write("\"><title>", HTMLEscaping.text(title), "</title></rect>")
        } else {
            write("\"/>")
        }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) {
        write("<line class=\"", className, "\" x1=\"")
        write(x1)
        write("\" y1=\"")
        write(y1)
        write("\" x2=\"")
        write(x2)
        write("\" y2=\"")
        write(y2)
        write("\"/>")
    }

    mutating func circle(x: Double, y: Double, radius: Double, className: String, title: String? = nil) {
        write("<circle class=\"", className, "\" cx=\"")
        write(x)
        write("\" cy=\"")
        write(y)
        write("\" r=\"")
        write(radius)
        if let title {
            write("\"><title>", HTMLEscaping.text(title), "</title></circle>")
        } else {
            write("\"/>")
        }
    }

    /// Text at a point; `anchor` is `start`, `middle` or `end`.
    mutating func label(
        _ content: String, x: Double, y: Double, anchor: String = "start", className: String = "chart-label"
    ) {
        write("<text class=\"", className, "\" x=\"")
        write(x)
        write("\" y=\"")
        write(y)
        write("\" text-anchor=\"", anchor, "\">", HTMLEscaping.text(content), "</text>")
    }

    private mutating func write(_ piece: String) {
        bytes.append(contentsOf: piece.utf8)
    }

    private mutating func write(_ first: String, _ second: String, _ third: String) {
        write(first)
        write(second)
        write(third)
    }

    private mutating func write(_ first: String, _ second: String, _ third: String, _ fourth: String) {
        write(first, second, third)
        write(fourth)
    }

    private mutating func write(
        _ first: String, _ second: String, _ third: String, _ fourth: String, _ fifth: String
    ) {
        write(first, second, third, fourth)
        write(fifth)
    }

    private mutating func write(_ number: Double) {
        Self.append(number, to: &bytes)
    }

    /// `12`, `12.5`: one decimal at most.
    static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` rounded to a tenth, without a trailing `.0`.
    private static func append(_ value: Double, to bytes: inout [UInt8]) {
        let tenths = Int((value * 10).rounded())
        if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.appendDecimal(Int(tenths.magnitude / 10))
        let fraction = tenths.magnitude % 10
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction))
    }

    /// A rough width of `text` at the charts' label size, to decide whether a label fits.
    static func width(of text: String, size: Double = 12) -> Double { Double(text.count) * size * 0.55 }
}
