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

    @Flag(help: "Write a site that works from any folder or file:// (links relative, naming files).")
    var portable = false

    @Flag(help: "Print how long each stage of the build took.")
    var timings = false

    func run() throws {
        let progressLine = ProgressLine.forTerminal()
        var options = BuildOptions(
            siteDirectory: siteOptions.siteURL, outputDirectory: outputOption.url,
            baseURL: baseURL, includeDrafts: siteOptions.drafts, progress: progressLine.map { line in line.update })
        options.portable = portable
        let report = Builder(options: options).build()
        progressLine?.finish()
        printDiagnostics(report.diagnostics)
        guard report.succeeded else {
            throw ExitCode(ExitStatus.contentErrors)
        }
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
    }
}
