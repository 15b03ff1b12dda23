import CMark
import Foundation

/// The text of a body by section read off cmark's tree, block by block: what the text read back
/// from the HTML (`SectionText`) must equal.
enum CMarkSectionText {
    static func sections(of markdown: String) -> [String] {
        let root = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8)!
        defer { cmark_node_free(root) }
        var headings: [OpaquePointer] = []
        walk(root) { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_HEADING { headings.append(node) }
        }
        var sections = [String](repeating: "", count: headings.count + 1)
        var current = 0
        var child = cmark_node_first_child(root)
        while let block = child {
            if cmark_node_get_type(block) == CMARK_NODE_HEADING, let index = headings.firstIndex(of: block) {
                current = index + 1
            } else {
                let text = plainText(of: block)
                if !text.isEmpty {
                    if !sections[current].isEmpty { sections[current] += "\n\n" }
                    sections[current] += text
                }
            }
            child = cmark_node_next(block)
        }
        return sections
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        walk(node) { child, entering in
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if entering, let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_CODE_BLOCK:
                if entering, let literal = cmark_node_get_literal(child) {
                    if !text.isEmpty { text += "\n\n" }
                    text += String(cString: literal)
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if entering, !text.isEmpty, child != node { text += "\n\n" }
            default:
                break
            }
        }
        return text
    }

    private static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer, Bool) -> Void) {
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            visit(cmark_iter_get_node(iterator)!, event == CMARK_EVENT_ENTER)
        }
    }
}
