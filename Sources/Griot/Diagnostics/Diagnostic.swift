/// A problem found in the site's input, with the place it was found.
///
/// Every stage collects diagnostics instead of stopping at the first one, so an editor sees all
/// problems in one run.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    /// How serious a diagnostic is: errors fail the build, warnings do not.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    /// What kind of problem it is, stable across releases (`G401`).
    public var code: DiagnosticCode
    /// The file's path relative to the site folder (for example `content/countries/france.md`).
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    /// 1-based column (in Unicode scalars), when the problem has one.
    public var column: Int?
    public var message: String
    /// A suggestion on how to fix the problem.
    public var hint: String?

    /// A diagnostic as serious as its code says.
    public init(
        _ code: DiagnosticCode, file: String, line: Int? = nil, column: Int? = nil, message: String,
        hint: String? = nil
    ) {
        self.severity = code.severity
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public init(_ code: DiagnosticCode, at location: SourceLocation, message: String, hint: String? = nil) {
        self.init(
            code, file: location.file, line: location.line, column: location.column, message: message,
            hint: hint)
    }

    /// `path:line:column` (or as much of it as is known).
    public var place: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

extension Diagnostic: Comparable {
    /// Sorted by file, then line, then column, then message: the order a reader walks the files.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0, lhs.message)
            < (rhs.file, rhs.line ?? 0, rhs.column ?? 0, rhs.message)
    }
}

/// A place in a source file.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Collects diagnostics while a stage runs.
struct DiagnosticBag: Sendable {
    private(set) var all: [Diagnostic] = []

    var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Records a problem of kind `code` at `location`.
    mutating func report(_ code: DiagnosticCode, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(Diagnostic(code, at: location, message: message, hint: hint))
    }

    mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }
}
