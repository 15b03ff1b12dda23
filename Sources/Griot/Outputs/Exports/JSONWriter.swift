/// Writes JSON text directly: at 10,000 pages the exports hold hundreds of thousands of values,
/// and Foundation's encoder took most of a rebuild to write them. Objects take their fields in
/// the order given (the exports give them sorted by key, so a site always gives the same bytes),
/// absent optionals are left out, indents are two spaces, and the text ends with a newline.
struct JSONWriter {
    private(set) var text = ""
    private var depth = 0
    private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }
    /// Whether the container being written has no element yet.
    private var isEmpty = true
    /// Written on one line, without spaces: for files only programs read (the search index).
    private var compact = false
    /// Where the text goes as it grows, between the elements of arrays; nil: it is kept whole.
    private var sink: TextSink?

    /// The JSON text of one value written by `body`.
    static func document(_ body: (inout JSONWriter) -> Void) -> String {
        TextSink.collecting { document(into: $0, body) }
    }

    /// The JSON text of one value written by `body`, handed to `sink` a piece at a time.
    static func document(into sink: TextSink, _ body: (inout JSONWriter) -> Void) {
        var writer = JSONWriter()
        writer.sink = sink
        body(&writer)
        writer.text.append("\n")
        sink.takeLast(writer.text)
    }

    /// The JSON text of one value written by `body`, on one line and without a newline.
    static func compact(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        writer.compact = true
        body(&writer)
        return writer.text
    }

    /// An object whose fields `body` writes.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open("{")
        body(&self)
        close("}")
    }

    /// An array of `items`, each written by `body`.
    mutating func array<Items: Sequence>(_ items: Items, _ body: (inout JSONWriter, Items.Element) -> Void) {
        open("[")
        for item in items {
            element()
            body(&self, item)
            sink?.takeIfFull(&text)
        }
        close("]")
    }

    mutating func string(_ value: String) {
        text += "\""
        // Nearly all text needs no escaping: it is appended whole, found so in one pass over its bytes.
        var copy = value
        let plain = copy.withUTF8 { bytes in
            !bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        if plain {
            text += copy
            text += "\""
            return
        }
        // Runs that need no escaping are appended whole.
        let utf8 = value.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                text += value[start..<index]
                switch byte {
                case UInt8(ascii: "\""): text += "\\\""
                case UInt8(ascii: "\\"): text += "\\\\"
                case UInt8(ascii: "\n"): text += "\\n"
                case UInt8(ascii: "\r"): text += "\\r"
                case UInt8(ascii: "\t"): text += "\\t"
                default:
                    let hex = String(byte, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        text += value[start...]
        text += "\""
    }

    mutating func number(_ value: Int) { text += String(value) }

    /// A field holding a string; nothing when `value` is nil.
    mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    mutating func field(_ key: String, _ value: Int?) {
        guard let value else { return }
        self.key(key)
        number(value)
    }

    /// A field whose value `body` writes.
    mutating func field(_ key: String, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        body(&self)
    }

    private mutating func key(_ key: String) {
        element()
        string(key)
        text += compact ? ":" : ": "
    }

    /// Starts an element of the container being written: a comma after the one before, a new line.
    private mutating func element() {
        if compact {
            if !isEmpty { text += "," }
            isEmpty = false
            return
        }
        text += isEmpty ? "\n" : ",\n"
        isEmpty = false
        text += indent
    }

    private var indent: String {
        depth < Self.indents.count ? Self.indents[depth] : String(repeating: "  ", count: depth)
    }

    private mutating func open(_ bracket: String) {
        text += bracket
        depth += 1
        isEmpty = true
    }

    private mutating func close(_ bracket: String) {
        depth -= 1
        if !isEmpty && !compact { text += "\n" + indent }
        text += bracket
        isEmpty = false
    }
}

extension EDTFExport {
    /// `{"edtf": …, "lower": …, "upper": …}`, bounds left out when open or unknown.
    func write(to json: inout JSONWriter) {
        json.object {
            $0.field("edtf", edtf)
            $0.field("lower", lower)
            $0.field("upper", upper)
        }
    }
}
