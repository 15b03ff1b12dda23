import ArgumentParser
import Foundation
import Griot

/// `griot check`: validates the whole site without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every page, link and template without writing the site.",
        discussion: "Exit status: 0 when there is no error (warnings allowed), 1 on any error, 2 on usage errors."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @OptionGroup var siteOptions: SiteOptions

    @Option(
        name: .long,
        help: "Output format: text (for people), json (for tools) or github (GitHub Actions annotations).")
    var format: Format = .text

    func run() throws {
        let options = BuildOptions(siteDirectory: siteOptions.siteURL, includeDrafts: siteOptions.drafts)
        let report = Builder(options: options).check()
        switch format {
        case .text:
            printDiagnostics(report.diagnostics)
            if report.diagnostics.isEmpty {
                print("No problems in \(report.site?.pages.count ?? 0) pages.")
            }
        case .json:
            print(try JSONReport(report).encoded())
        case .github:
            print(GitHubAnnotations(folder: siteOptions.site).format(report.diagnostics), terminator: "")
        }
        end(report.succeeded ? EXIT_SUCCESS : ExitStatus.contentErrors, after: report)
    }
}

/// The `--format json` output of `griot check`.
struct JSONReport: Encodable {
    var errors: Int
    var warnings: Int
    var pages: Int
    var diagnostics: [Diagnostic]

    init(_ report: BuildReport) {
        errors = report.errors.count
        warnings = report.warnings.count
        pages = report.site?.pages.count ?? 0
        diagnostics = report.diagnostics
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
