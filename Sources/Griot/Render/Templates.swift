import Foundation

/// The site's Mustache templates, parsed once per build, with every missing template or partial
/// reported rather than rendered as empty text.
public struct Templates: Sendable {
    /// Every template a build renders directly.
    public static let required = ["base", "home", "country", "topic", "page", "timeline", "relations", "404", "search"]

    let renderer: TemplateRenderer
    /// A fingerprint of every template's name and text, stable across runs.
    let fingerprint: UInt64

    /// Loads every `.mustache` file under `directory` (partials in subfolders are named
    /// `partials/header`), reporting syntax errors, missing templates and unknown partials.
    public static func load(from directory: URL, sitePath: String = "templates") -> (Templates?, [Diagnostic]) {
        var diagnostics = DiagnosticBag()
        var parsed: [String: [TemplateNode]] = [:]
        var references: [(path: String, TemplateReference)] = []
        var fingerprint = StableHash()
        let files = mustacheFiles(in: directory)
        if files.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .noTemplates, file: sitePath, message: "no templates found",
                    hint: "the site needs templates/base.mustache and one template per page kind"))
        }
        for name in files {
            let path = "\(sitePath)/\(name).mustache"
            switch SourceFile.read(directory.appendingPathComponent("\(name).mustache"), path: path) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let file):
                do throws(TemplateSyntaxError) {
                    let (nodes, named) = try TemplateParser(file.text).parse()
                    parsed[name] = nodes
                    fingerprint.combine(name)
                    fingerprint.combine(file.text)
                    references += named.map { (path, $0) }
                } catch {
                    diagnostics.append(
                        Diagnostic(
                            .templateSyntax, file: path, line: error.line, column: error.column,
                            message: "template syntax error: \(error.reason)",
                            hint: "check that every {{#section}} and {{$block}} is closed by a matching {{/name}}"))
                }
            }
        }
        let known = Set(parsed.keys)
        for (path, reference) in references where !known.contains(reference.name) {
            diagnostics.append(
                Diagnostic(
                    .unknownPartial, file: path, line: reference.line, column: reference.column,
                    message: "the template uses '\(reference.name)', which does not exist",
                    hint: nearest(reference.name, in: known.sorted()).map { "did you mean '\($0)'?" }
                        ?? "create templates/\(reference.name).mustache"))
        }
        for name in required where !files.contains(name) && !files.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .missingTemplate, file: "\(sitePath)/\(name).mustache", message: "missing template '\(name)'",
                    hint: "every site needs: " + required.map { "\($0).mustache" }.joined(separator: ", ")))
        }
        return (
            diagnostics.hasErrors
                ? nil : Templates(renderer: TemplateRenderer(templates: parsed), fingerprint: fingerprint.value),
            diagnostics.all
        )
    }

    /// Renders the template `name` with a view model; see `TemplateRenderer` for `shouldStop`.
    func render(
        _ viewModel: some TemplateObject, template name: String, shouldStop: (@Sendable () -> Bool)? = nil
    ) -> String {
        renderer.render(name, with: .object(viewModel), shouldStop: shouldStop)
    }

    /// Renders the template `name` with a view model, as UTF-8.
    func bytes(
        _ viewModel: some TemplateObject, template name: String, shouldStop: (@Sendable () -> Bool)? = nil
    ) -> [UInt8] {
        renderer.bytes(name, with: .object(viewModel), shouldStop: shouldStop)
    }

    /// Renders the template `name` with a view model into `sink`, a piece at a time.
    func render(
        _ viewModel: some TemplateObject, template name: String, shouldStop: (@Sendable () -> Bool)? = nil,
        into sink: TextSink
    ) {
        renderer.render(name, with: .object(viewModel), shouldStop: shouldStop, into: sink)
    }

    private static func mustacheFiles(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var names: [String] = []
        for case let path as String in enumerator where path.hasSuffix(".mustache") && !path.hasPrefix("assets/") {
            names.append(String(path.dropLast(".mustache".count)))
        }
        return names.sorted()
    }
}
