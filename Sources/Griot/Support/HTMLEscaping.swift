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
            guard bytes.contains(where: needsEscaping) else { return text }
            return escaped(bytes)
        }
    }

    /// Appends `text` to `output`, escaped as `text(_:)` escapes it.
    static func append(text: String, to output: inout [UInt8]) {
        var bytesOf = text
        bytesOf.withUTF8 { bytes in
            guard bytes.contains(where: needsEscaping) else {
                output.append(contentsOf: bytes)
                return
            }
            appendEscaped(bytes, to: &output)
        }
    }

    private static func escaped(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 32)
        appendEscaped(bytes, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to result: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
            default: result.append(byte)
            }
        }
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
