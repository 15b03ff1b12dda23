import ArgumentParser
import Foundation
import Griot
import GriotServer

/// `griot serve`: builds the site, serves it and rebuilds it live.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build and serve the site locally, rebuilding and reloading pages on every change.",
        discussion: """
            The preview builds into <site>/.griot/preview (never public/, unless --output says so) and listens on \
            127.0.0.1 unless --host says otherwise. Ctrl-C stops it.
            """
    )

    /// Where the preview builds unless `--output` says otherwise (git-ignored, like `public/`).
    static let previewFolder = ".griot/preview"

    @OptionGroup var siteOptions: SiteOptions

    @OptionGroup var outputOption: OutputOption

    @Option(name: .long, help: "The address to listen on; 0.0.0.0 makes the preview reachable from the network.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on; when it is busy the next free port is used.")
    var port: Int = 8080

    @Flag(name: .customLong("strict-port"), help: "Fail instead of moving to the next free port when the port is busy.")
    var strictPort = false

    @Flag(help: "After each rebuild, print how long each stage took.")
    var timings = false

    @Option(
        name: .customLong("max-connections"),
        help: "The most connections open at once; more are closed as they arrive (default: from the descriptor limit).")
    var maximumConnections: Int?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let maximumConnections, maximumConnections < 1 {
            throw ValidationError("--max-connections must be at least 1")
        }
    }

    func run() async throws {
        if host != "127.0.0.1" && host != "localhost" && host != "::1" {
            FileHandle.standardError.write(
                Data("warning: listening on \(host): the preview is reachable from the network\n".utf8))
        }
        // The preview's own folder: a published build in public/ is never replaced by a preview.
        let output = outputOption.url ?? siteOptions.siteURL.appendingPathComponent(Self.previewFolder)
        let build = BuildOptions(
            siteDirectory: siteOptions.siteURL, outputDirectory: output, includeDrafts: siteOptions.drafts)
        let server = PreviewServer(
            configuration: PreviewConfiguration(
                build: build, host: host, port: port, findFreePort: !strictPort, showsTimings: timings,
                maximumConnections: maximumConnections),
            log: { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            })
        do {
            try await server.run()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(ExitStatus.contentErrors)
        }
    }
}
