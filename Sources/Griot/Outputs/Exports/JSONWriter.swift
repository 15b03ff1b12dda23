/// Writes JSON text directly: at 10,000 pages the exports hold hundreds of thousands of values,
/// and Foundation's encoder took most of a rebuild to write them. Objects take their fields in
/// the order given (the exports give them sorted by key, so a site always gives the same bytes),
/// absent optionals are left out, and the text ends with a newline. A record a line: each field of
/// the top object and each element of its arrays starts a line (indented two spaces a level), and
/// everything inside a record stays on that line, so that a file reads, greps and diffs entry by
/// entry at about three quarters of the bytes an indent a level took.
struct JSONWriter {
    /// The UTF-8 text written so far (since the last piece handed to the sink).
    private(set) var bytes: [UInt8] = []
    private var depth = 0
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
        writer.bytes.reserveCapacity(min(sink.pieceSize, 1 << 16) + 4096)
        writer.sink = sink
        body(&writer)
        writer.bytes.append(UInt8(ascii: "\n"))
        sink.takeLast(writer.bytes)
    }

    /// The JSON text of one value written by `body`, on one line and without a newline.
    static func compact(_ body: (inout JSONWriter) -> Void) -> String {
        String(decoding: compactBytes(body), as: UTF8.self)
    }

    /// The UTF-8 of what `body` writes, JSON values on one line and without spaces, with any
    /// `verbatim` text between them (the search index's scripts: `griotSearch.page("…", {…});`).
    static func compactBytes(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        writer.compact = true
        body(&writer)
        return writer.bytes
    }

    /// Appends `text` as it is, between values: not JSON, what surrounds it.
    mutating func verbatim(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// An object whose fields `body` writes.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// An array of `items`, each written by `body`.
    mutating func array<Items: Sequence>(_ items: Items, _ body: (inout JSONWriter, Items.Element) -> Void) {
        open(UInt8(ascii: "["))
        for item in items {
            element()
            body(&self, item)
            sink?.takeIfFull(&bytes)
        }
        close(UInt8(ascii: "]"))
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs that need no escaping (nearly all text is one) are appended whole.
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [
                        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)],
                        hex[Int(byte & 15)],
                    ])
                }
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func number(_ value: Int) { bytes.appendDecimal(value) }

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
        bytes.append(UInt8(ascii: ":"))
        if !compact { bytes.append(UInt8(ascii: " ")) }
    }

    /// The deepest container whose elements start lines: the top object (1) and its arrays (2).
    private static let lineDepth = 2

    /// Starts an element of the container being written: a comma after the one before, then a
    /// new line, or inside a record a space.
    private mutating func element() {
        let isFirst = isEmpty
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
        if compact { return }
        if depth <= Self.lineDepth {
            newLine()
        } else if !isFirst {
            bytes.append(UInt8(ascii: " "))
        }
    }

    /// A line break and the current depth's indent, two spaces a level.
    private mutating func newLine() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(depth * 2) { bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        isEmpty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !isEmpty && !compact && depth < Self.lineDepth { newLine() }
        bytes.append(bracket)
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
