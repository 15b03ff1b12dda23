import ArgumentParser
import Foundation
import Griot

/// `griot build`: builds the site into the output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: "Exit status: 0 when the site was built, 1 on content or template errors, 2 on usage errors."
    )

    @OptionGroup var siteOptions: SiteOptions

    @OptionGroup var outputOption: OutputOption

    @Option(
        name: .customLong("base-url"), help: ArgumentHelp("Override base_url from content/site.yml.", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: "How problems are printed: text (for people) or github (GitHub Actions annotations).")
    var format: CheckCommand.Format = .text

    @Flag(help: "Write a site that works from any folder or file:// (links relative, naming files).")
    var portable = false

    @Flag(help: "Print how long each stage of the build took.")
    var timings = false

    func validate() throws {
        if format == .json {
            throw ValidationError("--format json is for griot check; griot build prints text or github")
        }
    }

    func run() throws {
        let progressLine = ProgressLine.forTerminal()
        var options = BuildOptions(
            siteDirectory: siteOptions.siteURL, outputDirectory: outputOption.url,
            baseURL: baseURL, includeDrafts: siteOptions.drafts, progress: progressLine.map { line in line.update })
        options.portable = portable
        let report = Builder(options: options).build()
        progressLine?.finish()
        if format == .github {
            print(GitHubAnnotations(folder: siteOptions.site).format(report.diagnostics), terminator: "")
        } else {
            printDiagnostics(report.diagnostics)
        }
        guard report.succeeded else { end(ExitStatus.contentErrors, after: report) }
        let warnings = report.warnings.count
        let changed =
            "\(report.filesChanged) file\(report.filesChanged == 1 ? "" : "s") changed, \(report.outputsRendered) rendered"
        print(
            "Built \(report.pagesWritten) pages in \(String(format: "%.2f", report.duration)) s → \(options.outputDirectory.path)"
                + " (\(changed)\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))")
        if timings {
            for timing in report.stages {
                print(
                    "  \(timing.stage.padding(toLength: 8, withPad: " ", startingAt: 0)) \(String(format: "%7.1f", timing.seconds * 1000)) ms"
                )
            }
        }
        end(EXIT_SUCCESS, after: report)
    }
}
