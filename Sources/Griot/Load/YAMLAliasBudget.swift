import CYaml

/// Measures how large YAML becomes once its aliases (`*name`) are expanded, before anything
/// composes it: libyaml's event stream is read once, each anchor's expanded size remembered, and
/// the walk stops at the first alias that takes the document past the budget. Composing and
/// hashing a document that repeats a large value through nested aliases would otherwise take
/// time and memory exponential in its length.
struct YAMLAliasBudget {
    /// Bytes the expansion may add beyond the text itself: a scalar costs its length, every node
    /// 16 bytes more. Real front matter, aliases and all, stays far below.
    static let allowance = 2 * 1024 * 1024

    /// Where the document went over the budget: 1-based line and column in the YAML text.
    struct Exceeded: Error {
        var line: Int
        var column: Int
    }

    /// Checks `yaml`; syntax errors are left for the composer to report.
    static func check(_ yaml: String) throws(Exceeded) {
        // No `*`, no alias: nothing to measure.
        guard yaml.utf8.contains(UInt8(ascii: "*")) else { return }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        try bytes.withUnsafeMutableBufferPointer { (buffer) throws(Exceeded) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            try walk(&parser, budget: allowance + 2 * buffer.count)
        }
    }

    private static func walk(_ parser: inout yaml_parser_t, budget: Int) throws(Exceeded) {
        var sizes: [String: Int] = [:]
        // For each open collection: its anchor and the node count when it opened.
        var open: [(anchor: String?, start: Int)] = []
        var total = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_SCALAR_EVENT:
                let cost = nodeCost + event.data.scalar.length
                total += cost
                if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = cost }
            case YAML_SEQUENCE_START_EVENT:
                open.append((name(event.data.sequence_start.anchor), total))
                total += nodeCost
            case YAML_MAPPING_START_EVENT:
                open.append((name(event.data.mapping_start.anchor), total))
                total += nodeCost
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let collection = open.popLast(), let anchor = collection.anchor {
                    sizes[anchor] = total - collection.start
                }
            case YAML_ALIAS_EVENT:
                total += name(event.data.alias.anchor).flatMap { sizes[$0] } ?? nodeCost
            default:
                break
            }
            if total > budget {
                throw Exceeded(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            }
        }
    }

    private static let nodeCost = 16

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
