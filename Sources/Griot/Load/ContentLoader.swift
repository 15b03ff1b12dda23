import Foundation

/// Everything read from `content/`, before cross-references are resolved.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var home: HomeText?
    /// Country and topic pages, drafts already left out unless asked for.
    public var pages: [Page]
    /// Paths of draft pages left out of this build.
    public var draftFiles: Set<String>
    /// Paths of pages that exist but could not be loaded (their errors are already reported).
    public var failedFiles: Set<String>
    public var diagnostics: [Diagnostic]
    /// Every page file as it was loaded, for the next build to reuse.
    var files: [String: LoadedFile] = [:]
    /// Each kind's folder as listed, for the next build to reuse while nothing in it changes.
    var listings: [PageKind: FolderListing] = [:]
    /// Where each file went, for the next build to change only what changed.
    var walk: LoadedPages?
}

/// The page files of one kind's folder, with what listing them found wrong.
struct FolderListing: Sendable {
    var files: [(PageID, String)] = []
    var diagnostics: [Diagnostic] = []
    /// The files a file watcher sees change: plain files in a real folder (not reached through
    /// a link, whose target may change unseen).
    var watchable: Set<String> = []
    /// Whether the folder is a real folder, whose changes a file watcher sees.
    var isWatchable = false
}

/// The load stage: finds the content files, reads them in parallel and decodes them.
public struct ContentLoader: Sendable {
    public var siteDirectory: URL
    public var includeDrafts: Bool

    public init(siteDirectory: URL, includeDrafts: Bool = false) {
        self.siteDirectory = siteDirectory
        self.includeDrafts = includeDrafts
    }

    /// Loads everything; `baseURL`, when given, replaces the one in `site.yml`.
    public func load(baseURL: String? = nil) -> LoadedContent {
        load(baseURL: baseURL, reusing: [:], keeping: false)
    }

    /// Loads everything, taking each page whose file has the same identity as when `known` (the
    /// files of the last load, handed over) loaded it from there instead of reading it again;
    /// `keeping`: return every file as loaded, for the next load to reuse.
    /// With `changes`, what a file watcher saw change since `known` was loaded, a folder in
    /// which nothing changed keeps its listing from `listings`, and a file that did not change
    /// is taken from `known` without being looked at.
    func load(
        baseURL: String?, reusing known: consuming [String: LoadedFile], keeping: Bool,
        listings: [PageKind: FolderListing] = [:], walk lastWalk: LoadedPages? = nil, changes: ChangeHint? = nil
    ) -> LoadedContent {
        var diagnostics = DiagnosticBag()
        var config = loadConfig(diagnostics: &diagnostics)
        if let baseURL {
            if let problem = SiteConfig.problem(withBaseURL: baseURL) {
                diagnostics.append(
                    Diagnostic(
                        .invalidBaseURL, file: "--base-url",
                        message: "--base-url '\(baseURL)' cannot be a base URL: \(problem)",
                        hint: "give an absolute address, https://example.org/mali/, or a path from the root, /mali/"))
            } else {
                config.baseURL = baseURL
            }
        }
        let home = loadHome(diagnostics: &diagnostics)

        // Each file with the files a watcher's silence vouches for in its folder: plain files in
        // a real folder that was not itself replaced (the watcher naming the file is checked below).
        var candidates: [(PageID, String, vouchedBy: Int)] = []
        // Found by number, not held by each file: two threads retaining one set for every file
        // would fight over its reference count.
        var vouchedSets: [Set<String>] = []
        var listed: [PageKind: FolderListing] = [:]
        // Whether every folder was taken as it was listed last time: the files are the same.
        var sameFiles = changes != nil
        for kind in PageKind.allCases {
            var listing: FolderListing
            if let changes, let kept = listings[kind], kept.isWatchable,
                !changes.mayHaveChangedNames(
                    in: ContentPath.folder(of: kind), listed: kept.watchable, root: siteDirectory.path + "/")
            {
                listing = kept
            } else {
                listing = pageFiles(of: kind)
                sameFiles = false
            }
            var vouchedBy = -1
            if let changes, listing.isWatchable, !changes.mayHaveReplaced(folder: ContentPath.folder(of: kind)) {
                vouchedBy = vouchedSets.count
                vouchedSets.append(listing.watchable)
            }
            candidates += listing.files.map { ($0.0, $0.1, vouchedBy) }
            diagnostics.append(contentsOf: listing.diagnostics)
            listed[kind] = listing
        }
        let directory = siteDirectory.path + "/"
        let loadedAt = FileIdentity.now()
        // Taken before reading: a write while reading changes it again, and is seen next time.
        // A file changed in the same tick of the file system's clock as it was read could change
        // again without its identity changing: it is not trusted, and is read again next time.
        @Sendable func read(_ id: PageID, _ path: String, kept: LoadedFile?) -> (LoadedFile, trusted: Bool) {
            if let kept, let identity = FileIdentity(path: directory + path), kept.identity == identity,
                kept.page?.id ?? id == id
            {
                return (kept, !identity.isRecent(comparedWith: loadedAt))
            }
            let (result, identity) = SourceFile.read(atPath: directory + path, path: path)
            let trusted = identity.map { !$0.isRecent(comparedWith: loadedAt) } ?? false
            var bag = DiagnosticBag()
            switch result {
            case .failure(let diagnostic):
                return (LoadedFile(identity: nil, page: nil, diagnostics: [diagnostic]), false)
            case .success(let file):
                let page = PageDecoder.decodePage(file, id: id, diagnostics: &bag)
                return (LoadedFile(identity: identity, page: page, diagnostics: bag.all), trusted)
            }
        }
        // The same files, every folder vouched for: only the files that changed are looked at.
        if keeping, sameFiles, let changes, vouchedSets.count == PageKind.allCases.count, var walk = lastWalk,
            walk.paths.count == candidates.count, let changed = changes.places(in: walk.paths)
        {
            var files = consume known
            if let fileDiagnostics = walk.update(
                changed: changed, files: &files, includeDrafts: includeDrafts,
                load: { read(candidates[$0].0, candidates[$0].1, kept: $1) })
            {
                diagnostics.append(contentsOf: fileDiagnostics)
                return LoadedContent(
                    config: config, home: home, pages: walk.pages, draftFiles: walk.draftFiles,
                    failedFiles: walk.failedFiles, diagnostics: diagnostics.all, files: files, listings: listed,
                    walk: walk)
            }
            known = files
        }
        // Each file as loaded, whether the table can keep it, and whether it was vouched for by
        // the watcher and kept as the last build read it.
        let previous = consume known
        let vouched = vouchedSets
        let decoded = candidates.concurrentMap { (id, path, vouchedBy) -> (LoadedFile, trusted: Bool, vouched: Bool) in
            if let changes, vouchedBy >= 0, vouched[vouchedBy].contains(path), !changes.contains(path),
                let kept = previous[path],
                kept.page?.id ?? id == id
            {
                return (kept, true, true)
            }
            let (file, trusted) = read(id, path, kept: previous[path])
            return (file, trusted, false)
        }
        var walk = LoadedPages()
        // The same files as last time: only those looked at again change what is kept.
        var files: [String: LoadedFile] = keeping && sameFiles ? consume previous : [:]
        if files.isEmpty { files.reserveCapacity(candidates.count) }
        for (number, ((_, path, _), (file, trusted, vouched))) in zip(candidates, decoded).enumerated() {
            diagnostics.append(contentsOf: file.diagnostics)
            if keeping {
                if !file.diagnostics.isEmpty { walk.withDiagnostics.append(number) }
                if !vouched || !sameFiles {
                    files[path] = trusted ? file : nil
                    if !trusted { walk.unkept.append(number) }
                }
            }
            guard let page = file.page else {
                walk.failedFiles.insert(path)
                if keeping { walk.places.append(.failed) }
                continue
            }
            if includeDrafts || !page.draft {
                if keeping { walk.places.append(.page(walk.pages.count)) }
                walk.pages.append(page)
            } else {
                walk.draftFiles.insert(page.file)
                if keeping { walk.places.append(.draft) }
            }
        }
        if keeping { walk.paths = candidates.map(\.1) }
        return LoadedContent(
            config: config, home: home, pages: walk.pages, draftFiles: walk.draftFiles,
            failedFiles: walk.failedFiles, diagnostics: diagnostics.all, files: files,
            listings: keeping ? listed : [:], walk: keeping ? walk : nil)
    }

    /// Loads one page from raw bytes, as a build would: decoding, front matter, Markdown.
    /// The entry point for fuzzing and for tools that check a single file.
    public static func loadPage(from data: Data, path: String, id: PageID) -> (Page?, [Diagnostic]) {
        switch SourceFile.decode(data, path: path) {
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        case .success(let file):
            var diagnostics = DiagnosticBag()
            let page = PageDecoder.decodePage(file, id: id, diagnostics: &diagnostics)
            return (page, diagnostics.all)
        }
    }

    /// The `.md` files of one kind's folder, with their page ids; checks that names are slugs
    /// and that no two files map to one URL.
    func pageFiles(of kind: PageKind) -> FolderListing {
        var diagnostics = DiagnosticBag()
        var listing = FolderListing()
        listing.files = pageFiles(of: kind, diagnostics: &diagnostics, watchable: &listing.watchable)
        listing.diagnostics = diagnostics.all
        // A folder that is not there is watched too: its making is a change in `content/`.
        func isRealFolder(_ path: String) -> Bool? {
            var info = stat()
            guard lstat(siteDirectory.path + "/" + path, &info) == 0 else { return errno == ENOENT ? nil : false }
            return info.st_mode & S_IFMT == S_IFDIR
        }
        listing.isWatchable =
            isRealFolder(ContentPath.folder(of: kind))
            ?? (listing.files.isEmpty && listing.diagnostics.isEmpty && isRealFolder("content") == true)
        return listing
    }

    private func pageFiles(
        of kind: PageKind, diagnostics: inout DiagnosticBag, watchable: inout Set<String>
    ) -> [(PageID, String)] {
        let folder = siteDirectory.path + "/" + ContentPath.folder(of: kind)
        guard let entries = FolderEntry.list(folder) else { return [] }
        var files: [(name: String, path: String, stem: String, slug: String)] = []
        for entry in entries.sorted(by: { $0.name < $1.name }) where entry.name.hasSuffix(".md") {
            let name = entry.name
            let path = "\(ContentPath.folder(of: kind))/\(name)"
            guard entry.isUTF8 else {
                diagnostics.append(
                    Diagnostic(
                        .fileNameNotUTF8, file: path,
                        message: "the file name '\(name)' is not valid UTF-8, so it cannot be a page's address",
                        hint: "rename the file with UTF-8 characters, as a slug: lowercase ASCII words joined by '-'"))
                continue
            }
            guard !name.hasPrefix(".") else {
                diagnostics.append(
                    Diagnostic(
                        .hiddenFile, file: path,
                        message: "'\(name)' is left out: a name starting with '.' is a hidden file",
                        hint: "rename it without the dot to publish it, or move it out of content/"))
                continue
            }
            guard let isDirectory = entry.isDirectory(in: folder) else {
                diagnostics.append(
                    Diagnostic(
                        .brokenLinkFile, file: path, message: "cannot read the file: it is a broken or looping link",
                        hint: "remove the link or point it at a real file"))
                continue
            }
            if isDirectory { continue }
            if Int(entry.type) == Int(DT_REG) { watchable.insert(path) }
            let stem = String(name.dropLast(3))
            files.append((name, path, stem, Slug.isValid(stem) ? stem : Slug.make(from: stem)))
        }
        // Files named by their slug claim their URL first, so a stray `France.md` is the one reported.
        var seen: [String: String] = [:]
        var result: [(PageID, String)] = []
        for file in files where file.stem == file.slug && !file.slug.isEmpty {
            seen[file.slug] = file.path
            if kind == .page, ContentPath.reservedTopLevel.contains(file.slug) {
                diagnostics.append(
                    Diagnostic(
                        .reservedAddress, file: file.path,
                        message:
                            "a plain page named '\(file.slug)' would be published at /\(file.slug)/, which the site uses already",
                        hint: "rename the file; these names are taken: "
                            + ContentPath.reservedTopLevel.sorted().joined(separator: ", ")))
                continue
            }
            result.append((PageID(kind, file.slug), file.path))
        }
        for file in files where file.stem != file.slug || file.slug.isEmpty {
            if let other = seen[file.slug] {
                diagnostics.append(
                    Diagnostic(
                        .duplicateAddress, file: file.path,
                        message: "this file and '\(other)' both map to /\(kind.urlPrefix)\(file.slug)/",
                        hint: "keep one page per URL: merge the two files, or rename this one"))
            } else {
                diagnostics.append(
                    Diagnostic(
                        .fileNameNotSlug, file: file.path, message: "the file name '\(file.name)' is not a slug",
                        hint: file.slug.isEmpty
                            ? "name the file after the page in lowercase ASCII: 'cote-d-ivoire.md'"
                            : "rename it to '\(file.slug).md': lowercase ASCII words joined by '-'"))
                // Claim the URL so links to the intended page are not reported a second time.
                if !file.slug.isEmpty { seen[file.slug] = file.path }
            }
        }
        return result
    }

    private func loadConfig(diagnostics: inout DiagnosticBag) -> SiteConfig {
        let path = ContentPath.config
        var config = SiteConfig(title: "Untitled site")
        let file: SourceFile
        switch SourceFile.read(siteDirectory.appendingPathComponent(path), path: path) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return config
        case .success(let read): file = read
        }
        let origin = YAMLOrigin(file: path, firstLine: 1)
        switch origin.compose(file.text) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        case .success(nil):
            diagnostics.report(
                .emptyConfig,
                SourceLocation(file: path, line: 1, column: 1), "site.yml is empty", hint: "add at least 'title: …'")
        case .success(let node?):
            guard let fields = YAMLMapping(node, origin: origin, what: "site.yml", diagnostics: &diagnostics) else {
                return config
            }
            fields.checkKeys(
                ["title", "subject", "description", "base_url", "language"], in: "site.yml", diagnostics: &diagnostics)
            config.title = fields.string("title", required: true, diagnostics: &diagnostics) ?? config.title
            config.subject = fields.string("subject", diagnostics: &diagnostics) ?? ""
            config.description = fields.string("description", diagnostics: &diagnostics) ?? ""
            let baseURL = fields.string("base_url", diagnostics: &diagnostics) ?? "/"
            if let problem = SiteConfig.problem(withBaseURL: baseURL) {
                diagnostics.report(
                    .invalidBaseURL,
                    fields.location("base_url"), "'base_url': '\(baseURL)' cannot be a base URL: \(problem)",
                    hint: "write an absolute address, https://example.org/mali/, or a path from the root, /mali/")
            } else {
                config.baseURL = baseURL
            }
            config.language = fields.string("language", diagnostics: &diagnostics) ?? "en"
        }
        return config
    }

    private func loadHome(diagnostics: inout DiagnosticBag) -> HomeText? {
        let path = ContentPath.home
        switch SourceFile.read(siteDirectory.appendingPathComponent(path), path: path) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let file):
            return PageDecoder.decodeHome(file, diagnostics: &diagnostics)
        }
    }
}
