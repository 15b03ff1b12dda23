import Foundation
import Testing

@testable import Griot

/// Content that reaches a message cannot act on the terminal: its control characters are shown
/// escaped, and JSON output stays JSON.
@Suite("Messages and control characters")
struct TerminalSafetyTests {
    @Test("an ESC in a date and in a link is shown as \\u{1B}, in text and in JSON")
    func escapes() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let gamma = "content/countries/gamma.md"
        var text = try site.read(gamma)
        text = text.replacingOccurrences(of: "established: \"1963\"", with: "established: \"19\\e]0;pwned\\a63\"")
        // YAML reads \e and \a in a quoted value as ESC and BEL; Markdown keeps a raw ESC in a link.
        text += "\n[trap](nowhere\u{1B}[2J.md)\n"
        try site.write(gamma, text)

        let checked = try CLI.run(["check", "--site", site.root.path])
        #expect(checked.status == 1)
        let output = checked.stdout + checked.stderr
        #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "no raw control bytes")
        #expect(output.contains("\\u{1B}"))
        #expect(output.contains("\\u{7}"))

        let json = try CLI.run(["check", "--site", site.root.path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["errors"] as? Int ?? 0) >= 2)
    }

    @Test("escaping leaves ordinary text alone and marks every control character", arguments: 0..<50)
    func property(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let pieces = ["a", "é", " ", "\u{1B}", "\u{07}", "\u{0D}", "\u{202E}", "\u{9B}", "x", "🙂"]
        let text = (0..<Int.random(in: 0...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            .joined()
        let shown = VisibleText.escapingControls(text)
        #expect(
            !shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E }
        )
        let controls = text.unicodeScalars.filter {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E
        }
        #expect(shown.components(separatedBy: "\\u{").count - 1 == controls.count)
    }
}

/// `base_url` is an absolute http(s) address or a path from the root; nothing else gets through.
@Suite("Base URL checks")
struct BaseURLTests {
    @Test(
        "a base_url that could send pages elsewhere, or nowhere, is an error at its position",
        arguments: [
            "//evil.example/", "javascript:alert(1)", "mali/", "./", "ftp://example.org/", "https:///x/",
            "https://user@evil.example/", "/a b/",
        ])
    func refused(value: String) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write(
            "content/site.yml",
            try site.read("content/site.yml").replacingOccurrences(
                of: "base_url: https://example.org/atlas/", with: "base_url: \"\(value)\""))
        let error = try #require(site.check().errors.first, "\(value) was accepted")
        #expect(error.code == .invalidBaseURL)
        #expect(error.message.contains("cannot be a base URL"))
        #expect(error.file == "content/site.yml")
        #expect(error.line == 4)
        let result = try CLI.run(["build", "--site", site.root.path, "--base-url", value])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--base-url: error[G502]: --base-url"))
    }

    @Test(
        "absolute addresses and root paths are accepted",
        arguments: ["/", "/mali/", "https://example.org/", "http://localhost:8080/mali"])
    func accepted(value: String) {
        #expect(SiteConfig.problem(withBaseURL: value) == nil)
    }
}

/// `--format github`: GitHub Actions annotations from `griot check` and `griot build`.
@Suite("GitHub annotations")
struct GitHubAnnotationTests {
    @Test("errors and warnings become workflow commands with file, line and column")
    func annotations() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let gamma = "content/countries/gamma.md"
        try site.write(gamma, try site.read(gamma) + "\n[broken](nowhere.md)\n")
        try site.write("content/topics/.notes.md", "x")
        for command in ["check", "build"] {
            let result = try CLI.run([command, "--site", site.root.path, "--format", "github"])
            #expect(result.status == 1)
            let lines = result.stdout.split(separator: "\n")
            let error = try #require(lines.first { $0.hasPrefix("::error ") }, "\(command): \(result.stdout)")
            #expect(
                error.hasPrefix(
                    "::error file=\(site.root.path)/content/countries/gamma.md,line=12,col=1,title=G401 missing-page::link to a missing page 'nowhere.md'%0Ahint: "
                ))
            #expect(
                lines.contains {
                    $0.hasPrefix("::warning file=\(site.root.path)/content/topics/.notes.md,title=G109 hidden-file::")
                })
        }
    }

    @Test("messages and paths are encoded so the runner reads them back whole")
    func encoding() {
        let diagnostic = Diagnostic(
            .unknownKey, file: "content/a,b:c.md", line: 2, column: 3, message: "50% done\nnext", hint: nil)
        #expect(
            GitHubAnnotations(folder: "./site").format(diagnostic)
                == "::warning file=site/content/a%2Cb%3Ac.md,line=2,col=3,title=G210 unknown-key::50%25 done\\u{A}next\n"
        )
    }
}
