/// The plain text of a body by section, read back out of the HTML cmark rendered for it.
///
/// A site keeps every page's HTML; keeping its plain text as well (for the search index and the
/// snippets of search results) doubled the body's share of memory, about 290 MB at 100,000 pages.
/// The text is the HTML's, so it is read from it when asked: cmark writes every tag itself, escapes
/// `&`, `<`, `>` and `"` in text, and `MarkdownDocument` writes each heading as `<hN id="…">`.
///
/// `sections[0]` is the text before the first heading, `sections[i]` the text under the `i`-th
/// heading, without the heading's own text. A heading inside a list or a quote does not start a
/// section: its text stays part of its block, and its own section is empty. Blocks are separated by
/// a blank line, line breaks become spaces, code blocks keep theirs, and an image reads as its
/// alternative text.
enum SectionText {
    static func sections(of html: UnsafeBufferPointer<UInt8>, headings: Int) -> [String] {
        var reader = Reader(html: html, sections: headings + 1)
        reader.read()
        return reader.sections
    }

    /// Whether `bytes` begins with `literal`.
    private static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, startWith literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        return count <= bytes.count && (0..<count).allSatisfy { bytes[$0] == literal.utf8Start[$0] }
    }

    /// The tags that say where text goes, by name.
    private enum Tag {
        case heading, blockquote, ul, ol, p, li, hr, pre, br, img

        private static let names: [(StaticString, Tag)] = [
            ("p", .p), ("pre", .pre), ("li", .li), ("hr", .hr), ("br", .br), ("blockquote", .blockquote),
            ("ul", .ul), ("ol", .ol), ("img", .img),
        ]

        init?(_ name: UnsafeBufferPointer<UInt8>) {
            if name.count == 2, name[0] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(name[1])
            {
                self = .heading
                return
            }
            guard
                let (_, tag) = Self.names.first(where: {
                    $0.0.utf8CodeUnitCount == name.count && SectionText.bytes(name, startWith: $0.0)
                })
            else { return nil }
            self = tag
        }
    }

    private struct Reader {
        static let entities: [(StaticString, UInt8)] = [
            ("&amp;", UInt8(ascii: "&")), ("&lt;", UInt8(ascii: "<")), ("&gt;", UInt8(ascii: ">")),
            ("&quot;", UInt8(ascii: "\"")),
        ]
        let html: UnsafeBufferPointer<UInt8>
        var sections: [String]
        /// The text of the current section so far.
        var text: [UInt8] = []
        var current = 0
        /// What goes before the next character of text, if any follows: a blank line (a block
        /// began) or a space (a line ended).
        var separatorPending = false
        var spacePending = false
        /// How many lists and quotes hold the current point.
        var depth = 0
        var headingsSeen = 0
        /// Inside a heading that starts a section: its text is the heading's, not the section's.
        var inSectionHeading = false
        var inCodeBlock = false

        init(html: UnsafeBufferPointer<UInt8>, sections: Int) {
            self.html = html
            self.sections = [String](repeating: "", count: sections)
        }

        mutating func read() {
            let (open, ampersand, newline) = (UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\n"))
            var index = 0
            while index < html.count {
                let byte = html[index]
                if byte == open {
                    index = tag(at: index)
                } else if byte == ampersand {
                    index = entity(at: index)
                } else if byte == newline && !inCodeBlock {
                    spacePending = true
                    index += 1
                } else {
                    // A run of plain text, taken at once.
                    var end = index + 1
                    while end < html.count {
                        let next = html[end]
                        if next == open || next == ampersand || (next == newline && !inCodeBlock) { break }
                        end += 1
                    }
                    append(UnsafeBufferPointer(rebasing: html[index..<end]))
                    index = end
                }
            }
            finishSection()
        }

        private mutating func append(_ byte: UInt8) {
            withUnsafePointer(to: byte) { append(UnsafeBufferPointer(start: $0, count: 1)) }
        }

        private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard !inSectionHeading else { return }
            if !text.isEmpty {
                if separatorPending {
                    text.append(UInt8(ascii: "\n"))
                    text.append(UInt8(ascii: "\n"))
                } else if spacePending {
                    text.append(UInt8(ascii: " "))
                }
            }
            separatorPending = false
            spacePending = false
            text += bytes
        }

        private mutating func finishSection() {
            if current < sections.count { sections[current] = String(decoding: text, as: UTF8.self) }
            text.removeAll(keepingCapacity: true)
            separatorPending = false
            spacePending = false
        }

        /// Reads the tag or comment at `start`; returns the index after it.
        private mutating func tag(at start: Int) -> Int {
            if matches("<!--", at: start) {
                var index = start + 4
                while index < html.count, !matches("-->", at: index) { index += 1 }
                return min(index + 3, html.count)
            }
            var index = start + 1
            let closing = index < html.count && html[index] == UInt8(ascii: "/")
            if closing { index += 1 }
            let nameStart = index
            while index < html.count, isNameByte(html[index]) { index += 1 }
            let name = UnsafeBufferPointer(rebasing: html[nameStart..<index])
            var alt: Range<Int>? = nil
            // Attributes: `name="value"`; a value may hold `>` only if a writer forgot to escape it.
            while index < html.count, html[index] != UInt8(ascii: ">") {
                if html[index] == UInt8(ascii: "\"") {
                    let valueStart = index + 1
                    index = valueStart
                    while index < html.count, html[index] != UInt8(ascii: "\"") { index += 1 }
                    if valueStart >= 5, matches("alt=\"", at: valueStart - 5) { alt = valueStart..<index }
                }
                index += 1
            }
            handle(name, closing: closing, alt: alt)
            return min(index + 1, html.count)
        }

        private mutating func handle(_ name: UnsafeBufferPointer<UInt8>, closing: Bool, alt: Range<Int>?) {
            switch Tag(name) {
            case .heading:
                if closing {
                    inSectionHeading = false
                } else {
                    headingsSeen += 1
                    if depth == 0 {
                        finishSection()
                        current = headingsSeen
                        inSectionHeading = true
                    }
                }
                separatorPending = true
            case .blockquote, .ul, .ol:
                depth += closing ? -1 : 1
                separatorPending = true
            case .p, .li, .hr:
                separatorPending = true
            case .pre:
                inCodeBlock = !closing
                separatorPending = true
            case .br:
                spacePending = true
            case .img:
                guard let alt else { return }
                var index = alt.lowerBound
                while index < alt.upperBound {
                    if html[index] == UInt8(ascii: "&") {
                        index = entity(at: index, limit: alt.upperBound)
                    } else {
                        append(html[index])
                        index += 1
                    }
                }
            case nil:
                break
            }
        }

        /// Appends the character of the entity at `start` (cmark writes only these four); returns
        /// the index after it.
        private mutating func entity(at start: Int, limit: Int? = nil) -> Int {
            for (spelling, character) in Self.entities where matches(spelling, at: start, limit: limit) {
                append(character)
                return start + spelling.utf8CodeUnitCount
            }
            append(UInt8(ascii: "&"))
            return start + 1
        }

        /// Whether `literal` is written at `start`, ending by `limit`.
        private func matches(_ literal: StaticString, at start: Int, limit: Int? = nil) -> Bool {
            let end = limit ?? html.count
            return start <= end
                && SectionText.bytes(UnsafeBufferPointer(rebasing: html[start..<end]), startWith: literal)
        }

        private func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
    }
}
