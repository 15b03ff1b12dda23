import Foundation

/// A small HTML5 parser for tests: enough to find elements by tag, id, class and attribute in
/// Griot's output and read their text, so tests assert on structure rather than whole pages.
final class HTMLElement {
    let tag: String
    let attributes: [String: String]
    var children: [HTMLNode] = []
    weak var parent: HTMLElement?

    init(tag: String, attributes: [String: String]) {
        self.tag = tag
        self.attributes = attributes
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

    /// The text content, with runs of white space folded to one space.
    var text: String {
        var raw = ""
        func collect(_ element: HTMLElement) {
            for child in element.children {
                switch child {
                case .text(let text): raw += text
                case .element(let element): collect(element)
                }
            }
        }
        collect(self)
        return raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    var elements: [HTMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// All descendants matching a simple selector chain: `section#by-name tbody tr`, `a.brand`,
    /// `time[datetime]`, `li[class=nested]`.
    func select(_ selector: String) -> [HTMLElement] {
        var current = [self]
        for part in selector.split(separator: " ") {
            let matcher = SimpleSelector(String(part))
            var seen = Set<ObjectIdentifier>()
            current = current.flatMap { $0.descendants.filter(matcher.matches) }
                .filter { seen.insert(ObjectIdentifier($0)).inserted }
        }
        return current
    }

    func first(_ selector: String) -> HTMLElement? { select(selector).first }

    var descendants: [HTMLElement] {
        elements.flatMap { [$0] + $0.descendants }
    }
}

enum HTMLNode {
    case text(String)
    case element(HTMLElement)
}

struct SimpleSelector {
    var tag: String?
    var id: String?
    var classes: [String] = []
    var attributes: [(String, String?)] = []

    init(_ text: String) {
        var rest = Substring(text)
        func take(until stops: Set<Character>) -> String {
            let end = rest.firstIndex(where: stops.contains) ?? rest.endIndex
            defer { rest = rest[end...] }
            return String(rest[..<end])
        }
        let stops: Set<Character> = ["#", ".", "["]
        let tag = take(until: stops)
        self.tag = tag.isEmpty ? nil : tag
        while let first = rest.first {
            rest = rest.dropFirst()
            switch first {
            case "#": id = take(until: stops)
            case ".": classes.append(take(until: stops))
            case "[":
                let inside = take(until: ["]"])
                rest = rest.dropFirst()
                let pair = inside.split(separator: "=", maxSplits: 1).map(String.init)
                attributes.append((pair[0], pair.count > 1 ? pair[1].trimmingCharacters(in: ["\"", "'"]) : nil))
            default: break
            }
        }
    }

    func matches(_ element: HTMLElement) -> Bool {
        if let tag, tag != element.tag { return false }
        if let id, element["id"] != id { return false }
        if !classes.allSatisfy(element.classes.contains) { return false }
        return attributes.allSatisfy { name, value in
            guard let actual = element[name] else { return false }
            return value == nil || value == actual
        }
    }
}

enum HTML {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// Parses a document; the returned root holds the `html` element.
    static func parse(_ source: String) -> HTMLElement {
        let root = HTMLElement(tag: "#document", attributes: [:])
        var stack = [root]
        var index = source.startIndex
        func appendText(_ text: Substring) {
            guard !text.isEmpty else { return }
            stack.last!.children.append(.text(decodeEntities(String(text))))
        }
        while index < source.endIndex {
            guard let open = source[index...].firstIndex(of: "<") else {
                appendText(source[index...])
                break
            }
            appendText(source[index..<open])
            if source[open...].hasPrefix("<!--") {
                index = source[open...].range(of: "-->")?.upperBound ?? source.endIndex
                continue
            }
            guard let close = source[open...].firstIndex(of: ">") else { break }
            let inside = source[source.index(after: open)..<close]
            index = source.index(after: close)
            if inside.hasPrefix("!") { continue }
            if inside.hasPrefix("/") {
                let name = inside.dropFirst().trimmingCharacters(in: .whitespaces).lowercased()
                if let position = stack.lastIndex(where: { $0.tag == name }), position > 0 {
                    stack.removeSubrange(position...)
                }
                continue
            }
            let (name, attributes) = parseTag(inside)
            let element = HTMLElement(tag: name, attributes: attributes)
            element.parent = stack.last
            stack.last!.children.append(.element(element))
            if !voidElements.contains(name) && !inside.hasSuffix("/") { stack.append(element) }
        }
        return root
    }

    private static func parseTag(_ inside: Substring) -> (String, [String: String]) {
        var rest = inside.hasSuffix("/") ? inside.dropLast() : inside
        let nameEnd = rest.firstIndex(where: { $0 == " " || $0 == "\n" }) ?? rest.endIndex
        let name = rest[..<nameEnd].lowercased()
        rest = rest[nameEnd...]
        var attributes: [String: String] = [:]
        while true {
            rest = rest.drop(while: { $0 == " " || $0 == "\n" })
            guard !rest.isEmpty else { break }
            let keyEnd = rest.firstIndex(where: { $0 == "=" || $0 == " " || $0 == "\n" }) ?? rest.endIndex
            let key = rest[..<keyEnd].lowercased()
            rest = rest[keyEnd...]
            if rest.first == "=" {
                rest = rest.dropFirst()
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    rest = rest.dropFirst()
                    let end = rest.firstIndex(of: quote) ?? rest.endIndex
                    attributes[key] = decodeEntities(String(rest[..<end]))
                    rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[end...]
                } else {
                    let end = rest.firstIndex(where: { $0 == " " || $0 == "\n" }) ?? rest.endIndex
                    attributes[key] = decodeEntities(String(rest[..<end]))
                    rest = rest[end...]
                }
            } else {
                attributes[key] = ""
            }
        }
        return (name, attributes)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
