import ArgumentParser
import Foundation
import Griot
import GriotServer
import Synchronization

/// `griot`: the command-line shell over the Griot engine.
struct GriotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "griot",
        abstract: "Griot builds a linked reference site from Markdown pages about countries and topics.",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, ExplainCommand.self]
    )
}

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder holding content/ and templates/.", valueName: "dir"))
    var site: String = "."

    @Flag(name: .long, help: "Include pages marked 'draft: true'.")
    var drafts = false

    var siteURL: URL { URL(fileURLWithPath: site) }
}

/// The `--output` option of the commands that write the site.
struct OutputOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <site>/public).", valueName: "dir"))
    var output: String?

    var url: URL? { output.map { URL(fileURLWithPath: $0) } }
}

/// Exit codes: 0 success, 1 content or template errors, 2 usage errors.
enum ExitStatus {
    static let contentErrors: Int32 = 1
    static let usage: Int32 = 2
}

/// Ends the process once a command has printed all it says. What the build holds (a site of
/// 100,000 pages is millions of small allocations) goes back to the system at once, instead of
/// being freed piece by piece, which took longer than writing the site's changed files.
func end(_ status: Int32, after report: BuildReport) -> Never {
    withExtendedLifetime(report) { exit(status) }
}

/// Prints diagnostics to standard error, coloured on a terminal.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    let printer = DiagnosticPrinter(
        colored: isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    FileHandle.standardError.write(Data(printer.format(diagnostics).utf8))
}

@main
enum Main {
    static func main() {
        do {
            var command = try GriotCommand.parseAsRoot()
            if let asyncCommand = command as? any AsyncParsableCommand {
                // The preview's tasks run on its event loops; nothing then starts libdispatch's
                // pool (an async `main` would, through the main queue), so an idle preview sleeps.
                TaskExecution.runTasksOnEventLoops()
                try waitFor(asyncCommand)
            } else {
                try command.run()
            }
        } catch {
            let code = GriotCommand.exitCode(for: error)
            let message = GriotCommand.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(0)
            }
            if let exitCode = error as? ExitCode {
                exit(exitCode.rawValue)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            exit(ExitStatus.usage)
        }
    }
}

/// Runs an asynchronous command in a task and blocks the main thread until it ends.
private func waitFor(_ command: any AsyncParsableCommand) throws {
    let box = UncheckedBox(command)
    let outcome = Mutex<Result<Void, any Error>>(.success(()))
    let finished = DispatchSemaphore(value: 0)
    Task {
        var command = box.value
        do { try await command.run() } catch { outcome.withLock { $0 = .failure(error) } }
        finished.signal()
    }
    finished.wait()
    try outcome.withLock { $0 }.get()
}

/// A command handed to the task that runs it, and touched by nothing else meanwhile.
private struct UncheckedBox<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
