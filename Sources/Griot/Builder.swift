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
    /// Called as the build advances, from any thread; keep it cheap.
    public var progress: (@Sendable (BuildProgress) -> Void)?

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
    /// The resolved site, when loading and resolving got that far.
    public var site: Site?

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
        run(write: false)
    }

    /// Builds the site into the output folder. Nothing is written unless every page rendered.
    public func build() -> BuildReport {
        run(write: true)
    }

    private func run(write: Bool) -> BuildReport {
        let start = Date()
        var diagnostics: [Diagnostic] = []
        func report(_ site: Site?, pages: Int = 0, changed: Int = 0, rendered: Int = 0) -> BuildReport {
            BuildReport(
                diagnostics: diagnostics.sorted(), pagesWritten: pages, filesChanged: changed,
                outputsRendered: rendered, duration: Date().timeIntervalSince(start), site: site)
        }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.contentDirectory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            diagnostics.append(
                Diagnostic(
                    .error, file: options.contentDirectory.path,
                    message: "no content/ folder in \(options.siteDirectory.path)",
                    hint: "run griot in the site's folder, or pass --site DIR"))
            return report(nil)
        }

        options.progress?(BuildProgress(stage: .loading, done: 0, total: 0))
        let (templates, templateDiagnostics) = Templates.load(from: options.templatesDirectory)
        diagnostics += templateDiagnostics

        let content = ContentLoader(siteDirectory: options.siteDirectory, includeDrafts: options.includeDrafts)
            .load(baseURL: options.baseURL)
        diagnostics += content.diagnostics

        // The resolver takes the loaded pages over: their unresolved bodies go as it replaces them.
        let (site, resolveDiagnostics) = Resolver().resolve(consume content)
        diagnostics += resolveDiagnostics

        guard write, let templates, !diagnostics.contains(where: { $0.severity == .error }) else { return report(site) }

        let reader = SiteReader(site: site, templates: templates)
        let outputs = OutputGraph(site: site).outputs
        let progress = options.progress
        let rendered = Atomic<Int>(0)
        progress?(BuildProgress(stage: .rendering, done: 0, total: outputs.count))
        let writer = OutputWriter(
            output: options.outputDirectory, site: options.siteDirectory,
            protected: [options.contentDirectory, options.templatesDirectory])
        let transaction: OutputTransaction
        do {
            transaction = try writer.begin()
        } catch {
            diagnostics.append(error.diagnostic)
            return report(site)
        }
        let assets = AssetFiles.list(in: options.templatesDirectory.appendingPathComponent("assets"))
        diagnostics += assets.diagnostics
        let fingerprints = OutputFingerprints(site: site, templates: templates)
        let previous = transaction.previousFingerprints()
        // Each file is written as soon as it is rendered, so memory holds a page per core, not the site.
        let results =
            outputs.concurrentMap { output -> WriteResult in
                let fingerprint = fingerprints.fingerprint(of: output)
                if let progress {
                    let done = rendered.add(1, ordering: .relaxed).newValue
                    progress(BuildProgress(stage: .rendering, done: done, total: outputs.count))
                }
                // Inputs unchanged since the live file was written: the file stays as it is.
                if previous[output.path] == fingerprint, (try? transaction.reuse(output.path)) == true {
                    return WriteResult(path: output.path, outcome: .success(.unchanged), fingerprint: fingerprint)
                }
                var contents = output.render(reader)
                return contents.withUTF8 { bytes in
                    WriteResult(
                        path: output.path,
                        outcome: Result { () throws(DirectoryHandle.Failure) in
                            try transaction.write(output.path, contents: UnsafeRawBufferPointer(bytes))
                        }, fingerprint: fingerprint, rendered: true)
                }
            }
            + assets.files.concurrentMap { asset -> WriteResult in
                WriteResult(
                    path: asset.path,
                    outcome: Result { () throws(DirectoryHandle.Failure) in
                        try transaction.write(asset.path, contents: try asset.read())
                    })
            }
        do throws(DirectoryHandle.Failure) {
            for result in results { _ = try result.outcome.get() }
            progress?(BuildProgress(stage: .swapping, done: 0, total: 0))
            var recorded: [String: UInt64] = [:]
            for result in results { recorded[result.path] = result.fingerprint }
            try transaction.commit(keeping: Set(results.map { $0.path }), fingerprints: recorded)
        } catch {
            transaction.cancel()
            diagnostics.append(
                writer.failure(
                    "cannot write \(error.path): \(error.reason)",
                    hint:
                        "check the free space and permissions of \(options.outputDirectory.deletingLastPathComponent().path)"
                ).diagnostic)
            return report(site)
        }
        let pages = results.filter { $0.path.hasSuffix(".html") }
        return report(
            site, pages: pages.count, changed: results.filter { (try? $0.outcome.get()) == .written }.count,
            rendered: results.filter(\.rendered).count)
    }
}

/// What writing one output file did.
private struct WriteResult: Sendable {
    var path: String
    var outcome: Result<OutputTransaction.Outcome, DirectoryHandle.Failure>
    /// What the output read, for the next build to compare; nil for assets, compared by bytes.
    var fingerprint: UInt64? = nil
    /// Whether the output was rendered (not kept for its unchanged fingerprint, not an asset).
    var rendered = false
}
