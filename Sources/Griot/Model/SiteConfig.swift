/// Site-wide settings from `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var subject: String
    public var description: String
    /// The address the site is published at; links are made relative to its path.
    public var baseURL: String
    public var language: String

    public init(
        title: String, subject: String = "", description: String = "", baseURL: String = "/", language: String = "en"
    ) {
        self.title = title
        self.subject = subject
        self.description = description
        self.baseURL = baseURL
        self.language = language
    }

    /// The path part of `base_url`, always ending in `/`: `https://x.org/mali` → `/mali/`.
    public var basePath: String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        var path = String(rest)
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// The absolute address of the site path `path` (`countries/mali/`), when `base_url` is absolute.
    public func absoluteURL(of path: String) -> String? {
        absoluteRoot.map { $0 + "/" + path }
    }

    /// `base_url` without a trailing slash when it is absolute (for the sitemap), else nil.
    public var absoluteRoot: String? {
        guard baseURL.contains("://") else { return nil }
        return baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }
}
