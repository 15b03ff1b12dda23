import Foundation

/// What to build and where.
public struct BuildOptions: Sendable {
    /// The folder holding `content/` and `templates/`.
    public var siteDirectory: URL
    /// Where the site is written; defaults to `<site>/public`.
    public var outputDirectory: URL
    /// Overrides `base_url` from `site.yml`.
    public var baseURL: String?
    public var includeDrafts: Bool

    public init(siteDirectory: URL, outputDirectory: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? siteDirectory.appendingPathComponent("public")).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
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
    /// Pages written (HTML files), zero when the build failed or only checked.
    public var pagesWritten: Int
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
        func report(_ site: Site?, pages: Int = 0) -> BuildReport {
            BuildReport(
                diagnostics: diagnostics.sorted(), pagesWritten: pages, duration: Date().timeIntervalSince(start),
                site: site)
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

        let (templates, templateDiagnostics) = Templates.load(from: options.templatesDirectory)
        diagnostics += templateDiagnostics

        var content = ContentLoader(siteDirectory: options.siteDirectory, includeDrafts: options.includeDrafts).load()
        if let baseURL = options.baseURL { content.config.baseURL = baseURL }
        diagnostics += content.diagnostics

        let (site, resolveDiagnostics) = Resolver().resolve(content)
        diagnostics += resolveDiagnostics

        guard write, let templates, !diagnostics.contains(where: { $0.severity == .error }) else { return report(site) }

        let files = SiteRenderer(site: site, templates: templates).render()
        let writer = OutputWriter(
            output: options.outputDirectory, site: options.siteDirectory,
            protected: [options.contentDirectory, options.templatesDirectory])
        do {
            try writer.write(files, assets: options.templatesDirectory.appendingPathComponent("assets"))
        } catch {
            diagnostics.append(error.diagnostic)
            return report(site)
        }
        return report(site, pages: files.filter { $0.path.hasSuffix(".html") }.count)
    }
}
