/// An old address of a page, kept working after a rename: `aliases: ["/countries/ivory-coast/"]`
/// makes a small page there that sends readers and search engines to the page.
public struct Alias: Sendable, Hashable {
    /// The site path, without the leading `/`: `countries/ivory-coast/` or `old/page.html`.
    public var path: String
    public var location: SourceLocation

    /// The output file: `countries/ivory-coast/index.html`, or the path itself when it names an
    /// `.html` file.
    public var file: String { path.hasSuffix(".html") ? path : path + "index.html" }

    /// Reads an alias as written, or says why it cannot be one.
    static func parse(_ text: String) -> Result<String, AliasError> {
        guard text.hasPrefix("/"), !text.hasPrefix("//") else { return .failure(.notSitePath) }
        var path = String(text.dropFirst())
        if path.contains("?") || path.contains("#") { return .failure(.hasQuery) }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.dropLast().contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
            || segments.contains(where: { $0 == "." || $0 == ".." || $0.hasPrefix(".") })
        {
            return .failure(.badSegment)
        }
        if path.isEmpty { return .failure(.isRoot) }
        if !path.hasSuffix("/") && !path.hasSuffix(".html") { path += "/" }
        return .success(path)
    }

    enum AliasError: Error {
        case notSitePath, hasQuery, badSegment, isRoot

        var message: String {
            switch self {
            case .notSitePath: "an alias is an address on this site, starting with a single '/'"
            case .hasQuery: "an alias cannot hold '?' or '#'"
            case .badSegment: "an alias cannot hold empty, '.', '..' or hidden parts"
            case .isRoot: "an alias cannot be the home page's address"
            }
        }
    }
}
