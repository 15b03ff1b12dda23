import CMark
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A page body, parsed and rendered once by libcmark: its HTML, plain text, headings and links.
///
/// A value: the cmark tree lives only inside `init`. Links to other content files (`france.md`)
/// are left as slots in the HTML, filled by the resolve stage once it knows each page's URL
/// (`resolvingLinks(_:)`); every other link is rendered by cmark as written.
public struct MarkdownDocument: Sendable, Hashable {
    /// The headings in document order.
    public let headings: [Heading]
    /// Links and images in document order.
    public let links: [Link]
    /// Paragraphs written as GitHub pipe tables, which CommonMark renders as plain text.
    public let pipeTables: [SourceLocation]
    /// Whether the body has any content besides white space.
    public let isEmpty: Bool
    /// The HTML with every slot's address left out: one string, not a piece between each two
    /// slots (a string's header and rounding cost as much as a short piece).
    private var text: String
    /// Where each slot's address goes in `text`, as UTF-8 offsets, in order.
    private var cuts: [Int32]
    /// For each slot, the index in `links` of the link whose destination goes there.
    private var slots: [Int]
    /// The resolved address of each link (nil: as written), once the resolve stage has them.
    /// The HTML is put together when asked for rather than stored again: a resolved copy of
    /// every page's HTML made beside the unresolved one left the old HTML as holes too small
    /// for anything else (a quarter of a gigabyte at 100,000 pages).
    private var destinations: [String?] = []

    /// cmark options for parsing: smart punctuation, and invalid UTF-8 replaced rather than kept.
    private static let parseOptions = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
    /// Rendering keeps cmark's default safe mode: raw HTML is omitted, unsafe links emptied.
    private static let renderOptions = CMARK_OPT_DEFAULT
    private static let inlineOpenings: Set<UInt8> = [UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "!")]

    /// Parses `text`, which starts on line `firstLine` of `file`.
    public init(_ text: some StringProtocol, file: String, firstLine: Int = 1) {
        var copy = Substring(text)
        self = copy.withUTF8 { Self.parse($0, file: file, lineOffset: firstLine - 1) }
    }

    private init(
        headings: [Heading], links: [Link], pipeTables: [SourceLocation], isEmpty: Bool,
        text: String, cuts: [Int32], slots: [Int], destinations: [String?] = []
    ) {
        self.headings = headings
        self.links = links
        self.pipeTables = pipeTables
        self.isEmpty = isEmpty
        self.text = text
        self.cuts = cuts
        self.slots = slots
        self.destinations = destinations
    }

    /// The body's text without markup, by section: `sections[0]` is the text before the first
    /// heading, `sections[i]` the text under `headings[i - 1]` (without the heading's own text);
    /// blocks are separated by blank lines. For search and snippets; read from the HTML each time
    /// (`SectionText`), not kept beside it.
    public var sections: [String] {
        var html = text
        let count = headings.count
        return html.withUTF8 { SectionText.sections(of: $0, headings: count) }
    }

    /// The body as HTML: each content-file link with its resolved address, or as written before
    /// the resolve stage (or where it found none).
    public var html: String {
        guard !cuts.isEmpty else { return text }
        let hrefs = slots.prefix(cuts.count).map { link in
            HTMLEscaping.href((link < destinations.count ? destinations[link] : nil) ?? links[link].destination)
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + hrefs.reduce(0) { $0 + $1.utf8.count })
        let utf8 = text.utf8
        var previous = utf8.startIndex
        for (cut, href) in zip(cuts, hrefs) {
            let next = utf8.index(utf8.startIndex, offsetBy: Int(cut))
            result += text[previous..<next]
            result += href
            previous = next
        }
        result += text[previous...]
        return result
    }

    /// The addresses the resolve stage gave the links (nil: as written): with the file, they
    /// decide the HTML.
    var resolvedAddresses: [String?] { destinations }

    /// This body with each content-file link's address: `destinations[i]` is the new address of
    /// `links[i]` (nil keeps the link as written).
    public func resolvingLinks(_ destinations: [String?]) -> MarkdownDocument {
        MarkdownDocument(
            headings: headings, links: links, pipeTables: pipeTables, isEmpty: isEmpty,
            text: text, cuts: cuts, slots: slots, destinations: destinations)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, lineOffset: Int) -> MarkdownDocument {
        let root = bytes.withMemoryRebound(to: CChar.self) {
            cmark_parse_document($0.baseAddress, $0.count, parseOptions)!
        }
        defer { cmark_node_free(root) }
        var lines = LineIndex(bytes)
        let marker = slotMarker(absentFrom: bytes)

        func location(of node: OpaquePointer, isInline: Bool) -> SourceLocation {
            var line = Int(cmark_node_get_start_line(node))
            var column = Int(cmark_node_get_start_column(node))
            // Inline nodes may lack positions; fall back to the enclosing block's.
            var current: OpaquePointer? = node
            while line == 0, let parent = current.flatMap({ cmark_node_parent($0) }) {
                line = Int(cmark_node_get_start_line(parent))
                column = Int(cmark_node_get_start_column(parent))
                current = parent
            }
            line = max(line, 1)
            // cmark counts columns in bytes and, for inlines on a paragraph's continuation lines,
            // ignores the indentation it stripped: move to the `[`, `<` or `!` that opens the link.
            column = lines.column(line: line, byteColumn: max(column, 1), movingTo: isInline ? inlineOpenings : nil)
            return SourceLocation(file: file, line: line + lineOffset, column: column)
        }

        var headings: [Heading] = []
        var headingNodes: [OpaquePointer] = []
        var links: [Link] = []
        var slotLinks: [Int] = []
        var usedIds: [String: Int] = [:]
        var pipeTables: [SourceLocation] = []
        var contexts = LinkContexts()
        walk(root) { node, entering in
            guard entering else { return }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                let text = inlineText(of: node)
                var id = Slug.make(from: text)
                if id.isEmpty { id = "section" }
                if let count = usedIds[id] {
                    usedIds[id] = count + 1
                    id += "-\(count)"
                } else {
                    usedIds[id] = 1
                }
                headings.append(
                    Heading(
                        level: Int(cmark_node_get_heading_level(node)), text: text, id: id,
                        location: location(of: node, isInline: false)))
                headingNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let link = Link(
                    kind: cmark_node_get_type(node) == CMARK_NODE_LINK ? .link : .image,
                    destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                    location: location(of: node, isInline: true))
                var written = link
                if case .contentFile = link.target {
                    cmark_node_set_url(node, "\(marker)\(slotLinks.count)")
                    slotLinks.append(links.count)
                    written.context = contexts.sentence(around: node)
                }
                links.append(written)
            case CMARK_NODE_PARAGRAPH:
                let line = Int(cmark_node_get_start_line(node))
                if line >= 1, line < lines.lineCount,
                    isPipeTable(header: lines.line(line), delimiter: lines.line(line + 1))
                {
                    pipeTables.append(location(of: node, isInline: false))
                }
            default:
                break
            }
        }
        // Headings are replaced after the walk: changing the tree under an iterator is unsafe.
        for (node, heading) in zip(headingNodes, headings) {
            wrap(node, as: heading)
        }
        let isEmpty = cmark_node_first_child(root) == nil
        var html = ""
        if let rendered = cmark_render_html(root, renderOptions) {
            html = String(cString: rendered)
            free(rendered)
        }
        let (text, cuts) = slotLinks.isEmpty ? (html, []) : cut(html, at: marker, slots: slotLinks.count)
        return MarkdownDocument(
            headings: headings, links: links, pipeTables: pipeTables, isEmpty: isEmpty,
            text: text, cuts: cuts, slots: slotLinks)
    }

    /// A prefix for slot addresses that the text itself never contains, so no author's link can
    /// be mistaken for a slot: `griot-slot-0:`, or with a higher number when that one occurs.
    private static func slotMarker(absentFrom bytes: UnsafeBufferPointer<UInt8>) -> String {
        var nonce = 0
        while true {
            let marker = "griot-slot-\(nonce):"
            if ByteSearch.firstIndex(of: Array(marker.utf8), in: bytes) == nil { return marker }
            nonce += 1
        }
    }

    /// Takes the slot addresses `<marker>0`, `<marker>1`, … out of rendered HTML, in order: the
    /// HTML without them, and where each was.
    private static func cut(_ html: String, at marker: String, slots: Int) -> (String, [Int32]) {
        var html = html
        return html.withUTF8 { bytes in
            var text: [UInt8] = []
            text.reserveCapacity(bytes.count)
            var cuts: [Int32] = []
            cuts.reserveCapacity(slots)
            var start = 0
            for slot in 0..<slots {
                let address = Array("\(marker)\(slot)".utf8)
                guard let found = ByteSearch.firstIndex(of: address, in: bytes, from: start) else { break }
                text += UnsafeBufferPointer(rebasing: bytes[start..<found])
                cuts.append(Int32(text.count))
                start = found + address.count
            }
            text += UnsafeBufferPointer(rebasing: bytes[start...])
            return (String(decoding: text, as: UTF8.self), cuts)
        }
    }

    /// Replaces a heading node by a custom block that prints `<hN id="…">…</hN>` around its children.
    private static func wrap(_ node: OpaquePointer, as heading: Heading) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        // The id comes from `Slug.make`: only [a-z0-9-], so it needs no escaping.
        cmark_node_set_on_enter(block, "<h\(heading.level) id=\"\(heading.id)\">")
        cmark_node_set_on_exit(block, "</h\(heading.level)>")
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        cmark_node_replace(node, block)
        cmark_node_free(node)
    }

    private static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer, Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, event == CMARK_EVENT_ENTER)
        }
    }

    /// Whether two lines open a GitHub pipe table: `| a | b |` then `|---|---|`.
    static func isPipeTable(header: UnsafeBufferPointer<UInt8>, delimiter: UnsafeBufferPointer<UInt8>) -> Bool {
        let bar = UInt8(ascii: "|")
        let dash = UInt8(ascii: "-")
        let colon = UInt8(ascii: ":")
        let space = UInt8(ascii: " ")
        let tab = UInt8(ascii: "\t")
        guard header.contains(bar), delimiter.contains(bar), delimiter.contains(dash) else { return false }
        return delimiter.allSatisfy { $0 == bar || $0 == dash || $0 == colon || $0 == space || $0 == tab }
    }

    /// The text of an inline run (a paragraph, a heading, a link), line breaks as spaces.
    static func inlineText(of node: OpaquePointer) -> String {
        var text = ""
        walk(node) { child, entering in
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if entering, let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text.exactSize
    }
}

/// Finds the sentence a link stands in, reading each block's text once and searching it from where
/// the block's previous link was found, so a paragraph of many links is read in one pass. Works on
/// UTF-8 bytes: sentence ends are ASCII, and the reach is counted in Unicode scalars.
private struct LinkContexts {
    private var blocks: [OpaquePointer: (text: [UInt8], cursor: Int)] = [:]
    /// How far to look on each side of the link for the sentence's ends.
    private static let reach = 160

    mutating func sentence(around link: OpaquePointer) -> String? {
        var block = cmark_node_parent(link)
        while let node = block {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { break }
            block = cmark_node_parent(node)
        }
        guard let block else { return nil }
        if blocks[block] == nil { blocks[block] = (Array(MarkdownDocument.inlineText(of: block).utf8), 0) }
        let (text, cursor) = blocks[block]!
        let label = Array(MarkdownDocument.inlineText(of: link).utf8)
        guard let found = text.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: label, in: $0, from: cursor) })
        else { return nil }
        blocks[block]!.cursor = found + label.count
        return Self.sentence(in: text, around: found..<(found + label.count))
    }

    /// The sentence of `text` holding `range`: from after the previous ". ", "! " or "? " to the
    /// next end, at most `reach` scalars on each side (an ellipsis marks a side cut short).
    static func sentence(in text: [UInt8], around range: Range<Int>) -> String {
        func isEnd(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
        }
        func isContinuation(_ index: Int) -> Bool { index < text.count && text[index] & 0xC0 == 0x80 }
        let space = UInt8(ascii: " ")
        var start = range.lowerBound
        var steps = 0
        while start > 0, steps < reach {
            var before = start - 1
            while before > 0, isContinuation(before) { before -= 1 }
            if text[before] == space, before > 0, isEnd(text[before - 1]) { break }
            start = before
            steps += 1
        }
        let openedShort = start > 0 && steps >= reach
        var end = range.upperBound
        steps = 0
        while end < text.count, steps < reach {
            var next = end + 1
            while isContinuation(next) { next += 1 }
            if isEnd(text[end]), next == text.count || text[next] == space {
                end = next
                break
            }
            end = next
            steps += 1
        }
        let closedShort = end < text.count && steps >= reach
        var sentence = String(decoding: text[start..<end], as: UTF8.self)
        if let first = sentence.utf8.first, let last = sentence.utf8.last,
            first == space || first == 9 || first >= 0x80 || last == space || last == 9 || last >= 0x80
        {
            sentence = sentence.trimmingCharacters(in: .whitespaces)
        }
        return (openedShort ? "…" : "") + sentence + (closedShort ? "…" : "")
    }
}
