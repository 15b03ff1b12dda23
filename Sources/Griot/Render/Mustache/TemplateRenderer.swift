/// Renders parsed templates: values looked up by name through ``TemplateObject``, escaped for
/// HTML unless written `{{{raw}}}`, partials indented as their standalone tag, blocks replaced
/// by the nearest parent's overrides.
struct TemplateRenderer: Sendable {
    let templates: [String: [TemplateNode]]

    /// The template `name` rendered with `root` as its context; empty if there is no such template.
    /// `shouldStop` is asked before each item of a list: once it answers true, the text ends there.
    func render(_ name: String, with root: TemplateValue, shouldStop: (@Sendable () -> Bool)? = nil) -> String {
        String(decoding: bytes(name, with: root, shouldStop: shouldStop), as: UTF8.self)
    }

    /// The template `name` rendered with `root` as its context, as UTF-8.
    func bytes(_ name: String, with root: TemplateValue, shouldStop: (@Sendable () -> Bool)? = nil) -> [UInt8] {
        var output = TemplateOutput()
        output.shouldStop = shouldStop
        var stack = [root]
        render(templates[name] ?? [], stack: &stack, overrides: [:], into: &output)
        return output.bytes
    }

    /// The template `name` rendered with `root` as its context, handed to `sink` a piece at a
    /// time (after the item of a list that filled a piece).
    func render(
        _ name: String, with root: TemplateValue, shouldStop: (@Sendable () -> Bool)? = nil, into sink: TextSink
    ) {
        var output = TemplateOutput()
        output.shouldStop = shouldStop
        output.sink = sink
        var stack = [root]
        render(templates[name] ?? [], stack: &stack, overrides: [:], into: &output)
        sink.takeLast(output.bytes)
    }

    private func render(
        _ nodes: [TemplateNode], stack: inout [TemplateValue], overrides: [String: [TemplateNode]],
        into output: inout TemplateOutput
    ) {
        for node in nodes where !output.isStopped {
            switch node {
            case .text(let text):
                output.writeTemplateText(text)
            case .variable(let path, let escaped):
                switch Self.lookup(path, in: stack) {
                case .text(let text): output.writeValue(text, escaped: escaped)
                case .number(let number): output.writeNumber(number)
                case .flag(let flag): output.writeValue(flag ? "true" : "false", escaped: false)
                case .missing, .object, .list, .lazyList: break
                }
            case .section(let path, let inverted, let children):
                let value = Self.lookup(path, in: stack)
                if inverted {
                    if !value.isTruthy { render(children, stack: &stack, overrides: overrides, into: &output) }
                    continue
                }
                switch value {
                case .missing, .flag(false):
                    break
                case .flag(true):
                    render(children, stack: &stack, overrides: overrides, into: &output)
                case .list(let items):
                    renderItems(
                        items.count, { items[$0] }, children, stack: &stack, overrides: overrides, into: &output)
                case .lazyList(let count, let item):
                    renderItems(count, item, children, stack: &stack, overrides: overrides, into: &output)
                case .text, .number, .object:
                    stack.append(value)
                    render(children, stack: &stack, overrides: overrides, into: &output)
                    stack.removeLast()
                }
            case .partial(let name, let indentation):
                guard let partial = templates[name] else { continue }
                let outer = output.indentation
                output.indent(by: indentation)
                render(partial, stack: &stack, overrides: overrides, into: &output)
                output.indentation = outer
            case .block(let name, let children):
                render(overrides[name] ?? children, stack: &stack, overrides: overrides, into: &output)
            case .parent(let name, let blocks):
                guard let parent = templates[name] else { continue }
                // An override from further out wins over the parent tag's own.
                let merged = overrides.merging(blocks) { outer, _ in outer }
                render(parent, stack: &stack, overrides: merged, into: &output)
            }
        }
    }

    /// Renders `children` once for each of `count` items, made by `item`; the text goes to the
    /// sink after an item that filled a piece.
    private func renderItems(
        _ count: Int, _ item: (Int) -> TemplateValue, _ children: [TemplateNode], stack: inout [TemplateValue],
        overrides: [String: [TemplateNode]], into output: inout TemplateOutput
    ) {
        for index in 0..<count {
            if let shouldStop = output.shouldStop, shouldStop() {
                output.isStopped = true
                return
            }
            stack.append(item(index))
            render(children, stack: &stack, overrides: overrides, into: &output)
            stack.removeLast()
            output.sink?.takeIfFull(&output.bytes)
        }
    }

    /// Finds the first part of `path` in the innermost context that has it, then the rest inside it.
    private static func lookup(_ path: [String], in stack: [TemplateValue]) -> TemplateValue {
        guard let first = path.first else { return .missing }
        var value = TemplateValue.missing
        if first == "." {
            value = stack.last ?? .missing
        } else {
            for index in stack.indices.reversed() {
                guard case .object(let object) = stack[index] else { continue }
                value = object.value(named: first)
                if case .missing = value { continue }
                break
            }
        }
        for name in path.dropFirst() {
            guard case .object(let object) = value else { return .missing }
            value = object.value(named: name)
        }
        return value
    }
}

/// The text being rendered, as UTF-8, with the indentation of the partials it is inside.
struct TemplateOutput {
    var bytes: [UInt8] = []
    /// Asked before each item of a list; once it answers true, nothing more is written.
    var shouldStop: (@Sendable () -> Bool)?
    var isStopped = false
    /// Where the text goes as it grows; nil: it is kept whole.
    var sink: TextSink?
    /// Put before every line of template text (not inside values) while it is not empty.
    var indentation = ""
    private var atLineStart = true

    init() {
        bytes.reserveCapacity(16_384)
    }

    mutating func indent(by more: String) {
        guard !more.isEmpty else { return }
        indentation += more
        atLineStart = true
    }

    /// Writes a value, escaped for HTML when `escaped`.
    mutating func writeValue(_ value: String, escaped: Bool) {
        startValue()
        if escaped {
            HTMLEscaping.append(text: value, to: &bytes)
        } else {
            bytes.append(contentsOf: value.utf8)
        }
    }

    /// Writes a number in decimal.
    mutating func writeNumber(_ number: Int) {
        startValue()
        bytes.appendDecimal(number)
    }

    /// Indents a value that begins a line (its own lines are not indented).
    private mutating func startValue() {
        if atLineStart && !indentation.isEmpty {
            bytes.append(contentsOf: indentation.utf8)
            atLineStart = false
        }
    }

    mutating func writeTemplateText(_ template: String) {
        guard !indentation.isEmpty else {
            bytes.append(contentsOf: template.utf8)
            return
        }
        var rest = template.utf8[...]
        while !rest.isEmpty {
            if atLineStart {
                bytes.append(contentsOf: indentation.utf8)
                atLineStart = false
            }
            guard let newline = rest.firstIndex(of: UInt8(ascii: "\n")) else {
                bytes.append(contentsOf: rest)
                return
            }
            let next = rest.index(after: newline)
            bytes.append(contentsOf: rest[..<next])
            rest = rest[next...]
            atLineStart = true
        }
    }
}
