/// Renders parsed templates: values looked up by name through ``TemplateObject``, escaped for
/// HTML unless written `{{{raw}}}`, partials indented as their standalone tag, blocks replaced
/// by the nearest parent's overrides.
struct TemplateRenderer: Sendable {
    let templates: [String: [TemplateNode]]

    /// The template `name` rendered with `root` as its context; empty if there is no such template.
    /// `shouldStop` is asked before each item of a list: once it answers true, the text ends there.
    func render(_ name: String, with root: TemplateValue, shouldStop: (@Sendable () -> Bool)? = nil) -> String {
        var output = TemplateOutput()
        output.shouldStop = shouldStop
        var stack = [root]
        render(templates[name] ?? [], stack: &stack, overrides: [:], into: &output)
        return output.text
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
        sink.takeLast(output.text)
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
                case .text(let text): output.writeValue(escaped ? HTMLEscaping.text(text) : text)
                case .number(let number): output.writeValue(String(number))
                case .flag(let flag): output.writeValue(flag ? "true" : "false")
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
            output.sink?.takeIfFull(&output.text)
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

/// The text being rendered, with the indentation of the partials it is inside.
struct TemplateOutput {
    var text = ""
    /// Asked before each item of a list; once it answers true, nothing more is written.
    var shouldStop: (@Sendable () -> Bool)?
    var isStopped = false
    /// Where the text goes as it grows; nil: it is kept whole.
    var sink: TextSink?
    /// Put before every line of template text (not inside values) while it is not empty.
    var indentation = ""
    private var atLineStart = true

    init() {
        text.reserveCapacity(16_384)
    }

    mutating func indent(by more: String) {
        guard !more.isEmpty else { return }
        indentation += more
        atLineStart = true
    }

    mutating func writeValue(_ value: String) {
        if atLineStart && !indentation.isEmpty {
            text += indentation
            atLineStart = false
        }
        text += value
    }

    mutating func writeTemplateText(_ template: String) {
        guard !indentation.isEmpty else {
            text += template
            return
        }
        var rest = template[...]
        while !rest.isEmpty {
            if atLineStart {
                text += indentation
                atLineStart = false
            }
            guard let newline = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) else {
                text += rest
                return
            }
            let next = rest.utf8.index(after: newline)
            text += rest[..<next]
            rest = rest[next...]
            atLineStart = true
        }
    }
}
