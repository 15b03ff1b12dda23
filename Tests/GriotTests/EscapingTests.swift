import CMark
import Foundation
import Testing

@testable import Griot

@Suite("Escaping values for HTML")
struct EscapingTests {
    static let pieces = [
        "a", "Z", "0", "-", "_", ".", "~", "&", "'", "\"", "é", "𝄞", " ", "%20", "#", "?", "=", "/", "`", "{", "|",
        "^", "[", "]", "\\", "$", "@", "!", "*", "(", ")", ",", ";", ":", "+",
    ]

    @Test("an address is escaped exactly as cmark escapes a link's destination", arguments: 0..<100)
    func addresses(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        let url = (0..<Int.random(in: 1...24, using: &generator)).map { _ in
            Self.pieces.randomElement(using: &generator)!
        }.joined().trimmingCharacters(in: .whitespaces)
        // Angle brackets (which cmark trims spaces inside) let the destination hold spaces; a backslash before them would escape them.
        let markdown = "[x](<\(url.replacingOccurrences(of: "\\", with: "\\\\"))>)"
        let rendered = try #require(cmark_markdown_to_html(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT))
        defer { free(rendered) }
        let html = String(cString: rendered)
        #expect(html == "<p><a href=\"\(HTMLEscaping.href(url))\">x</a></p>\n", "\(url)")
    }

    @Test("text keeps every character but the five HTML ones, which become entities", arguments: 0..<100)
    func text(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
            (Self.pieces + ["<", ">"]).randomElement(using: &generator)!
        }.joined()
        let escaped = HTMLEscaping.text(text)
        #expect(!escaped.contains(where: { "<>\"'".contains($0) }))
        let back = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        #expect(back == text)
    }
}

@Suite("Escaping values for JSON and appending escaped text")
struct EscapingAppendTests {
    @Test("text appended escaped is the escaped text, after what was there", arguments: 0..<100)
    func appendedText(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) + 500)
        let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
            (EscapingTests.pieces + ["<", ">", "A", "@", "\n"]).randomElement(using: &generator)!
        }.joined()
        var output = Array("before ".utf8)
        HTMLEscaping.append(text: text, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "before " + HTMLEscaping.text(text))
    }

    @Test("a JSON string reads back as the text it was written from", arguments: 0..<100)
    func jsonStrings(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) + 900)
        let pieces = EscapingTests.pieces + ["\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{7F}", "A", "\\\\"]
        let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
            pieces.randomElement(using: &generator)!
        }.joined()
        let json = JSONWriter.document { $0.array([text]) { $0.string($1) } }
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(parsed == [text], "\(text.debugDescription)")
    }
}
