import Foundation

/// Writes the skeleton of a new country, topic or plain page for `griot new`.
///
/// The skeleton holds every front-matter field, commented, and is a draft that builds cleanly, so an
/// editor can preview it at once with `--drafts` and fill it in.
public struct PageScaffold: Sendable {
    public var kind: PageKind
    public var title: String
    public var slug: String

    /// Why a page could not be created.
    public struct Failure: Error, Sendable, Equatable {
        /// What kind of failure it is (`G803 page-exists`).
        public var code: DiagnosticCode
        public var message: String
        public var hint: String
    }

    /// A scaffold for `title`; the slug is made from the title unless given.
    public init(kind: PageKind, title: String, slug: String? = nil) throws(Failure) {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw Failure(
                code: .pageNeedsName, message: "the page needs a name", hint: "griot new country \"Côte d'Ivoire\"")
        }
        let slug = slug ?? Slug.make(from: trimmed)
        if kind == .page, ContentPath.reservedTopLevel.contains(slug) {
            throw Failure(
                code: .reservedAddress,
                message: "a plain page cannot be named '\(slug)': the site publishes /\(slug)/ already",
                hint: "give another slug with --slug")
        }
        guard Slug.isValid(slug) else {
            throw Failure(
                code: .noSlug,
                message: "cannot make a slug from '\(slug.isEmpty ? trimmed : slug)'",
                hint: "give one with --slug, in lowercase ASCII words joined by '-': --slug cote-d-ivoire")
        }
        self.kind = kind
        self.title = trimmed
        self.slug = slug
    }

    /// The path of the new file, relative to the site folder.
    public var path: String { ContentPath.file(of: PageID(kind, slug)) }

    /// Creates the file under `site`, refusing to overwrite anything.
    public func write(into site: URL) throws(Failure) -> URL {
        let url = site.appendingPathComponent(path)
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: url.path)
            || (try? fileManager.destinationOfSymbolicLink(atPath: url.path)) != nil
        {
            throw Failure(
                code: .pageExists,
                message: "\(path) already exists; it was left as it is",
                hint: "edit that file, or choose another name or --slug")
        }
        do {
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw Failure(
                code: .cannotCreatePage,
                message: "cannot create \(path): \(SourceFile.reason(error))",
                hint: "check that content/ exists and may be written")
        }
        return url
    }

    /// The fields every page kind has, commented.
    private static let sharedFields = """
        events: []
        # events:
        #   - date: "YYYY-MM-DD"    # an EDTF date: "1963", "1963-07", "1591~", "2024-41", "1600/1737"
        #     title: What happened, in one line
        \(sourceFields)
        """

    private static let sourceFields = """
        sources: []
        # sources:
        #   - title: Title of the document
        #     publisher: Who published it
        #     url: https://…         # http(s) only; leave out when unknown
        #     date: "YYYY-MM-DD"    # optional
        draft: true                 # remove when the page is ready to publish
        """

    /// The file's text.
    public var text: String {
        let quotedTitle = Self.doubleQuoted(title)
        // In the body the name is Markdown text: its punctuation must not start a heading or a list.
        let name = Self.markdownText(title)
        switch kind {
        case .country:
            return """
                ---
                title: \(quotedTitle)
                # iso: XX                   # ISO 3166-1 alpha-2 code, in capitals (optional)
                region: ""                  # for example West Africa, Europe, Asia; groups the index
                summary: \(Self.doubleQuoted("\(title) and its relations: one sentence for lists and search results."))
                relations:
                  # established: "YYYY-MM-DD"   # when relations began, as precise as the sources say: "1963" or "1963-07"
                  status: active            # active | severed | suspended
                  # severed: "YYYY-MM-DD"       # required when status is severed
                topics: []                  # topic slugs, for example [g5-sahel, minusma]
                \(Self.sharedFields)
                ---
                \(name)'s relations with the site's subject, in a short opening paragraph.

                ## Diplomatic relations

                When and how relations began, embassies and envoys.

                ## Cooperation and disputes

                Agreements, aid, trade, security; link related pages by file: `[a topic](../topics/slug.md)`.

                """
        case .topic:
            return """
                ---
                title: \(quotedTitle)
                summary: \(Self.doubleQuoted("\(title): one sentence for lists and search results."))
                countries: []               # country slugs involved, for example [niger, burkina-faso]
                \(Self.sharedFields)
                ---
                What \(name) is, in a short opening paragraph.

                ## Background

                How it came about.

                ## Role in foreign relations

                What it means for the countries involved; link them by file: `[Niger](../countries/niger.md)`.

                """
        case .page:
            return """
                ---
                title: \(quotedTitle)
                # menu: "Short label"      # lists the page in the main navigation under this label
                summary: \(Self.doubleQuoted("\(title): one sentence for lists and search results."))
                \(Self.sourceFields)
                ---
                What this page is about, in a short opening paragraph. It is published at /\(slug)/ and
                listed in the site's main navigation.

                """
        }
    }

    /// `text` as a YAML double-quoted scalar: backslashes, quotes, control characters and line
    /// separators escaped, so any name reads back as written.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _
            where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                || scalar.value == 0x2029 || scalar.value == 0xFEFF:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `text` as Markdown prose: ASCII punctuation backslash-escaped (CommonMark allows it for
    /// every such character), line breaks made spaces.
    static func markdownText(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(scalar) {
                result += "\\"
                result.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory == .control || scalar.value == 0x2028 || scalar.value == 0x2029
            {
                result += " "
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
