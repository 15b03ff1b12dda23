import Testing

@testable import Griot

/// A body's text by section, for search and its snippets, is read back from the body's HTML rather
/// than kept beside it: it must be the text cmark's tree holds, section by section.
@Suite("Section text")
struct SectionTextTests {
    @Test("the text read from the HTML is the text of cmark's tree, section by section", arguments: 0..<200)
    func matchesTheTree(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) + 11_000)
        let markdown = RandomMarkdown.document(using: &generator)
        let document = MarkdownDocument(markdown, file: "content/countries/x.md")
        #expect(document.sections == CMarkSectionText.sections(of: markdown), "\(markdown)")
    }

    @Test("a heading in a quote or a list stays in its block's text; its own section is empty")
    func nestedHeading() {
        let document = MarkdownDocument("Intro.\n\n> ## Inside\n>\n> Quoted.\n\n## Top\n\nUnder.\n", file: "x.md")
        #expect(document.headings.map(\.text) == ["Inside", "Top"])
        #expect(document.sections == ["Intro.\n\nInside\n\nQuoted.", "", "Under."])
    }

    @Test("escaped characters, images and line breaks read as text; raw HTML and addresses do not")
    func inlineText() {
        let document = MarkdownDocument(
            "Fish & chips <b>bold</b> \"said\"  \nnext ![a <map> & key](m.png) [France](france.md#top).\n",
            file: "x.md")
        #expect(document.sections == ["Fish & chips bold “said” next a <map> & key France."])
    }
}

/// Markdown made of the blocks and inlines a page body uses, nested at random.
enum RandomMarkdown {
    static func document(using generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...7, using: &generator)).map { _ in block(depth: 0, using: &generator) }
            .joined(separator: "\n\n") + "\n"
    }

    static func block(depth: Int, using generator: inout SeededGenerator) -> String {
        switch Int.random(in: 0...(depth < 2 ? 8 : 5), using: &generator) {
        case 0, 1: return paragraph(using: &generator)
        case 2:
            return String(repeating: "#", count: Int.random(in: 1...4, using: &generator)) + " "
                + inline(using: &generator)
        case 3:
            return "```\n"
                + ["x < y && z", "  indented \"code\"", "", "end"].shuffled(using: &generator).joined(separator: "\n")
                + "\n```"
        case 4:
            return ["---", "<div>\nraw & <b>html</b>\n</div>", "<!-- a comment -->"].randomElement(using: &generator)!
        case 5: return "    indented code & <tag>"
        case 6:
            let inner = block(depth: depth + 1, using: &generator)
            return inner.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(
                separator: "\n")
        default:
            let marker = Bool.random(using: &generator) ? "- " : "1. "
            let loose = Bool.random(using: &generator)
            return (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                let inner = block(depth: depth + 1, using: &generator)
                let indent = String(repeating: " ", count: marker.count)
                return marker
                    + inner.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
                        $0.offset == 0 || $0.element.isEmpty ? String($0.element) : indent + $0.element
                    }.joined(separator: "\n")
            }.joined(separator: loose ? "\n\n" : "\n")
        }
    }

    static func paragraph(using generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 1...3, using: &generator)).map { _ in inline(using: &generator) }
            .joined(separator: ["\n", "  \n", "\\\n"].randomElement(using: &generator)!)
    }

    static func inline(using generator: inout SeededGenerator) -> String {
        let pieces = [
            "Mali", "Bamako's", "\"quoted\"", "fish & chips", "a < b > c", "*emphasis*", "**strong**", "`code & <x>`",
            "[France](france.md)", "[the treaty](../topics/treaty.md#terms)", "[site](https://example.org/?a=1&b=2)",
            "![a map & key](map.png \"title\")", "<span>raw</span>", "&copy; 1960", "&amp;", "1960--1968",
            "Côte d’Ivoire",
            "[*linked* text](x.md)",
        ]
        return (0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            .joined(separator: " ")
    }
}
