import ArgumentParser
import Foundation
import Griot

/// `griot explain [code]`: what a diagnostic code means and what to do about it.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a message's code (G401 or missing-page), or list every code.")

    @Argument(help: "A code such as G401, or its name such as missing-page. Without one, every code is listed.")
    var code: String?

    @Flag(name: .long, help: "Print every code as the Markdown table the README holds.")
    var markdown = false

    func run() throws {
        if markdown {
            print(DiagnosticCode.markdownTable, terminator: "")
            return
        }
        guard let text = code else {
            for code in DiagnosticCode.all {
                print(
                    "\(code.id)  \(code.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(code.name)"
                )
            }
            return
        }
        guard let code = DiagnosticCode(text) else {
            throw ValidationError("no code '\(VisibleText.escapingControls(text))'; 'griot explain' lists them all")
        }
        print(
            """
            \(code.id) \(code.name) (\(code.severity.rawValue))

            What it means: \(code.meaning).
            What to do: \(code.fix).
            """)
    }
}
