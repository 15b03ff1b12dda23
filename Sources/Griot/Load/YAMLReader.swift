import Foundation

/// Where a YAML text sits in its file, to turn YAML marks into file positions.
struct YAMLOrigin: Sendable {
    var file: String
    /// The file line on which the YAML text starts.
    var firstLine: Int

    func location(_ node: YAMLNode) -> SourceLocation {
        location(node.mark)
    }

    func location(_ mark: YAMLMark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: firstLine, column: 1) }
        return SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column)
    }

    /// Composes the YAML into a node tree, or a diagnostic at the syntax error.
    func compose(_ yaml: String) -> Result<YAMLNode?, Diagnostic> {
        do throws(YAMLComposer.Failure) {
            return .success(try YAMLComposer.compose(yaml))
        } catch {
            return .failure(diagnostic(for: error, in: yaml))
        }
    }

    private func diagnostic(for failure: YAMLComposer.Failure, in yaml: String) -> Diagnostic {
        switch failure {
        case .tooLarge(let mark):
            return Diagnostic(
                .yamlTooLarge, at: location(mark),
                message:
                    "the YAML grows past \(YAMLComposer.aliasAllowance / 1_048_576) MB once its aliases (*name) are expanded",
                hint: "write the values out instead of repeating them through '&anchor' and '*alias'")
        case .duplicateKey(let key, let mark):
            return Diagnostic(
                .duplicateKey, at: location(mark), message: "invalid YAML: the key '\(key)' appears twice",
                hint: "keep one '\(key):' line and remove the other")
        case .undefinedAlias(let name, let mark):
            return Diagnostic(
                .undefinedAlias, at: location(mark),
                message: "invalid YAML: '*\(name)' names no '&\(name)' anchor before it",
                hint: "define the anchor ('key: &\(name) value') before the alias uses it")
        case .severalDocuments(let mark):
            return Diagnostic(
                .severalDocuments, at: location(mark), message: "invalid YAML: a second document begins here",
                hint:
                    "front matter and site.yml hold one YAML document each: remove the '---' line that starts a second")
        case .syntax(let problem, let mark):
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let lineText =
                mark.flatMap { $0.line >= 1 && $0.line <= lines.count ? String(lines[$0.line - 1]) : nil } ?? ""
            let hint: String
            if problem.contains("tab") || lineText.contains("\t") || yaml.contains("\n\t") {
                hint = "YAML does not allow tabs for indentation: indent with spaces"
            } else if problem.contains("mapping values are not allowed") {
                hint = "a value containing ': ' must be quoted: title: \"Mali: a history\""
            } else {
                hint = "check the indentation and quoting on this line and the one before"
            }
            return Diagnostic(.invalidYAML, at: location(mark), message: "invalid YAML: \(problem)", hint: hint)
        }
    }
}

/// A YAML mapping read field by field, each problem becoming a diagnostic at its node.
struct YAMLMapping {
    let origin: YAMLOrigin
    let node: YAMLNode
    private let entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)]

    /// Wraps `node`, or reports that it is not a mapping.
    init?(_ node: YAMLNode, origin: YAMLOrigin, what: String, diagnostics: inout DiagnosticBag) {
        guard let mapping = node.mapping else {
            diagnostics.report(
                .notAMapping,
                origin.location(node), "\(what) must be a set of 'key: value' fields",
                hint: "write one field per line, such as 'title: France'")
            return nil
        }
        self.origin = origin
        self.node = node
        self.entries = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    /// Warns about keys outside `allowed`, suggesting the nearest known key.
    func checkKeys(_ allowed: [String], in what: String, diagnostics: inout DiagnosticBag) {
        for entry in entries where !allowed.contains(entry.key) {
            let suggestion = nearest(entry.key, in: allowed)
            diagnostics.report(
                .unknownKey,
                origin.location(entry.keyNode), "unknown key '\(entry.key)' in \(what)",
                hint: suggestion.map { "did you mean '\($0)'?" }
                    ?? "known keys: \(allowed.joined(separator: ", "))")
        }
    }

    /// The value of `key`, treating YAML null (`~`, `null`, nothing) as absent.
    func value(_ key: String) -> YAMLNode? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// Location of a key's value, or of the mapping when the key is missing.
    func location(_ key: String) -> SourceLocation {
        origin.location(value(key) ?? node)
    }

    func string(_ key: String, required: Bool = false, diagnostics: inout DiagnosticBag) -> String? {
        guard let value = value(key) else {
            if required {
                diagnostics.report(
                    .missingField,
                    origin.location(node), "missing required field '\(key)'", hint: "add a line '\(key): …'")
            }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            diagnostics.report(
                .wrongType,
                origin.location(value), "'\(key)' must be text, not a \(Self.shape(of: value))",
                hint: "write it on one line after the colon, quoted if it contains ': '")
            return nil
        }
        let text = scalar.string.trimmingWhitespace
        if text.isEmpty {
            if required {
                diagnostics.report(
                    .emptyValue, origin.location(value), "'\(key)' is empty", hint: "give '\(key)' a value")
            }
            return nil
        }
        return text
    }

    /// The EDTF date in `key`, or an error pointing at the offending character.
    func date(_ key: String, required: Bool = false, diagnostics: inout DiagnosticBag) -> EDTFDate? {
        guard let text = string(key, required: required, diagnostics: &diagnostics) else { return nil }
        do {
            return try EDTFDate(parsing: text)
        } catch {
            diagnostics.error(dateError: error, key: key, in: self)
            return nil
        }
    }

    /// Where the character `offset` Unicode scalars into the (trimmed) text of `key` stands.
    func location(_ key: String, offset: Int) -> SourceLocation {
        guard let value = value(key), case .scalar(let scalar) = value else { return location(key) }
        var location = origin.location(value)
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        let leading = scalar.string.unicodeScalars.prefix { $0.properties.isWhitespace }.count
        location.column += (quoted ? 1 : 0) + leading + offset
        return location
    }

    func bool(_ key: String, diagnostics: inout DiagnosticBag) -> Bool? {
        guard let value = value(key) else { return nil }
        if case .scalar = value, let flag = value.bool { return flag }
        diagnostics.report(
            .wrongType, origin.location(value), "'\(key)' must be true or false", hint: "write '\(key): true'")
        return nil
    }

    /// The items of a sequence field; a missing field is an empty list.
    func list(_ key: String, diagnostics: inout DiagnosticBag) -> [YAMLNode] {
        guard let value = value(key) else { return [] }
        guard let sequence = value.sequence else {
            diagnostics.report(
                .wrongType,
                origin.location(value), "'\(key)' must be a list",
                hint: "write '\(key): [a, b]' or one '- item' per line")
            return []
        }
        return sequence
    }

    /// A list of text items with their locations.
    func stringList(_ key: String, diagnostics: inout DiagnosticBag) -> [(String, SourceLocation)] {
        list(key, diagnostics: &diagnostics).compactMap { item in
            guard case .scalar(let scalar) = item, !scalar.string.isEmpty else {
                diagnostics.report(
                    .wrongType, origin.location(item), "each item of '\(key)' must be a single word or slug")
                return nil
            }
            return (scalar.string, origin.location(item))
        }
    }

    static func shape(of node: YAMLNode) -> String {
        switch node {
        case .mapping: "set of fields"
        case .sequence: "list"
        default: "value"
        }
    }
}

/// The candidate closest to `word` by edit distance, if close enough to be a likely typo.
func nearest(_ word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
    return best.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

extension DiagnosticBag {
    /// Reports an invalid date of `key` at the character the parser stopped at.
    mutating func error(dateError problem: EDTFParseError, key: String, in mapping: YAMLMapping) {
        let field = problem.field == .until ? "until" : key
        report(
            problem.kind == .endBeforeStart ? .endBeforeStart : .invalidDate,
            mapping.location(field, offset: problem.offset), "'\(field)': '\(problem.text)' — \(problem.reason)",
            hint: problem.hint)
    }
}
