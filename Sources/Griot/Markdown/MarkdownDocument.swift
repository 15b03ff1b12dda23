import Foundation
import CMark

/// A page body parsed by libcmark, with the headings and links found in its tree.
///
/// The tree is owned by this object and freed with it. Rendering rewrites link destinations and
/// wraps headings in place, so a document renders once; each document is used by one thread at a
/// time, which is what makes the unchecked `Sendable` sound.
public final class MarkdownDocument: @unchecked Sendable {
    private let root: OpaquePointer
    /// The headings in document order.
    public let headings: [Heading]
    /// Links and images in document order.
    public let links: [Link]
    /// Paragraphs written as GitHub pipe tables, which CommonMark renders as plain text.
    public let pipeTables: [SourceLocation]
    private var rendered = false

    /// cmark options for parsing: smart punctuation, and invalid UTF-8 replaced rather than kept.
    private static let parseOptions = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
    /// Rendering keeps cmark's default safe mode: raw HTML is omitted, unsafe links emptied.
    private static let renderOptions = CMARK_OPT_DEFAULT

    /// Parses `text`, which starts on line `firstLine` of `file`.
    public init(_ text: String, file: String, firstLine: Int = 1) {
        var text = text
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, Self.parseOptions)
            }
        }
        var headings: [Heading] = []
        var links: [Link] = []
        var usedIds: [String: Int] = [:]
        var pipeTables: [SourceLocation] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        Self.walk(root) { node, entering in
            guard entering else { return }
            let offset = firstLine - 1
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                let text = Self.plainText(of: node)
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
                        location: Self.location(of: node, file: file, lineOffset: offset, lines: lines)))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                links.append(
                    Link(
                        kind: cmark_node_get_type(node) == CMARK_NODE_LINK ? .link : .image,
                        destination: destination,
                        location: Self.location(of: node, file: file, lineOffset: offset, lines: lines, isInline: true))
                )
            case CMARK_NODE_PARAGRAPH:
                let line = Int(cmark_node_get_start_line(node))
                if line >= 1, line < lines.count, Self.isPipeTable(header: lines[line - 1], delimiter: lines[line]) {
                    pipeTables.append(Self.location(of: node, file: file, lineOffset: offset, lines: lines))
                }
            default:
                break
            }
        }
        self.headings = headings
        self.links = links
        self.pipeTables = pipeTables
    }

    deinit {
        cmark_node_free(root)
    }

    /// Whether the body has any content besides white space.
    public var isEmpty: Bool { cmark_node_first_child(root) == nil }

    /// Renders the body to HTML: heading ids added, each link or image destination replaced by
    /// `rewrite(link)` when it returns a value.
    public func renderHTML(rewrite: (Link) -> String?) -> String {
        precondition(!rendered, "a MarkdownDocument renders once")
        rendered = true
        var headingIndex = 0
        var linkIndex = 0
        var headingNodes: [OpaquePointer] = []
        Self.walk(root) { node, entering in
            guard entering else { return }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let replacement = rewrite(links[linkIndex]) {
                    cmark_node_set_url(node, replacement)
                }
                linkIndex += 1
            default:
                break
            }
        }
        // Headings are replaced after the walk: changing the tree under an iterator is unsafe.
        for node in headingNodes {
            let heading = headings[headingIndex]
            headingIndex += 1
            wrap(node, as: heading)
        }
        guard let html = cmark_render_html(root, Self.renderOptions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Replaces a heading node by a custom block that prints `<hN id="…">…</hN>` around its children.
    private func wrap(_ node: OpaquePointer, as heading: Heading) {
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
    static func isPipeTable(header: Substring, delimiter: Substring) -> Bool {
        let head = header.trimmingCharacters(in: .whitespaces)
        let rule = delimiter.trimmingCharacters(in: .whitespaces)
        guard head.contains("|"), rule.contains("|"), rule.contains("-") else { return false }
        return rule.allSatisfy { "|-: ".contains($0) }
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        walk(node) { child, entering in
            guard entering else { return }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    /// The node's position in the file, with the column counted in Unicode scalars.
    ///
    /// cmark counts columns in bytes, and for inlines on a paragraph's continuation lines it
    /// ignores the indentation it stripped; an inline's column is therefore moved to the `[`, `<`
    /// or `!` that opens it at or after cmark's column.
    private static func location(
        of node: OpaquePointer, file: String, lineOffset: Int, lines: [Substring], isInline: Bool = false
    ) -> SourceLocation {
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
        column = max(column, 1)
        if line <= lines.count {
            let bytes = Array(lines[line - 1].utf8)
            var offset = min(column - 1, bytes.count)
            if isInline,
                let opening = bytes[offset...].firstIndex(where: {
                    $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "!")
                })
            {
                offset = opening
            }
            column = String(decoding: bytes[..<offset], as: UTF8.self).unicodeScalars.count + 1
        }
        return SourceLocation(file: file, line: line + lineOffset, column: column)
    }
}
