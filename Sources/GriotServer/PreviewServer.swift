import Foundation
import Griot
import Hummingbird
import HummingbirdCore
import NIOPosix
import Logging
import ServiceLifecycle
import Synchronization

/// Settings for `griot serve`.
public struct PreviewConfiguration: Sendable {
    /// The site to build; its base URL is replaced by `/` so links work on the preview server.
    public var build: BuildOptions
    public var host: String
    /// The port to listen on; 0 lets the system choose.
    public var port: Int
    /// When the port is busy, try the next ones instead of failing.
    public var findFreePort: Bool
    /// How long the files must be quiet before a rebuild.
    public var debounce: TimeInterval
    /// Log how long each stage of each build took.
    public var showsTimings: Bool
    /// The most connections open at once; nil: as many as the descriptor limit comfortably allows.
    public var maximumConnections: Int?

    public init(
        build: BuildOptions, host: String = "127.0.0.1", port: Int = 8080, findFreePort: Bool = true,
        debounce: TimeInterval = 0.03, showsTimings: Bool = false, maximumConnections: Int? = nil
    ) {
        var build = build
        build.baseURL = "/"
        build.writesInPlace = true
        build.isPreview = true
        self.build = build
        self.host = host
        self.port = port
        self.findFreePort = findFreePort
        self.debounce = debounce
        self.showsTimings = showsTimings
        self.maximumConnections = maximumConnections
    }
}

/// A problem that stops the preview server from starting.
public struct PreviewError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The preview server: builds the site, serves the output folder, watches `content/` and
/// `templates/`, rebuilds on change and tells every open page to reload.
public struct PreviewServer: Sendable {
    public var configuration: PreviewConfiguration
    /// Receives each line the server reports (start, rebuilds, errors).
    public var log: @Sendable (String) -> Void

    public init(configuration: PreviewConfiguration, log: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.configuration = configuration
        self.log = log
    }

    /// Builds once, then serves until SIGINT or SIGTERM. `onReady` receives the port listened on.
    /// Seconds a connection may stay silent before the server closes it; live-reload streams
    /// send a comment more often than this, so they stay open while their page does.
    static let idleTimeout = 10

    /// The most connections open at once: what the descriptor limit allows, kept clear of the
    /// descriptors the builds and the watcher need.
    static func connectionLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 512 }
        // Raised to the hard limit where allowed: a preview with many tabs and tools is common.
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = min(limit.rlim_max, 65_536)
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            _ = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return max(64, min(8_192, Int(limit.rlim_cur) - 256))
    }

    public func run(onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let port = try choosePort()
        let state = PreviewState()
        let broadcaster = Broadcaster()
        let builder = Builder(options: configuration.build)
        // What each build learned, for the next: only changed files are read and rendered again.
        let memory = Mutex(BuildMemory())
        _ = await TaskExecution.onOwnThread { self.rebuild(builder, memory: memory, state: state, changed: nil) }

        let watcher = try DirectoryWatcher(
            roots: [configuration.build.contentDirectory, configuration.build.templatesDirectory],
            debounce: configuration.debounce)
        // A rebuild writes the pages, then leaves its site-wide outputs (the timeline, the
        // exports, the search index) as soon as newer changes are seen, and the next starts at
        // once: edits made in quick succession each show without waiting for the site-wide
        // outputs of the one before, which are brought up to date once the edits pause.
        var rebuildOptions = configuration.build
        rebuildOptions.shouldStop = { [watcher] in watcher.hasPendingChanges }
        let rebuilder = Builder(options: rebuildOptions)
        let responder = SiteResponder(
            paths: SitePath(root: configuration.build.outputDirectory), state: state, broadcaster: broadcaster,
            allowedHosts: SiteResponder.allowedHosts(boundTo: configuration.host))
        let connections = ConnectionLimiter.Count(
            maximum: min(configuration.maximumConnections ?? .max, Self.connectionLimit()))
        var logger = Logger(label: "griot-serve")
        logger.logLevel = .error
        let host = configuration.host
        let log = self.log
        // The HTTP server alone, without Hummingbird's `Application`, whose clock ticks every
        // second to cache the Date header: an idle preview must not wake at all.
        let server = try HTTPServerBuilder.http1(
            configuration: .init(
                // A connection over the limit is closed at once, so the descriptors never run out.
                additionalChannelHandlers: [ConnectionLimiter(connections, responder: responder)],
                // A client that opens a connection and never finishes its request is closed after
                // this long, so slow or stalled clients cannot use up the descriptors.
                idleTimeout: .seconds(Int64(Self.idleTimeout)))
        ).buildServer(
            configuration: .init(address: .hostname(host, port: port), serverName: "griot"),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger,
            responder: { request, writer, _ in
                let response = await responder.respond(to: request)
                try await writer.write(response: response.head, body: response.body)
            },
            onServerRunning: { channel in
                let actual = channel.localAddress?.port ?? port
                let shown = host.contains(":") ? "[\(host)]" : host
                log("Serving http://\(shown):\(actual)/ — watching content/ and templates/ (Ctrl-C to stop)")
                onReady(actual)
            })
        for note in watcher.takeNotes() { log("warning: \(note)") }
        let rebuildService = RebuildService(
            watcher: watcher, broadcaster: broadcaster,
            onChange: { batch in
                for note in batch.notes { self.log("warning: \(note)") }
                // What the watcher saw is all that changed, unless it may have missed events.
                memory.withLock {
                    if batch.startsAfresh { $0 = BuildMemory() }
                    $0.changedPaths = batch.isComplete && !batch.startsAfresh ? batch.paths : nil
                }
                self.rebuild(rebuilder, memory: memory, state: state, changed: batch.paths)
                // A stopped rebuild has written its pages: they reload now.
                broadcaster.send("event: reload\ndata: \(state.snapshot.generation)\n\n")
            })
        // Services stop in reverse order: the rebuild service first closes the live-reload
        // streams, so the HTTP server has no open response left to wait for.
        // A comment on every live-reload stream now and then, so that none counts as idle.
        // Only while a page is open: an idle preview has no timer to wake it.
        let heartbeat = Task {
            while !Task.isCancelled {
                await broadcaster.untilSubscribed()
                await TaskExecution.pause(seconds: Int64(Self.idleTimeout / 2))
                broadcaster.ping()
            }
        }
        defer { heartbeat.cancel() }
        let group = ServiceGroup(
            configuration: .init(
                services: [server, rebuildService], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            throw PreviewError(description: "the preview server stopped: \(error)")
        }
        log("Stopped.")
    }

    /// Builds, records the outcome for the pages served, and logs a line: for the first build the
    /// site's size, for a rebuild what changed and how many pages it rendered again
    /// (`[10:42:07] content/countries/chad.md → 3 pages in 12 ms`).
    @discardableResult
    private func rebuild(
        _ builder: Builder, memory: borrowing Mutex<BuildMemory>, state: PreviewState, changed: [String]?
    ) -> BuildReport {
        if changed != nil { state.beginRebuild() }
        let report = memory.withLock { builder.build(remembering: &$0) }
        state.record(report)
        let time = Self.clock()
        let reason = changed.map(describe) ?? "initial build"
        let milliseconds = "\(Int((report.duration * 1000).rounded())) ms"
        if report.wasStopped {
            log(
                "[\(time)] \(reason) → \(report.outputsRendered) page\(report.outputsRendered == 1 ? "" : "s") in \(milliseconds), stopped for newer changes"
            )
            return report
        }
        if report.succeeded {
            let warnings = report.warnings.count
            let rendered = report.outputsRendered
            log(
                (changed == nil
                    ? "[\(time)] Built \(report.pagesWritten) pages in \(milliseconds) (\(reason))"
                    : "[\(time)] \(reason) → \(rendered) page\(rendered == 1 ? "" : "s") in \(milliseconds)")
                    + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
            if configuration.showsTimings {
                log(
                    "  "
                        + report.stages.map { "\($0.stage) \(String(format: "%.1f", $0.seconds * 1000)) ms" }.joined(
                            separator: ", "))
            }
            if warnings > 0 { logBlock(DiagnosticPrinter().format(report.warnings)) }
        } else {
            log("[\(time)] \(reason) → build failed in \(milliseconds); still serving the last good site")
            logBlock(DiagnosticPrinter().format(report.diagnostics))
        }
        return report
    }

    /// Logs several lines (a diagnostics listing) as one entry, without its final newline.
    private func logBlock(_ text: String) {
        log(text.hasSuffix("\n") ? String(text.dropLast()) : text)
    }

    private func describe(_ paths: [String]) -> String {
        let site = configuration.build.siteDirectory.path + "/"
        // Name the files an editor touched, not the temporary files some tools write beside them.
        let relevant = paths.filter { path in
            ["md", "yml", "yaml", "mustache"].contains(URL(fileURLWithPath: path).pathExtension)
                || path.contains("/assets/")
        }
        let names = (relevant.isEmpty ? paths : relevant).map {
            $0.hasPrefix(site) ? String($0.dropFirst(site.count)) : $0
        }
        guard let first = names.first else { return "a change" }
        return names.count == 1 ? first : "\(first) and \(names.count - 1) more"
    }

    private static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }

    /// The configured port, or the next free one when it is busy and that is allowed.
    private func choosePort() throws -> Int {
        let port = configuration.port
        guard port != 0 else { return 0 }
        let attempts = configuration.findFreePort ? 20 : 1
        for candidate in port..<(port + attempts) where PortProbe.isFree(host: configuration.host, port: candidate) {
            if candidate != port { log("Port \(port) is busy; serving on port \(candidate) instead.") }
            return candidate
        }
        throw PreviewError(
            description: attempts == 1
                ? "port \(port) on \(configuration.host) is already in use; stop the other server or pass --port"
                : "ports \(port)–\(port + attempts - 1) on \(configuration.host) are all in use; pass --port")
    }
}

/// Watches the site and rebuilds it; on shutdown, ends the live-reload streams.
struct RebuildService: Service {
    let watcher: DirectoryWatcher
    let broadcaster: Broadcaster
    let onChange: @Sendable (DirectoryWatcher.Batch) -> Void

    func run() async throws {
        let watcher = self.watcher
        let broadcaster = self.broadcaster
        await withGracefulShutdownHandler {
            for await batch in watcher.changes() {
                watcher.rebuildStarts()
                // A build on an event loop would hold up the connections that loop serves.
                await TaskExecution.onOwnThread { onChange(batch) }
            }
        } onGracefulShutdown: {
            watcher.stop()
            broadcaster.finishAll()
        }
    }
}
