/// The kinds of content page, each with its own folder, URL prefix and template.
public enum PageKind: String, Sendable, Hashable, CaseIterable {
    case country
    case topic
    /// A plain page such as "About": `content/pages/about.md`, published at `/about/`.
    case page

    /// The folder under `content/`: `countries`, `topics`, `pages`.
    public var folder: String {
        switch self {
        case .country: "countries"
        case .topic: "topics"
        case .page: "pages"
        }
    }

    /// The URL path the kind's pages are published under: `countries/`, `topics/`, or nothing
    /// for plain pages, which sit at the top of the site.
    public var urlPrefix: String {
        self == .page ? "" : folder + "/"
    }
}

/// Identifies a content page: its kind and slug.
public struct PageID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let slug: String
    public let kind: PageKind
    /// FNV-1a over the kind and the slug's UTF-8, made once: the tables keyed by page (links,
    /// backlinks, every output's inputs) hash this instead of the slug's text, which at 100,000
    /// pages cost seconds. 32 bits, after `kind`, fit in the padding a page id had anyway.
    private let key: UInt32

    public init(_ kind: PageKind, _ slug: String) {
        self.kind = kind
        self.slug = slug
        var key: UInt32 = 2_166_136_261
        for byte in kind.folder.utf8 { key = (key ^ UInt32(byte)) &* 16_777_619 }
        for byte in slug.utf8 { key = (key ^ UInt32(byte)) &* 16_777_619 }
        self.key = key
    }

    public static func == (lhs: PageID, rhs: PageID) -> Bool {
        lhs.key == rhs.key && lhs.slug == rhs.slug && lhs.kind == rhs.kind
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
    }

    /// The site-relative path of the page's folder: `countries/france/`.
    public var path: String { "\(kind.urlPrefix)\(slug)/" }

    public var description: String { "\(kind.folder)/\(slug)" }

    public static func < (lhs: PageID, rhs: PageID) -> Bool {
        (lhs.kind.rawValue, lhs.slug) < (rhs.kind.rawValue, rhs.slug)
    }
}

/// A slug together with where it was written, for cross-reference checks.
public struct SlugReference: Sendable, Hashable {
    public var slug: String
    public var location: SourceLocation
}

/// A country, topic or plain page as loaded from its file.
///
/// A page is a value, but its fields live in one shared box (copied when a shared page is
/// changed): a build passes pages between stages and threads many times, and a copy then costs
/// one reference count instead of one per field.
@dynamicMemberLookup
public struct Page: Sendable {
    /// The fields of a page, read and written through the page itself: `page.title`.
    public struct Fields: Sendable {
        public var id: PageID
        public var file: String
        public var title: String
        public var summary: String
        /// What search engines and link previews show, when it should differ from `summary`.
        public var description: String? = nil
        /// Old addresses that redirect here.
        public var aliases: [Alias] = []
        /// The day the page last changed (`2024-12-17`): its `updated` field, else, for a build
        /// with an absolute `base_url` (feeds and sitemaps need it), the day of the last commit
        /// that changed its file, else the file's modification day.
        public var updated: String? = nil
        /// Countries only.
        public var region: String?
        /// Countries only: ISO 3166-1 alpha-2.
        public var iso: String?
        /// Countries only.
        public var relation: Relation?
        /// Topic slugs (on a country) or country slugs (on a topic), as written.
        public var related: [SlugReference]
        public var events: [Event]
        public var sources: [Source]
        public var draft: Bool
        /// Plain pages only: the label of the page's link in the main navigation, when it has one.
        public var menu: String?
        public var body: MarkdownDocument
        /// For each page this one links to, the sentence of its first link there (set by the
        /// resolve stage): what that page's "pages that link here" quotes.
        public var linkContexts: [PageID: String] = [:]
        /// A fingerprint of the page's file, stable across runs.
        public var sourceHash: UInt64 = 0
        /// A fingerprint of the file and of the body as resolved (links follow the pages they
        /// point to); set by the resolve stage.
        public var bodyFingerprint: UInt64 = 0
        /// Fingerprints of what site-wide data takes from this page, made once when the page is
        /// decoded, so that a rebuild tells whether that data changed without reading every page.
        var parts = PartFingerprints()
    }

    /// What the site-wide tables take from one page; nil where the page gives a table nothing.
    struct PartFingerprints: Sendable {
        /// Its events and relation dates (`Timeline.source(of:)`).
        var timeline: UInt64?
        /// A country's row (`RelationsIndex.source(of:)`).
        var relations: UInt64?
        /// Its `topics:`/`countries:` (`ResolveMemory.relatedSource(of:)`).
        var related: UInt64 = 0
        /// What links to it can resolve to (`ResolveMemory.targetSource(of:)`).
        var targets: UInt64 = 0
    }

    /// Never changed while shared: `subscript(dynamicMember:)` copies it first.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    init(
        id: PageID, file: String, title: String, summary: String, region: String?, iso: String?,
        relation: Relation?, related: [SlugReference], events: [Event], sources: [Source], draft: Bool,
        menu: String?, body: MarkdownDocument
    ) {
        storage = Storage(
            Fields(
                id: id, file: file, title: title, summary: summary, region: region, iso: iso, relation: relation,
                related: related, events: events, sources: sources, draft: draft, menu: menu, body: body))
    }

    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { storage.fields[keyPath: field] }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            storage.fields[keyPath: field] = newValue
        }
    }

    public var kind: PageKind { storage.fields.id.kind }
    public var slug: String { storage.fields.id.slug }

    // The fields every build reads for every page, without the key-path lookup of
    // `subscript(dynamicMember:)`, which costs more than the read at 10,000 pages.
    public var id: PageID { storage.fields.id }
    public var file: String { storage.fields.file }
    public var draft: Bool { storage.fields.draft }
    public var title: String { storage.fields.title }
    public var aliases: [Alias] {
        get { storage.fields.aliases }
        set { self[dynamicMember: \.aliases] = newValue }
    }
    public var sourceHash: UInt64 {
        get { storage.fields.sourceHash }
        set { self[dynamicMember: \.sourceHash] = newValue }
    }
    public var bodyFingerprint: UInt64 {
        get { storage.fields.bodyFingerprint }
        set { self[dynamicMember: \.bodyFingerprint] = newValue }
    }
    public var updated: String? {
        get { storage.fields.updated }
        set { self[dynamicMember: \.updated] = newValue }
    }
}

/// The home page's text, from `content/index.md`.
public struct HomeText: Sendable {
    public var title: String
    public var summary: String
    /// What search engines and link previews show, when it should differ from `summary`.
    public var description: String?
    public var body: MarkdownDocument
    /// A fingerprint of `content/index.md`, stable across runs.
    public var sourceHash: UInt64 = 0
}
