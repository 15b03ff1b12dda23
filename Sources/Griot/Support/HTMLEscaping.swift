/// Escaping for values written into HTML and XML.
public enum HTMLEscaping {
    /// A URL for an `href` or `src` attribute, escaped exactly as cmark escapes the links it renders:
    /// `&` and `'` as entities, bytes outside the URL-safe set percent-encoded, `%` kept.
    static func href(_ url: String) -> String {
        var bytesOf = url
        return bytesOf.withUTF8 { bytes in
            // Most addresses need nothing escaped: they are returned as they are.
            guard bytes.contains(where: { !isURLSafe[Int($0)] }) else { return url }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            let hex = Array("0123456789ABCDEF".utf8)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "'"): result.append(contentsOf: "&#x27;".utf8)
                case _ where isURLSafe[Int(byte)]: result.append(byte)
                default: result.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The bytes an address keeps as they are: letters, digits and `-_.+!*(),%#@?=;:/$~`.
    private static let isURLSafe: [Bool] = (0...255).map { byte in
        let byte = UInt8(byte)
        return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
    }

    /// Text for element content or a quoted attribute: `& < > " '` as entities. Text without any
    /// of them, most text, is returned as it is without a copy.
    public static func text(_ text: String) -> String {
        var bytesOf = text
        return bytesOf.withUTF8 { bytes in
            guard let first = firstSpecial(in: bytes, from: 0) else { return text }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 32)
            appendEscaped(bytes, firstSpecial: first, to: &result)
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Appends `text` to `output`, escaped as `text(_:)` escapes it.
    static func append(text: String, to output: inout [UInt8]) {
        var bytesOf = text
        bytesOf.withUTF8 { appendEscaped($0, firstSpecial: firstSpecial(in: $0, from: 0), to: &output) }
    }

    /// Appends `bytes`, escaped: the runs between the five characters whole, each of them as its
    /// entity. `first` is where the first of them is, already found (nil: none).
    private static func appendEscaped(
        _ bytes: UnsafeBufferPointer<UInt8>, firstSpecial first: Int?, to result: inout [UInt8]
    ) {
        var start = 0
        var next = first
        while let index = next {
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            switch bytes[index] {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
            default: result.append(contentsOf: "&#39;".utf8)
            }
            start = index + 1
            next = firstSpecial(in: bytes, from: start)
        }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// The position of the first of `& < > " '` at or after `start`. All five are below `@`
    /// (0x40): a byte below it is one of them when its bit in `specials` is set.
    private static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x40, specials >> UInt64(byte) & 1 != 0 { return index }
            index += 1
        }
        return nil
    }

    /// Bits 0x22 `"`, 0x26 `&`, 0x27 `'`, 0x3C `<` and 0x3E `>`.
    private static let specials: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
}
