import Foundation
import Mustache

/// The site's Mustache templates, parsed once per build and checked for the silences of
/// swift-mustache: a missing template or partial would otherwise render as empty text.
public struct Templates: Sendable {
    /// Every template a build renders directly.
    public static let required = ["base", "home", "country", "topic", "page", "timeline", "relations", "404"]

    let library: MustacheLibrary

    /// Loads every `.mustache` file under `directory` (partials in subfolders are named
    /// `partials/header`), reporting syntax errors, missing templates and unknown partials.
    public static func load(from directory: URL, sitePath: String = "templates") -> (Templates?, [Diagnostic]) {
        var diagnostics = DiagnosticBag()
        var library = MustacheLibrary()
        var texts: [(name: String, path: String, text: String)] = []
        let files = mustacheFiles(in: directory)
        if files.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .error, file: sitePath, message: "no templates found",
                    hint: "the site needs templates/base.mustache and one template per page kind"))
        }
        for name in files {
            let path = "\(sitePath)/\(name).mustache"
            switch SourceFile.read(directory.appendingPathComponent("\(name).mustache"), path: path) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let file):
                do {
                    _ = GriotHTMLContentType.registered
                    library.register(
                        try MustacheTemplate(string: GriotHTMLContentType.pragma + file.text), named: name)
                    texts.append((name, path, file.text))
                } catch let error as MustacheTemplate.ParserError {
                    diagnostics.append(
                        Diagnostic(
                            .error, file: path, line: error.context.lineNumber - 1,
                            column: error.context.columnNumber + 1,
                            message: "template syntax error: \(describe(error.error))",
                            hint: "check that every {{#section}} and {{$block}} is closed by a matching {{/name}}"))
                } catch {
                    diagnostics.append(Diagnostic(.error, file: path, message: "template error: \(error)"))
                }
            }
        }
        let known = Set(texts.map(\.name))
        for (_, path, text) in texts {
            for reference in partialReferences(in: text) where !known.contains(reference.name) {
                diagnostics.append(
                    Diagnostic(
                        .error, file: path, line: reference.line, column: reference.column,
                        message: "the template uses '\(reference.name)', which does not exist",
                        hint: nearest(reference.name, in: known.sorted()).map { "did you mean '\($0)'?" }
                            ?? "create templates/\(reference.name).mustache"))
            }
        }
        for name in required where !files.contains(name) && !files.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .error, file: "\(sitePath)/\(name).mustache", message: "missing template '\(name)'",
                    hint: "every site needs: " + required.map { "\($0).mustache" }.joined(separator: ", ")))
        }
        return (diagnostics.hasErrors ? nil : Templates(library: library), diagnostics.all)
    }

    /// Renders the template `name` with a view model.
    func render(_ viewModel: Any, template name: String) -> String {
        library.render(viewModel, withTemplate: name) ?? ""
    }

    private static func mustacheFiles(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var names: [String] = []
        for case let path as String in enumerator where path.hasSuffix(".mustache") && !path.hasPrefix("assets/") {
            names.append(String(path.dropLast(".mustache".count)))
        }
        return names.sorted()
    }

    struct PartialReference {
        var name: String
        var line: Int
        var column: Int
    }

    /// Finds `{{> name}}` and `{{< name}}` tags with their positions.
    static func partialReferences(in text: String) -> [PartialReference] {
        var references: [PartialReference] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...]
                guard let sigil = after.first, sigil == ">" || sigil == "<",
                    let close = after.range(of: "}}")
                else {
                    rest = after
                    continue
                }
                let name = after[after.index(after: after.startIndex)..<close.lowerBound]
                    .trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                references.append(PartialReference(name: name, line: lineIndex + 1, column: column))
                rest = after[close.upperBound...]
            }
        }
        return references
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a closing tag does not match the section it closes"
        case MustacheTemplate.Error.unfinishedName: "a tag is not finished (missing '}}'?)"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: "a set-delimiter tag is malformed"
        default: "\(error)"
        }
    }
}
