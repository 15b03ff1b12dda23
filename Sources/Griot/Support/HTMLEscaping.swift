import Mustache

/// Escaping for values written into HTML and XML outside the templates.
enum HTMLEscaping {
    /// A URL for an `href` or `src` attribute, escaped exactly as cmark escapes the links it renders:
    /// `&` and `'` as entities, bytes outside the URL-safe set percent-encoded, `%` kept.
    static func href(_ url: String) -> String {
        var result = ""
        result.reserveCapacity(url.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;"
            case UInt8(ascii: "'"): result += "&#x27;"
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where "-_.+!*(),%#@?=;:/$~".utf8.contains(byte):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%"
                result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        return result
    }

    /// Text for element content or a quoted attribute: `& < > " '` as entities. Text without any
    /// of them, most text, is returned as it is without a copy.
    static func text(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: needsEscaping) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}

/// The templates' escaping: the same five characters as swift-mustache's HTML content type,
/// escaped in one pass over the bytes instead of a dictionary lookup per character.
struct GriotHTMLContentType: MustacheContentType {
    static let name = "GRIOT_HTML"
    /// Put on a line of its own before every template, so that its escaping uses this type; a
    /// standalone tag's line leaves no trace in the output.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    static let registered: Void = MustacheContentTypes.register(GriotHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String {
        HTMLEscaping.text(text)
    }
}
