/// The stable identity of a kind of diagnostic: a number that keeps its meaning across releases
/// (`G401`) and a short name (`missing-page`), so that tools match codes rather than English text.
///
/// Codes are grouped by hundreds: 1 files, 2 front matter, 3 dates, 4 links and references,
/// 5 `site.yml`, 6 templates and assets, 7 the output folder, 8 `griot new`. A code is never
/// reused for another meaning; one that stops being reported stays reserved.
public struct DiagnosticCode: Sendable, Hashable, CustomStringConvertible {
    /// The number after the `G`.
    public let number: Int
    /// A short, lowercase name (`missing-page`).
    public let name: String
    /// Whether a diagnostic of this kind fails the build.
    public let severity: Diagnostic.Severity
    /// What the message means, in one sentence.
    public let meaning: String
    /// What an editor does about it.
    public let fix: String

    init(_ number: Int, _ name: String, _ severity: Diagnostic.Severity, meaning: String, fix: String) {
        self.number = number
        self.name = name
        self.severity = severity
        self.meaning = meaning
        self.fix = fix
    }

    /// `G401`: what messages show and JSON carries.
    public var id: String { "G\(number)" }

    /// `G401 missing-page`.
    public var description: String { "\(id) \(name)" }

    /// The code with this id (`G401`, any case) or name (`missing-page`).
    public init?(_ text: String) {
        guard
            let code = Self.all.first(where: { $0.id.caseInsensitiveCompare(text) == .orderedSame || $0.name == text })
        else { return nil }
        self = code
    }
}

extension DiagnosticCode: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = DiagnosticCode(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown diagnostic code \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}

// MARK: - The catalogue

extension DiagnosticCode {
    /// Every code, in order of number.
    public static let all: [DiagnosticCode] = [
        noContentFolder, unreadableFile, brokenLinkFile, notRegularFile, fileTooLarge, notUTF8, binaryFile,
        fileNameNotUTF8, hiddenFile, fileNameNotSlug, duplicateAddress, reservedAddress,
        emptyFile, missingFrontMatter, unclosedFrontMatter, invalidYAML, duplicateKey, undefinedAlias,
        severalDocuments, yamlTooLarge, notAMapping, unknownKey, missingField, wrongType, emptyValue, invalidISO,
        invalidSourceURL, noSources, noBody, pipeTable, invalidUpdated, invalidAlias, unknownStatus,
        severedWithoutDate, severedDateWithoutStatus, severedBeforeEstablished,
        invalidDate, endBeforeStart,
        missingPage, missingHeading, unsafeLink, linkToDraft, unknownReference, referenceNotSlug, aliasTaken,
        unknownSection,
        emptyConfig, invalidBaseURL, relativeBaseURL,
        noTemplates, templateSyntax, unknownPartial, missingTemplate, assetLeftOut,
        outputUnwritable, outputBusy, outputIsLink, outputNotFolder, outputNotOurs, outputInsideSite,
        pageNeedsName, noSlug, pageExists, cannotCreatePage,
    ]

    // 1xx: files and folders

    public static let noContentFolder = DiagnosticCode(
        101, "no-content-folder", .error, meaning: "the site folder has no `content/` folder",
        fix: "run griot in the site's folder, or pass `--site DIR`")
    public static let unreadableFile = DiagnosticCode(
        102, "unreadable-file", .error, meaning: "a content file cannot be read (the system's reason follows)",
        fix: "check that the file exists and that you may read it")
    public static let brokenLinkFile = DiagnosticCode(
        103, "broken-link-file", .error,
        meaning: "a `.md` entry in `content/` is a symbolic link to nothing, or a loop",
        fix: "remove the link or point it at a real file")
    public static let notRegularFile = DiagnosticCode(
        104, "not-a-regular-file", .error, meaning: "a `.md` entry is a FIFO, a device or a socket",
        fix: "keep only Markdown files in `content/`")
    public static let fileTooLarge = DiagnosticCode(
        105, "file-too-large", .error, meaning: "a content file is larger than a page may be (8 MB)",
        fix: "split the page; a page that large is not a page")
    static let notUTF8 = DiagnosticCode(
        106, "not-utf8", .error,
        meaning: "a content file is not UTF-8 text (or is UTF-16); the position is the first bad byte",
        fix: "save the file as UTF-8 in your editor")
    public static let binaryFile = DiagnosticCode(
        107, "binary-file", .error, meaning: "a content file holds a NUL byte: it is binary, not text",
        fix: "move files other than Markdown out of `content/`")
    static let fileNameNotUTF8 = DiagnosticCode(
        108, "file-name-not-utf8", .error, meaning: "a file name is not valid UTF-8, so it cannot be an address",
        fix: "rename the file as a slug: lowercase ASCII words joined by `-`")
    public static let hiddenFile = DiagnosticCode(
        109, "hidden-file", .warning, meaning: "a `.md` file whose name starts with `.` is left out of the site",
        fix: "rename it without the dot to publish it, or move it out of `content/`")
    public static let fileNameNotSlug = DiagnosticCode(
        110, "file-name-not-slug", .error, meaning: "a file name is not a slug (`France.md`, `côte.md`)",
        fix: "rename it in lowercase ASCII words joined by `-`; the hint gives the name")
    public static let duplicateAddress = DiagnosticCode(
        111, "duplicate-address", .error, meaning: "two files map to the same address (`France.md` and `france.md`)",
        fix: "keep one file per page: merge the two, or rename one")
    public static let reservedAddress = DiagnosticCode(
        112, "reserved-address", .error,
        meaning: "a plain page would take an address the site uses (`/timeline/`, `/countries/`…)",
        fix: "rename the page's file")

    // 2xx: front matter

    public static let emptyFile = DiagnosticCode(
        201, "empty-file", .error, meaning: "a content file is empty",
        fix: "start it with a front matter block: `---`, the fields, `---`")
    public static let missingFrontMatter = DiagnosticCode(
        202, "missing-front-matter", .error, meaning: "the file does not begin with a `---` line",
        fix: "add `---`, the fields (`title: …`) and a closing `---` before the Markdown")
    public static let unclosedFrontMatter = DiagnosticCode(
        203, "unclosed-front-matter", .error, meaning: "the front matter has no closing `---` line",
        fix: "add a line `---` after the last field")
    public static let invalidYAML = DiagnosticCode(
        204, "invalid-yaml", .error, meaning: "the YAML does not parse; the position is where the parser stopped",
        fix: "look at that line and the one before: a value holding `: ` needs quotes; indent with spaces, never tabs")
    public static let duplicateKey = DiagnosticCode(
        205, "duplicate-key", .error, meaning: "a key appears twice in one mapping",
        fix: "keep one of the two lines")
    public static let undefinedAlias = DiagnosticCode(
        206, "undefined-alias", .error, meaning: "a YAML alias (`*name`) names no anchor (`&name`) before it",
        fix: "define the anchor before the alias, or write the value out")
    public static let severalDocuments = DiagnosticCode(
        207, "several-documents", .error, meaning: "a second YAML document begins (a stray `---`)",
        fix: "remove the `---` line that starts the second document")
    public static let yamlTooLarge = DiagnosticCode(
        208, "yaml-too-large", .error, meaning: "the YAML grows past 2 MB once its aliases are expanded",
        fix: "write the values out instead of repeating them through aliases")
    public static let notAMapping = DiagnosticCode(
        209, "not-a-mapping", .error,
        meaning: "front matter, `site.yml` or a nested block is not a set of `key: value` fields",
        fix: "write one field per line: `title: France`")
    public static let unknownKey = DiagnosticCode(
        210, "unknown-key", .warning, meaning: "a key griot does not know; it is ignored",
        fix: "fix the spelling (the hint suggests the closest key)")
    public static let missingField = DiagnosticCode(
        211, "missing-field", .error, meaning: "a required field is missing (`title`, `summary`, a source's `title`…)",
        fix: "add the field")
    public static let wrongType = DiagnosticCode(
        212, "wrong-type", .error,
        meaning: "a field has the wrong shape: text, a list, true or false, or a slug was expected",
        fix: "write the value as the message says, on one line after the colon")
    public static let emptyValue = DiagnosticCode(
        213, "empty-value", .error, meaning: "a field is present but empty", fix: "give it a value, or remove the line")
    public static let invalidISO = DiagnosticCode(
        214, "invalid-iso", .error, meaning: "`iso` is not a two-letter ISO 3166-1 code",
        fix: "write the alpha-2 code in capitals (`FR`), or leave `iso` out")
    public static let invalidSourceURL = DiagnosticCode(
        215, "invalid-source-url", .error, meaning: "a source's `url` is not an http or https address",
        fix: "write the full `https://…` address, or leave `url` out when it is not known")
    public static let noSources = DiagnosticCode(
        216, "no-sources", .warning, meaning: "the page lists no sources",
        fix: "list the documents it is written from under `sources:`")
    public static let noBody = DiagnosticCode(
        217, "no-body", .warning, meaning: "the page has no text below its front matter",
        fix: "write at least a paragraph")
    public static let pipeTable = DiagnosticCode(
        218, "pipe-table", .warning, meaning: "a pipe table, which CommonMark renders as plain text",
        fix: "write the rows as a list (`- **Name**: value`) or short paragraphs")
    public static let invalidUpdated = DiagnosticCode(
        219, "invalid-updated", .error, meaning: "`updated` is not one exact day", fix: "write it as `YYYY-MM-DD`")
    public static let invalidAlias = DiagnosticCode(
        220, "invalid-alias", .error, meaning: "an entry of `aliases` is not an address of this site",
        fix: "write the old address from the site's root: `/countries/ivory-coast/`")
    public static let unknownStatus = DiagnosticCode(
        221, "unknown-status", .error, meaning: "`relations.status` is not one griot knows",
        fix: "use one of the statuses the hint lists")
    public static let severedWithoutDate = DiagnosticCode(
        222, "severed-without-date", .error, meaning: "relations are `severed` but no `severed` date is given",
        fix: "add `severed: \"YYYY-MM-DD\"` (as precise as the source)")
    public static let severedDateWithoutStatus = DiagnosticCode(
        223, "severed-date-without-status", .error,
        meaning: "a `severed` date is given but the status is not `severed`",
        fix: "set `status: severed`, or remove the date")
    public static let severedBeforeEstablished = DiagnosticCode(
        224, "severed-before-established", .error, meaning: "relations end before they begin",
        fix: "check both dates")

    // 3xx: dates

    public static let invalidDate = DiagnosticCode(
        301, "invalid-date", .error,
        meaning: "a date is not valid EDTF; the column points at the character in question",
        fix: "follow the hint, which shows the closest valid form; see Dates (EDTF)")
    public static let endBeforeStart = DiagnosticCode(
        302, "end-before-start", .error,
        meaning: "a period ends before it begins (`1985/1984`, or `until` before `date`)",
        fix: "swap the two dates, or fix the wrong one")

    // 4xx: links and references

    public static let missingPage = DiagnosticCode(
        401, "missing-page", .error, meaning: "a link names a file that is not a page",
        fix: "link by file, relative to the current file: `../topics/g5-sahel.md`, `france.md`")
    public static let missingHeading = DiagnosticCode(
        402, "missing-heading", .error, meaning: "a link's `#anchor` is not a heading of the page it names",
        fix: "use a heading's id (its text in lowercase, `-` between words); the hint suggests one")
    public static let unsafeLink = DiagnosticCode(
        403, "unsafe-link", .error, meaning: "a link uses a scheme other than http, https or mailto (`javascript:`)",
        fix: "link to a page or an http(s) address")
    public static let linkToDraft = DiagnosticCode(
        404, "link-to-draft", .warning, meaning: "a link names a draft, left out of this build",
        fix: "build with `--drafts`, or publish the page")
    public static let unknownReference = DiagnosticCode(
        405, "unknown-reference", .error, meaning: "`topics:` or `countries:` names a slug that has no page",
        fix: "use an existing page's file name (the hint suggests the closest), or create the page")
    public static let referenceNotSlug = DiagnosticCode(
        406, "reference-not-slug", .error, meaning: "an entry of `topics:` or `countries:` is not a slug",
        fix: "name pages by their file name without `.md`")
    public static let aliasTaken = DiagnosticCode(
        407, "alias-taken", .error, meaning: "an alias is already the address of a page, an output or another alias",
        fix: "remove the alias, or give it an address nothing else uses")

    public static let unknownSection = DiagnosticCode(
        408, "unknown-section", .error, meaning: "an event's `section` is not the id of a heading of its page",
        fix: "write the id of the heading that describes the event (its text in lowercase, `-` between words)")

    // 5xx: site.yml and the base URL

    public static let emptyConfig = DiagnosticCode(
        501, "empty-config", .error, meaning: "`content/site.yml` is empty", fix: "add at least `title: …`")
    public static let invalidBaseURL = DiagnosticCode(
        502, "invalid-base-url", .error,
        meaning: "`base_url` (or `--base-url`) is neither an http(s) address nor a path from the root",
        fix: "write `https://example.org/mali/` or `/mali/`")
    public static let relativeBaseURL = DiagnosticCode(
        503, "relative-base-url", .warning,
        meaning:
            "`base_url` is a path, so the outputs that need absolute addresses (feed, sitemap, canonical links) are left out",
        fix: "build with `--base-url https://…` to publish them")

    // 6xx: templates and assets

    public static let noTemplates = DiagnosticCode(
        601, "no-templates", .error, meaning: "`templates/` holds no templates",
        fix: "add `base.mustache` and one template per page kind")
    public static let templateSyntax = DiagnosticCode(
        602, "template-syntax", .error, meaning: "a Mustache template does not parse",
        fix: "close every `{{#section}}` and `{{$block}}` with a matching `{{/name}}`")
    public static let unknownPartial = DiagnosticCode(
        603, "unknown-partial", .error, meaning: "a template names a partial or parent that does not exist",
        fix: "name an existing template (the hint suggests the closest)")
    public static let missingTemplate = DiagnosticCode(
        604, "missing-template", .error, meaning: "a template every site needs is missing",
        fix: "add it; the hint lists them")
    public static let assetLeftOut = DiagnosticCode(
        605, "asset-left-out", .warning,
        meaning: "an entry of `templates/assets/` is a link or a special file, and is not copied",
        fix: "put the file itself in `templates/assets/`")

    // 7xx: the output folder

    public static let outputUnwritable = DiagnosticCode(
        701, "output-unwritable", .error,
        meaning: "the output or its working folder cannot be created, opened, locked or written",
        fix: "check the free space and the permissions of the output's parent folder")
    public static let outputBusy = DiagnosticCode(
        702, "output-busy", .error, meaning: "another `griot build` is writing to the same output",
        fix: "wait for it to finish, then build again")
    public static let outputIsLink = DiagnosticCode(
        703, "output-is-link", .error,
        meaning: "the output path is a symbolic link (dangling or not); griot never writes through one",
        fix: "pass the real folder with `--output`, or remove the link")
    public static let outputNotFolder = DiagnosticCode(
        704, "output-not-folder", .error, meaning: "the output path is a file",
        fix: "remove it or choose another `--output`")
    public static let outputNotOurs = DiagnosticCode(
        705, "output-not-ours", .error, meaning: "the output folder holds files griot did not write",
        fix: "choose an empty or new folder, or move those files away")
    public static let outputInsideSite = DiagnosticCode(
        706, "output-inside-site", .error,
        meaning: "the output would replace or mix with `content/`, `templates/` or the site folder",
        fix: "choose an output outside them, such as `public/`")

    // 8xx: griot new

    public static let pageNeedsName = DiagnosticCode(
        801, "page-needs-name", .error, meaning: "`griot new` was given an empty name",
        fix: "`griot new country \"Côte d'Ivoire\"`")
    public static let noSlug = DiagnosticCode(
        802, "no-slug", .error, meaning: "no file name can be made from the name (or `--slug` is not a slug)",
        fix: "give one with `--slug`, in lowercase ASCII words joined by `-`")
    public static let pageExists = DiagnosticCode(
        803, "page-exists", .error, meaning: "the page's file exists already; it is left as it is",
        fix: "edit that file, or choose another name or `--slug`")
    public static let cannotCreatePage = DiagnosticCode(
        804, "cannot-create-page", .error, meaning: "the page's file cannot be created",
        fix: "check that `content/` exists and may be written")
}

extension DiagnosticCode {
    /// Every code as a Markdown table (code, name, severity, meaning, what to do): the README's
    /// table of messages, printed by `griot explain --markdown`.
    public static var markdownTable: String {
        var table = "| code | name | severity | what it means | what to do |\n| --- | --- | --- | --- | --- |\n"
        for code in all {
            table += "| `\(code.id)` | `\(code.name)` | \(code.severity.rawValue) | \(code.meaning) | \(code.fix) |\n"
        }
        return table
    }
}
