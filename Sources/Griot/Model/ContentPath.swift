/// Where content lives, relative to the site folder: the one place these paths are spelled.
public enum ContentPath {
    /// `content/site.yml`.
    public static let config = "content/site.yml"
    /// `content/index.md`, the home page's text.
    public static let home = "content/index.md"

    /// The folder of a kind's pages: `content/countries`.
    public static func folder(of kind: PageKind) -> String { "content/\(kind.folder)" }

    /// Top-level URL folders the site's own outputs and other kinds use, which a plain page's
    /// slug may not take.
    public static let reservedTopLevel: Set<String> = ["assets", "countries", "topics", "timeline", "relations", "search"]

    /// The file of a page: `content/countries/france.md`.
    public static func file(of id: PageID) -> String { "\(folder(of: id.kind))/\(id.slug).md" }
}
