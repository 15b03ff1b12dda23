import ArgumentParser
import Foundation
import Griot

/// `griot new country|topic|page NAME`: writes a new page's skeleton.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new country, topic or plain page with every front-matter field.",
        discussion: """
            The file is content/countries/<slug>.md, content/topics/<slug>.md or content/pages/<slug>.md \
            (published at /<slug>/), the slug made from the name \
            (griot new country "Côte d'Ivoire" → cote-d-ivoire.md). An existing file is never overwritten. \
            The new page is a draft: preview it with --drafts, and remove 'draft: true' to publish it.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case country, topic, page

        var pageKind: PageKind {
            switch self {
            case .country: .country
            case .topic: .topic
            case .page: .page
            }
        }
    }

    @Argument(help: "What to create: country, topic or page (a plain page such as About).")
    var kind: Kind

    @Argument(help: "The page's name, as readers see it.")
    var name: String

    @Option(name: .long, help: ArgumentHelp("The folder holding content/ and templates/.", valueName: "dir"))
    var site: String = "."

    @Option(
        name: .long, help: ArgumentHelp("The file name to use instead of one made from the name.", valueName: "slug"))
    var slug: String?

    func run() throws {
        do {
            let scaffold = try PageScaffold(kind: kind.pageKind, title: name, slug: slug)
            _ = try scaffold.write(into: URL(fileURLWithPath: site))
            print("Created \(scaffold.path)")
        } catch {
            // The name is the user's text: its control characters are shown, not sent to the terminal.
            let message = VisibleText.escapingControls(error.message)
            FileHandle.standardError.write(
                Data(
                    "error[\(error.code.id)]: \(message)\n    hint: \(VisibleText.escapingControls(error.hint))\n".utf8)
            )
            throw ExitCode(ExitStatus.contentErrors)
        }
    }
}
