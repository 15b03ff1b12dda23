/// Diagnostics as GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`), so a
/// publishing pipeline annotates the lines of a pull request with no other tool.
public struct GitHubAnnotations: Sendable {
    /// Put before each file's path: the site's folder relative to the repository root, or empty.
    public var folder: String

    public init(folder: String = "") {
        var trimmed = folder
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        if trimmed == "." { trimmed = "" }
        self.folder = trimmed.isEmpty || trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }

    /// One line per diagnostic.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted().map(format).joined()
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        var properties = ["file=" + Self.property(folder + diagnostic.file)]
        if let line = diagnostic.line { properties.append("line=\(line)") }
        if let column = diagnostic.column { properties.append("col=\(column)") }
        properties.append("title=" + Self.property(diagnostic.code.description))
        var message = VisibleText.escapingControls(diagnostic.message)
        if let hint = diagnostic.hint { message += "\nhint: " + VisibleText.escapingControls(hint) }
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(Self.data(message))\n"
    }

    /// A command's message: `%`, carriage returns and line feeds encoded, as the runner decodes them.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property's value: also `:` and `,`, which separate properties.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
