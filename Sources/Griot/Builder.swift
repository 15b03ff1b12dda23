import Foundation
import Synchronization

/// What to build and where.
public struct BuildOptions: Sendable {
    /// The folder holding `content/` and `templates/`.
    public var siteDirectory: URL
    /// Where the site is written; defaults to `<site>/public`.
    public var outputDirectory: URL
    /// Overrides `base_url` from `site.yml`.
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Replace changed files inside the output where they are, each by a rename, instead of
    /// writing a new tree and swapping it in. For a preview's own folder, which no one publishes
    /// and which a rebuild must update in milliseconds; a build that fails part way leaves some
    /// files new and some old (the next build mends them). The first build of an output still
    /// swaps a whole tree in.
    public var writesInPlace = false
    /// Write a site that works from any folder and from `file://`: every link to the site
    /// relative to its page and naming a file (`../countries/chad/index.html`).
    public var portable = false
    /// A build for the preview (`griot serve`), not for publishing: publishing advice, such as
    /// the outputs a relative `base_url` leaves out, is not given.
    public var isPreview = false
    /// Called as the build advances, from any thread; keep it cheap.
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// For a build that `writesInPlace` into an output it remembers: asked before each site-wide
    /// output (the timeline, the relations index, the exports, the search index) and while the
    /// longest of them render; once it answers true (newer changes wait, say), the build renders
    /// no more of them, drops the one under way, and returns with `wasStopped`. Pages and listings
    /// are always rendered, so an edit shows at once however often they come. Once it answers
    /// true it must keep doing so for the rest of the build. Files it rewrote
    /// stay; the memory stays as the last finished build left it, so the next build renders
    /// again all that this one had to.
    public var shouldStop: (@Sendable () -> Bool)?
    /// The large outputs (the timeline, the relations index, the exports) go to their files in
    /// pieces of about this many bytes as they render; tests make it small.
    var pieceSize = 1 << 20

    public init(
        siteDirectory: URL, outputDirectory: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
        progress: (@Sendable (BuildProgress) -> Void)? = nil
    ) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? siteDirectory.appendingPathComponent("public")).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.progress = progress
    }

    /// `<site>/content`.
    public var contentDirectory: URL { siteDirectory.appendingPathComponent("content") }
    /// `<site>/templates`.
    public var templatesDirectory: URL { siteDirectory.appendingPathComponent("templates") }
}

/// The outcome of a build or a check.
public struct BuildReport: Sendable {
    /// Every diagnostic, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// Pages in the built site (HTML files), zero when the build failed or only checked.
    public var pagesWritten: Int
    /// Files whose bytes changed (or are new) in this build; the others were left untouched.
    public var filesChanged: Int
    /// Outputs rendered in this build; the others read nothing that changed since their files
    /// were written, and were kept without rendering.
    public var outputsRendered: Int = 0
    /// Wall-clock time the build took, in seconds.
    public var duration: Double
    /// How long each stage took, in the order they ran.
    public var stages: [StageTiming] = []
    /// The resolved site, when loading and resolving got that far.
    public var site: Site?
    /// The build was stopped part way (`BuildOptions.shouldStop`): nothing was committed.
    public var wasStopped = false

    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// The one entry point of the engine: load → parse → resolve → render → write.
public struct Builder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs every check without writing anything.
    public func check() -> BuildReport {
        var memory = BuildMemory()
        return run(write: false, memory: &memory, remembers: false)
    }

    /// Builds the site into the output folder. Nothing is written unless every page rendered.
    public func build() -> BuildReport {
        var memory = BuildMemory()
        return run(write: true, memory: &memory, remembers: false)
    }

    /// Builds the site, reusing what `memory` holds from the previous build into the same output
    /// and leaving there what this one learned. Writes exactly what `build()` would.
    public func build(remembering memory: inout BuildMemory) -> BuildReport {
        run(write: true, memory: &memory, remembers: true)
    }

    /// `remembers`: keep in `memory` what the next build can reuse. A single build does not, so
    /// that each page's loaded body is freed as soon as its resolved one replaces it.
    private func run(write: Bool, memory: inout BuildMemory, remembers: Bool) -> BuildReport {
        let start = Date()
        var diagnostics: [Diagnostic] = []
        var clock = StageClock()
        func report(_ site: Site?, pages: Int = 0, changed: Int = 0, rendered: Int = 0) -> BuildReport {
            BuildReport(
                diagnostics: diagnostics.sorted(), pagesWritten: pages, filesChanged: changed,
                outputsRendered: rendered, duration: Date().timeIntervalSince(start), stages: clock.stages, site: site)
        }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.contentDirectory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            diagnostics.append(
                Diagnostic(
                    .noContentFolder, file: options.contentDirectory.path,
                    message: "no content/ folder in \(options.siteDirectory.path)",
                    hint: "run griot in the site's folder, or pass --site DIR"))
            return report(nil)
        }

        options.progress?(BuildProgress(stage: .loading, done: 0, total: 0))
        let (templates, templateDiagnostics) = Templates.load(from: options.templatesDirectory)
        diagnostics += templateDiagnostics

        // A path outside the site (another spelling of its folder) makes the hint unusable.
        let sitePrefix = options.siteDirectory.path + "/"
        let changes = memory.changedPaths.flatMap { paths in
            paths.allSatisfy { $0.hasPrefix(sitePrefix) }
                ? ChangeHint(paths.map { String($0.dropFirst(sitePrefix.count)) }) : nil
        }
        memory.changedPaths = nil
        // Handed over, not shared: the loader then changes the few entries that change in place.
        let files = memory.files
        memory.files = [:]
        var content = ContentLoader(siteDirectory: options.siteDirectory, includeDrafts: options.includeDrafts)
            .load(
                baseURL: options.baseURL, reusing: files, keeping: remembers, listings: memory.listings,
                walk: memory.loadedPages.take(), changes: changes)
        // Only the feed and the sitemap show when pages changed, and only with absolute addresses.
        if content.config.absoluteRoot != nil {
            LastUpdated.fill(&content.pages, siteDirectory: options.siteDirectory)
        }
        memory.files = content.files
        memory.listings = content.listings
        memory.loadedPages = content.walk.take()
        diagnostics += content.diagnostics
        clock.end("load")

        // The resolver takes the loaded pages over: their unresolved bodies go as it replaces them.
        // Handed over too: the resolver changes the entries of the pages that changed in place.
        var previousResolve = ResolveMemory()
        swap(&previousResolve, &memory.resolved)
        let (site, resolveDiagnostics, resolved) = Resolver().resolve(
            consume content, reusing: consume previousResolve, remembers: remembers)
        memory.resolved = resolved
        diagnostics += resolveDiagnostics
        clock.end("resolve")

        guard write, let templates, !diagnostics.contains(where: { $0.severity == .error }) else { return report(site) }

        if !options.isPreview, site.config.absoluteRoot == nil {
            diagnostics.append(
                Diagnostic(
                    .relativeBaseURL, file: ContentPath.config,
                    message:
                        "base_url '\(site.config.baseURL)' is not an absolute address, so feed.xml, sitemap.xml, robots.txt, canonical links and Open Graph addresses are left out",
                    hint: "set base_url: https://… in content/site.yml, or build with --base-url https://example.org/"))
        }
        let reader = SiteReader(site: site, templates: templates)
        // The outputs, and their paths, of a site of the same shape as the last are the same.
        let shape = OutputGraph.Shape(site: site, pagesFirst: options.writesInPlace)
        let graph: OutputGraph
        let paths: [String]
        if let kept = memory.graph, kept.shape == shape {
            (graph, paths) = (kept.graph, kept.paths)
        } else {
            graph = OutputGraph(site: site, pagesFirst: options.writesInPlace)
            paths = Array(graph.outputs.indices).concurrentMap { [graph] in graph.outputs[$0].path }
            memory.graph = remembers ? (shape, graph, paths) : nil
        }
        let outputs = graph.outputs
        let progress = options.progress
        let rendered = Atomic<Int>(0)
        progress?(BuildProgress(stage: .rendering, done: 0, total: outputs.count))
        let writer = OutputWriter(
            output: options.outputDirectory, site: options.siteDirectory,
            protected: [options.contentDirectory, options.templatesDirectory])
        let transaction: OutputTransaction
        do {
            transaction = try writer.begin(
                inPlace: options.writesInPlace, readsRecord: !(options.writesInPlace && memory.outputs != nil))
        } catch {
            diagnostics.append(error.diagnostic)
            return report(site)
        }
        let assets = AssetFiles.list(in: options.templatesDirectory.appendingPathComponent("assets"))
        diagnostics += assets.diagnostics
        let fingerprints = OutputFingerprints(
            site: site, templates: templates, portable: options.portable, reusing: memory.dependencies.pageValues,
            versions: memory.dependencies.versions)
        let portableLinks = options.portable ? PortableLinks(basePath: site.config.basePath) : nil
        // Memory speaks for the output only when this builder changes it in place (it is there,
        // and no one else builds into it).
        let remembered = transaction.inPlace ? memory.outputs : nil
        let previous = remembered ?? transaction.previousFingerprints
        // The outputs that read an input whose value changed; nil when every output is to be checked.
        let recheck = remembered == nil ? nil : memory.dependencies.outputsToRecheck(fingerprints)
        let tracksInputs = options.writesInPlace
        // Until this build commits, what the output holds is not known for certain.
        memory.outputs = nil
        let shouldStop = remembered != nil ? options.shouldStop : nil
        // The site-wide outputs read through a reader that stops their longest loops.
        let stoppingReader = shouldStop.map { SiteReader(site: site, templates: templates, shouldStop: $0) }
        let assetPaths = assets.files.map(\.path)
        // The same outputs as the last build in place, whose files are all known: only those
        // whose inputs changed, or that a stopped build rewrote, are looked at.
        let sameLayout: OutputLayout? =
            if let layout = memory.layout, let remembered, recheck != nil, layout.paths == paths,
                layout.assets == assetPaths, remembered.count == layout.files.count
            {
                layout
            } else {
                nil
            }
        let visited: [Int] =
            if let sameLayout, let recheck {
                Set(recheck.union(memory.unknownOutputs).compactMap { sameLayout.places[$0] }).sorted()
            } else {
                Array(outputs.indices)
            }
        clock.end("prepare")
        // Each file is written as soon as it is rendered, so memory holds a page per core, not the site.
        let results =
            visited.concurrentMap { index -> WriteResult in
                let output = outputs[index]
                if let progress {
                    let done = rendered.add(1, ordering: .relaxed).newValue
                    progress(BuildProgress(stage: .rendering, done: done, total: visited.count))
                }
                let path = paths[index]
                let stops = graph.siteWide.contains(index) ? shouldStop : nil
                if let stops, stops() {
                    return WriteResult(path: path, outcome: .success(.unchanged), skipped: true)
                }
                // Nothing it reads has changed since this builder wrote it: it stays as it is.
                // (0: a stopped build may have rewritten it since; its bytes are not known.)
                if let recheck, !recheck.contains(path), let kept = previous[path], kept != 0 {
                    return WriteResult(path: path, outcome: .success(.unchanged), fingerprint: kept)
                }
                let inputs = output.inputs(in: site)
                let fingerprint = fingerprints.fingerprint(path: path, inputs: inputs)
                // Only a builder changing its output in place keeps what each output read.
                let kept = tracksInputs ? inputs : nil
                // Inputs unchanged since the live file was written: the file stays as it is.
                if previous[path] == fingerprint, (try? transaction.reuse(path)) == true {
                    return WriteResult(
                        path: path, outcome: .success(.unchanged), fingerprint: fingerprint, inputs: kept)
                }
                let outputReader = stops != nil ? stoppingReader ?? reader : reader
                if portableLinks == nil, let streamed = output as? any StreamedOutput {
                    let outcome = Result { () throws(DirectoryHandle.Failure) in
                        try transaction.write(path, pieceSize: options.pieceSize) { sink in
                            streamed.render(outputReader, into: sink)
                            // Told to stop while it rendered: what it made may be cut short.
                            return !(stops?() ?? false)
                        }
                    }
                    if case .success(nil) = outcome {
                        return WriteResult(path: path, outcome: .success(.unchanged), skipped: true)
                    }
                    return WriteResult(
                        path: path, outcome: outcome.map { $0 ?? .unchanged }, fingerprint: fingerprint, inputs: kept,
                        rendered: true)
                }
                func written(_ bytes: UnsafeRawBufferPointer) -> WriteResult {
                    WriteResult(
                        path: path,
                        outcome: Result { () throws(DirectoryHandle.Failure) in
                            try transaction.write(path, contents: bytes)
                        }, fingerprint: fingerprint, inputs: kept, rendered: true)
                }
                func stopped() -> WriteResult {
                    WriteResult(path: path, outcome: .success(.unchanged), skipped: true)
                }
                if portableLinks == nil, let bytesOutput = output as? any BytesOutput {
                    let contents = bytesOutput.bytes(outputReader)
                    // Told to stop while it rendered: what it made may be cut short.
                    if let stops, stops() { return stopped() }
                    return contents.withUnsafeBytes(written)
                }
                var contents = output.render(outputReader)
                if let stops, stops() { return stopped() }
                if let portableLinks, path.hasSuffix(".html") {
                    contents = portableLinks.rewrite(contents, at: path)
                }
                return contents.withUTF8 { written(UnsafeRawBufferPointer($0)) }
            }
            + assets.files.concurrentMap { asset -> WriteResult in
                WriteResult(
                    path: asset.path,
                    outcome: Result { () throws(DirectoryHandle.Failure) in
                        try transaction.write(asset.path, contents: try asset.read())
                    })
            }
        clock.end("render")
        if results.contains(where: \.skipped) {
            // Stopped: the output keeps what was rewritten, and the memory what the last finished
            // build knew, whose dependencies lead the next build to everything this one skipped.
            // The files this one rewrote are marked unknown (0): an edit undone before the next
            // build would otherwise leave them as this one made them, and a page it added and
            // the next no longer has would stay.
            transaction.cancel()
            var known = remembered ?? [:]
            for result in results where result.rendered {
                known[result.path] = 0
                memory.unknownOutputs.insert(result.path)
            }
            memory.outputs = known
            var stopped = report(site, rendered: results.filter(\.rendered).count)
            stopped.wasStopped = true
            return stopped
        }
        do throws(DirectoryHandle.Failure) {
            for result in results { _ = try result.outcome.get() }
            progress?(BuildProgress(stage: .swapping, done: 0, total: 0))
            var recorded: [String: UInt64]
            let stale: Set<String>?
            let current: Set<String>
            if let sameLayout {
                // Every other file is as the last build recorded it.
                recorded = previous
                for result in results { recorded[result.path] = result.fingerprint ?? 0 }
                stale = []
                current = sameLayout.files
            } else {
                recorded = [:]
                recorded.reserveCapacity(results.count)
                for result in results { recorded[result.path] = result.fingerprint ?? 0 }
                // Known to have been written by the last build, not written by this one.
                stale = previous.isEmpty ? nil : Set(previous.keys.filter { recorded[$0] == nil })
                current = Set(recorded.keys)
            }
            try transaction.commit(keeping: current, fingerprints: recorded, stale: stale)
            if options.writesInPlace {
                var declared: [String: Set<SiteInput>] = [:]
                for result in results { if let inputs = result.inputs { declared[result.path] = inputs } }
                memory.dependencies.update(
                    fingerprints, declared: declared, outputs: sameLayout == nil ? current : nil)
                memory.outputs = recorded
                memory.layout = sameLayout ?? OutputLayout(paths: paths, assets: assetPaths)
                memory.unknownOutputs = []
            }
        } catch {
            transaction.cancel()
            diagnostics.append(
                writer.failure(
                    .outputUnwritable,
                    "cannot write \(error.path): \(error.reason)",
                    hint:
                        "check the free space and permissions of \(options.outputDirectory.deletingLastPathComponent().path)"
                ).diagnostic)
            return report(site)
        }
        clock.end("commit")
        let pages = sameLayout?.pages ?? OutputLayout.pages(in: paths) + OutputLayout.pages(in: assetPaths)
        return report(
            site, pages: pages, changed: results.filter { (try? $0.outcome.get()) == .written }.count,
            rendered: results.filter(\.rendered).count)
    }
}

/// What writing one output file did.
private struct WriteResult: Sendable {
    var path: String
    var outcome: Result<OutputTransaction.Outcome, DirectoryHandle.Failure>
    /// What the output read, for the next build to compare; nil for assets, compared by bytes.
    var fingerprint: UInt64? = nil
    /// What the output declared it reads, when that was listed in this build.
    var inputs: Set<SiteInput>? = nil
    /// Whether the output was rendered (not kept for its unchanged fingerprint, not an asset).
    var rendered = false
    /// Whether the build stopped before this output.
    var skipped = false
}
