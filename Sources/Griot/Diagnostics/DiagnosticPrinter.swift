/// Formats diagnostics the way the Swift compiler does:
/// `path:line:column: error[G401]: message`, then an indented hint.
public struct DiagnosticPrinter: Sendable {
    /// Whether to colour the output with ANSI escapes (only on a terminal).
    public var colored: Bool

    public init(colored: Bool = false) {
        self.colored = colored
    }

    /// The text of one diagnostic, ending in a newline.
    public func format(_ diagnostic: Diagnostic) -> String {
        let label = "\(diagnostic.severity.rawValue)[\(diagnostic.code.id)]"
        let severity =
            colored
            ? (diagnostic.severity == .error ? "\u{1B}[1;31m\(label):\u{1B}[0m" : "\u{1B}[1;35m\(label):\u{1B}[0m")
            : "\(label):"
        // Content reaches messages (values, paths, link targets): its control characters are shown, not sent.
        let visible = VisibleText.escapingControls
        let where_ = visible(diagnostic.place)
        let place = colored ? "\u{1B}[1m\(where_):\u{1B}[0m" : "\(where_):"
        var text = "\(place) \(severity) \(visible(diagnostic.message))\n"
        if let hint = diagnostic.hint {
            text += "    hint: \(visible(hint))\n"
        }
        return text
    }

    /// All diagnostics, sorted by file and position, and a closing count.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        var text = diagnostics.sorted().map(format).joined()
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if !diagnostics.isEmpty {
            text += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        }
        return text
    }
}
