import ArgumentParser
import Foundation
import Griot

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

/// Prints diagnostics to standard error, coloured on a terminal.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    let printer = DiagnosticPrinter(
        colored: isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    FileHandle.standardError.write(Data(printer.format(diagnostics).utf8))
}

@main
enum Main {
    static func main() async {
        do {
            var command = try GriotCommand.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
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
