import CYaml

/// A position in YAML text: 1-based line and column (in characters).
struct YAMLMark: Sendable, Hashable {
    var line: Int
    var column: Int
}

/// A scalar as written: its text, how it was quoted, and where it starts.
struct YAMLScalar: Sendable {
    enum Style: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    var string: String
    var style: Style
    var mark: YAMLMark
}

/// A composed YAML node: aliases are already replaced by what they name.
indirect enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case mapping([(key: YAMLNode, value: YAMLNode)], YAMLMark)
    case sequence([YAMLNode], YAMLMark)

    var mark: YAMLMark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(_, let mark), .sequence(_, let mark): mark
        }
    }

    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self { scalar } else { nil }
    }

    var string: String? { scalar?.string }

    var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs, _) = self { pairs } else { nil }
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items, _) = self { items } else { nil }
    }

    /// A plain `~`, `null`, `Null`, `NULL` or nothing at all: YAML's null.
    var isNull: Bool {
        guard let scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A plain YAML 1.1 boolean: `true`, `yes`, `on` and their opposites, in any of their three cases.
    var bool: Bool? {
        guard let scalar, scalar.style == .plain else { return nil }
        switch scalar.string {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }
}

/// Composes YAML text into ``YAMLNode``s in one pass over libyaml's events: aliases resolved,
/// duplicate keys refused, and the size aliases expand to bounded as it goes, so a document
/// that repeats a large value through nested aliases stops at the alias that goes too far.
enum YAMLComposer {
    /// Bytes aliases may add beyond the text itself: a scalar costs its length, every node 16
    /// bytes more. Real front matter, aliases and all, stays far below.
    static let aliasAllowance = 2 * 1024 * 1024

    enum Failure: Error {
        /// libyaml's own message ("while parsing a block mapping: did not find expected key").
        case syntax(String, YAMLMark?)
        case duplicateKey(String, YAMLMark)
        case undefinedAlias(String, YAMLMark)
        case tooLarge(YAMLMark)
        case severalDocuments(YAMLMark)
    }

    /// The single document in `yaml`, or nil when there is none.
    static func compose(_ yaml: String) throws(Failure) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw .syntax("out of memory", nil) }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        return try bytes.withUnsafeMutableBufferPointer { (buffer) throws(Failure) -> YAMLNode? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var state = State(budget: aliasAllowance + 2 * buffer.count)
            return try state.run(&parser)
        }
    }

    private struct Collection {
        var isMapping: Bool
        var anchor: String?
        var mark: YAMLMark
        var items: [YAMLNode] = []
        var keys: Set<String> = []
        /// The expanded size when it opened, to price its anchor.
        var start: Int
    }

    private struct State {
        let budget: Int
        var anchors: [String: (node: YAMLNode, size: Int)] = [:]
        var open: [Collection] = []
        var total = 0
        var root: YAMLNode?
        var documents = 0

        init(budget: Int) {
            self.budget = budget
        }

        mutating func run(_ parser: inout yaml_parser_t) throws(Failure) -> YAMLNode? {
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { throw YAMLComposer.failure(of: parser) }
                defer { yaml_event_delete(&event) }
                let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return root
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 { throw .severalDocuments(mark) }
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let string = String(
                        decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    let node = YAMLNode.scalar(YAMLScalar(string: string, style: Self.style(scalar.style), mark: mark))
                    let cost = YAMLComposer.nodeCost + scalar.length
                    total += cost
                    if let anchor = YAMLComposer.name(scalar.anchor) { anchors[anchor] = (node, cost) }
                    try add(node)
                case YAML_ALIAS_EVENT:
                    let name = YAMLComposer.name(event.data.alias.anchor) ?? ""
                    guard let anchored = anchors[name] else { throw .undefinedAlias(name, mark) }
                    total += anchored.size
                    if total > budget { throw .tooLarge(mark) }  // before the copy is added anywhere
                    try add(anchored.node)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                    open.append(
                        Collection(isMapping: isMapping, anchor: YAMLComposer.name(anchor), mark: mark, start: total))
                    total += YAMLComposer.nodeCost
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let collection = open.popLast() else { continue }
                    let node: YAMLNode
                    if collection.isMapping {
                        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                        pairs.reserveCapacity(collection.items.count / 2)
                        var index = 0
                        while index + 1 < collection.items.count {
                            pairs.append((collection.items[index], collection.items[index + 1]))
                            index += 2
                        }
                        node = .mapping(pairs, collection.mark)
                    } else {
                        node = .sequence(collection.items, collection.mark)
                    }
                    if let anchor = collection.anchor { anchors[anchor] = (node, total - collection.start) }
                    try add(node)
                default:
                    break
                }
                if total > budget { throw .tooLarge(mark) }
            }
        }

        /// Puts a finished node into the collection being built, checking mapping keys.
        private mutating func add(_ node: YAMLNode) throws(Failure) {
            guard !open.isEmpty else {
                root = node
                return
            }
            let last = open.count - 1
            if open[last].isMapping && open[last].items.count % 2 == 0, let key = node.string {
                guard open[last].keys.insert(key).inserted else { throw .duplicateKey(key, node.mark) }
            }
            open[last].items.append(node)
        }

        private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        }
    }

    private static let nodeCost = 16

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    /// libyaml's message: "context: problem", at the problem's mark.
    private static func failure(of parser: yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "the YAML cannot be read"
        let context = parser.context.map { String(cString: $0) } ?? ""
        let text = [context, problem].filter { !$0.isEmpty }.joined(separator: ": ")
        guard parser.error != YAML_READER_ERROR else { return .syntax(text, nil) }
        return .syntax(
            text, YAMLMark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1))
    }
}
