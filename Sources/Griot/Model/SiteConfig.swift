/// Site-wide settings from `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var subject: String
    public var description: String
    /// The address the site is published at; links are made relative to its path.
    public var baseURL: String {
        didSet { (basePath, absoluteRoot) = Self.parts(of: baseURL) }
    }
    public var language: String
    /// The path part of `base_url`, always ending in `/`: `https://x.org/mali` → `/mali/`.
    public private(set) var basePath: String
    /// `base_url` without a trailing slash when it is absolute (for the sitemap), else nil.
    public private(set) var absoluteRoot: String?

    public init(
        title: String, subject: String = "", description: String = "", baseURL: String = "/", language: String = "en"
    ) {
        self.title = title
        self.subject = subject
        self.description = description
        self.baseURL = baseURL
        self.language = language
        (basePath, absoluteRoot) = Self.parts(of: baseURL)
    }

    /// Why `value` cannot be a base URL, or nil when it can: an absolute `http(s)://host/path/` or a
    /// path from the root (`/`, `/mali/`). Anything else (`//host/`, `javascript:`, `mali/`)
    /// would make pages load their stylesheet from elsewhere, or from nowhere.
    public static func problem(withBaseURL value: String) -> String? {
        if value.unicodeScalars.contains(where: {
            $0.value <= 0x20 || $0 == "\\" || $0 == "\"" || $0 == "<" || $0 == ">"
        }) {
            return "it holds spaces, quotes or control characters"
        }
        if value.hasPrefix("//") { return "'//host' leaves the scheme to the page, and sends it to another site" }
        if value.hasPrefix("/") { return value.contains("?") || value.contains("#") ? "it holds '?' or '#'" : nil }
        let lowered = value.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else {
            return value.contains(":")
                ? "only http and https addresses can be a base URL" : "a relative path has no fixed place"
        }
        let rest = value.drop(while: { $0 != ":" }).dropFirst(3)
        let host = rest.prefix { $0 != "/" }
        if host.isEmpty || host.contains("@") { return "it names no host, or hides one behind '@'" }
        if rest.contains("?") || rest.contains("#") { return "it holds '?' or '#'" }
        return nil
    }

    /// The absolute address of the site path `path` (`countries/mali/`), when `base_url` is absolute.
    public func absoluteURL(of path: String) -> String? {
        absoluteRoot.map { $0 + "/" + path }
    }

    /// `basePath` and `absoluteRoot` of `baseURL`, worked out once: every link of every page
    /// starts with one of them.
    private static func parts(of baseURL: String) -> (basePath: String, absoluteRoot: String?) {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        var path = String(rest)
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        let root = baseURL.contains("://") ? (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) : nil
        return (path, root)
    }
}
