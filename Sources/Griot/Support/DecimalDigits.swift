extension [UInt8] {
    /// Appends `value` in decimal, as UTF-8: `-12`, `0`. For text built as bytes (the exports'
    /// JSON, the charts' SVG, rendered templates), where `String(value)` would make a string for
    /// each number.
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        }
    }
}
