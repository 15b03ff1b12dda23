/// One piece of a parsed Mustache template.
indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw); the name split at dots, `["."]`
    /// for the current value.
    case variable([String], escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section([String], inverted: Bool, [TemplateNode])
    /// `{{> name}}`, with the indentation of a standalone tag.
    case partial(String, indentation: String)
    /// `{{$name}}default{{/name}}`: a block a child template may replace.
    case block(String, [TemplateNode])
    /// `{{< name}}{{$block}}…{{/block}}{{/name}}`: renders `name` with these blocks replaced.
    case parent(String, overrides: [String: [TemplateNode]])
}

/// Why a template could not be parsed, and where (1-based line and column).
struct TemplateSyntaxError: Error, Sendable, Equatable {
    var line: Int
    var column: Int
    var reason: String
}

/// A template another one includes, with where it is named: `{{> name}}` or `{{< name}}`.
struct TemplateReference: Sendable, Equatable {
    var name: String
    var line: Int
    var column: Int
}

/// Parses the Mustache language (the specification's interpolation, sections, inverted
/// sections, comments, partials, set delimiters and inheritance; no lambdas) into nodes.
/// Standalone tags, alone on their line, take the line with them, as the specification says.
struct TemplateParser {
    private let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The 1-based line and column (in characters) of a byte; only for messages and references.
    private func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// The nodes of the template, and every template it names.
    func parse() throws(TemplateSyntaxError) -> (nodes: [TemplateNode], references: [TemplateReference]) {
        let tokens = try standalone(tokenize())
        var references: [TemplateReference] = []
        var position = 0
        let nodes = try build(tokens, from: &position, closing: nil, references: &references)
        return (nodes, references)
    }

    // MARK: Tokens

    private enum Sigil {
        case variable, raw, section, inverted, close, partial, comment, delimiters, block, parent
    }

    private struct Tag {
        var sigil: Sigil
        var name: String
        /// Bytes of the whole tag, delimiters included.
        var start: Int
        var end: Int
        /// Where the name begins, for messages.
        var nameOffset: Int
        /// The whitespace before a standalone tag, which a partial indents its lines by.
        var indentation = ""
    }

    private enum Token {
        case text(Range<Int>)
        case tag(Tag)
    }

    private func error(at offset: Int, _ reason: String) -> TemplateSyntaxError {
        let (line, column) = position(of: offset)
        return TemplateSyntaxError(line: line, column: column, reason: reason)
    }

    private func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
        offset + pattern.count <= bytes.count && bytes[offset..<offset + pattern.count].elementsEqual(pattern)
    }

    private func find(_ pattern: [UInt8], from offset: Int) -> Int? {
        var index = offset
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0] && matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private func tokenize() throws(TemplateSyntaxError) -> [Token] {
        var tokens: [Token] = []
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var offset = 0
        while offset < bytes.count {
            guard let start = find(open, from: offset) else {
                tokens.append(.text(offset..<bytes.count))
                break
            }
            if start > offset { tokens.append(.text(offset..<start)) }
            var cursor = start + open.count
            var sigil = Sigil.variable
            var closing = close
            if cursor < bytes.count {
                switch bytes[cursor] {
                case UInt8(ascii: "#"): sigil = .section
                case UInt8(ascii: "^"): sigil = .inverted
                case UInt8(ascii: "/"): sigil = .close
                case UInt8(ascii: ">"): sigil = .partial
                case UInt8(ascii: "!"), UInt8(ascii: "%"): sigil = .comment
                case UInt8(ascii: "="): sigil = .delimiters
                case UInt8(ascii: "$"): sigil = .block
                case UInt8(ascii: "<"): sigil = .parent
                case UInt8(ascii: "&"): sigil = .raw
                case UInt8(ascii: "{") where open == Array("{{".utf8):
                    sigil = .raw
                    closing = Array("}".utf8) + close
                default: break
                }
                if sigil != .variable { cursor += 1 }
            }
            if sigil == .comment {
                guard let end = find(close, from: cursor) else {
                    throw error(
                        at: start, "a comment is not finished (missing '\(String(decoding: close, as: UTF8.self))'?)")
                }
                tokens.append(
                    .tag(Tag(sigil: .comment, name: "", start: start, end: end + close.count, nameOffset: cursor)))
                offset = end + close.count
                continue
            }
            if sigil == .delimiters {
                let ending = Array("=".utf8) + close
                guard let end = find(ending, from: cursor) else {
                    throw error(at: start, "a set-delimiter tag is malformed")
                }
                let parts = String(decoding: bytes[cursor..<end], as: UTF8.self)
                    .split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw error(at: start, "a set-delimiter tag is malformed")
                }
                tokens.append(
                    .tag(Tag(sigil: .delimiters, name: "", start: start, end: end + ending.count, nameOffset: cursor)))
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
                offset = end + ending.count
                continue
            }
            while cursor < bytes.count && Self.isSpace(bytes[cursor]) { cursor += 1 }
            let nameOffset = cursor
            while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "\n"),
                !matches(closing, at: cursor), bytes[cursor] != closing[0]
            {
                cursor += 1
            }
            let name = String(decoding: bytes[nameOffset..<cursor], as: UTF8.self)
            while cursor < bytes.count && Self.isSpace(bytes[cursor]) { cursor += 1 }
            guard matches(closing, at: cursor) else {
                throw error(
                    at: cursor, "a tag is not finished (missing '\(String(decoding: closing, as: UTF8.self))'?)")
            }
            guard !name.isEmpty else { throw error(at: nameOffset, "a tag has no name") }
            tokens.append(
                .tag(Tag(sigil: sigil, name: name, start: start, end: cursor + closing.count, nameOffset: nameOffset)))
            offset = cursor + closing.count
        }
        return tokens
    }

    /// Removes the lines of standalone tags: a section, inverted section, closing, partial,
    /// comment, set-delimiter, block or parent tag with only spaces or tabs around it on its line.
    private func standalone(_ tokens: [Token]) -> [Token] {
        var tokens = tokens
        for index in tokens.indices {
            guard case .tag(var tag) = tokens[index], tag.sigil != .variable, tag.sigil != .raw else { continue }
            var lineStart = tag.start
            while lineStart > 0 && Self.isSpace(bytes[lineStart - 1]) { lineStart -= 1 }
            guard lineStart == 0 || bytes[lineStart - 1] == UInt8(ascii: "\n") else { continue }
            var lineEnd = tag.end
            while lineEnd < bytes.count && Self.isSpace(bytes[lineEnd]) { lineEnd += 1 }
            if lineEnd < bytes.count && bytes[lineEnd] == UInt8(ascii: "\r") { lineEnd += 1 }
            if lineEnd < bytes.count {
                guard bytes[lineEnd] == UInt8(ascii: "\n") else { continue }
                lineEnd += 1
            }
            // The line holds only this tag: trim the text on either side of it to the line's bounds.
            if index > 0, case .text(let before) = tokens[index - 1], before.upperBound == tag.start {
                tokens[index - 1] = .text(before.lowerBound..<max(before.lowerBound, lineStart))
            }
            if index + 1 < tokens.count, case .text(let after) = tokens[index + 1], after.lowerBound == tag.end {
                tokens[index + 1] = .text(min(lineEnd, after.upperBound)..<after.upperBound)
            }
            tag.indentation = String(decoding: bytes[lineStart..<tag.start], as: UTF8.self)
            tokens[index] = .tag(tag)
        }
        return tokens
    }

    // MARK: Tree

    private func build(
        _ tokens: [Token], from position: inout Int, closing opener: Tag?, references: inout [TemplateReference]
    ) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            guard case .tag(let tag) = token else {
                if case .text(let range) = token, !range.isEmpty {
                    nodes.append(.text(String(decoding: bytes[range], as: UTF8.self)))
                }
                continue
            }
            switch tag.sigil {
            case .comment, .delimiters:
                continue
            case .variable, .raw:
                nodes.append(.variable(Self.path(tag.name), escaped: tag.sigil == .variable))
            case .partial:
                references.append(reference(tag))
                nodes.append(.partial(tag.name, indentation: tag.indentation))
            case .section, .inverted:
                let children = try build(tokens, from: &position, closing: tag, references: &references)
                nodes.append(.section(Self.path(tag.name), inverted: tag.sigil == .inverted, children))
            case .block:
                nodes.append(
                    .block(tag.name, try build(tokens, from: &position, closing: tag, references: &references)))
            case .parent:
                references.append(reference(tag))
                let children = try build(tokens, from: &position, closing: tag, references: &references)
                var overrides: [String: [TemplateNode]] = [:]
                for case .block(let name, let content) in children { overrides[name] = content }
                nodes.append(.parent(tag.name, overrides: overrides))
            case .close:
                guard let opener else {
                    throw error(at: tag.nameOffset, "a closing tag '\(tag.name)' has no section to close")
                }
                guard opener.name == tag.name else {
                    throw error(at: tag.nameOffset, "a closing tag does not match the section it closes")
                }
                return nodes
            }
        }
        if let opener {
            throw error(at: opener.nameOffset, "a section is never closed")
        }
        return nodes
    }

    private func reference(_ tag: Tag) -> TemplateReference {
        let (line, column) = position(of: tag.start)
        return TemplateReference(name: tag.name, line: line, column: column)
    }

    private static func path(_ name: String) -> [String] {
        name == "." ? ["."] : name.split(separator: ".").map(String.init)
    }
}
