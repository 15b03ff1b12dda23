import Foundation
import Testing

@testable import Griot

/// Every diagnostic carries a stable code (`G401 missing-page`), shown in text, JSON and GitHub
/// output, explained by `griot explain`, and listed in the README's table of messages.
@Suite("Diagnostic codes")
struct DiagnosticCodeTests {
    @Test("codes are unique, numbered in their group's hundred, named in lowercase words joined by '-'")
    func catalogue() {
        let all = DiagnosticCode.all
        #expect(Set(all.map(\.number)).count == all.count)
        #expect(Set(all.map(\.name)).count == all.count)
        #expect(all.map(\.number) == all.map(\.number).sorted())
        for code in all {
            #expect((101...899).contains(code.number), "\(code)")
            #expect(code.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(code)")
            #expect(!code.meaning.isEmpty && !code.fix.isEmpty, "\(code)")
            #expect(DiagnosticCode(code.id) == code && DiagnosticCode(code.name) == code)
        }
    }

    @Test("every code is produced through the CLI by a case of the bad-input corpus or of griot new")
    func everyCodeIsProduced() {
        let texts = BadInput.corpus.flatMap(\.expected) + NewFailure.cases.map(\.expected)
        var produced = Set<String>()
        for text in texts {
            for match in text.matches(of: /(?:error|warning)\[(G\d{3})\]/) { produced.insert(String(match.1)) }
        }
        // Two builds writing one output at once: WriteStageTests.concurrentBuildsAreLockedOut, which holds the lock.
        produced.insert(DiagnosticCode.outputBusy.id)
        #expect(Set(DiagnosticCode.all.map(\.id)).subtracting(produced).sorted() == [])
        #expect(produced.subtracting(DiagnosticCode.all.map(\.id)).sorted() == [])
    }

    @Test("the README's table of messages lists every code, as griot explain --markdown prints it")
    func readmeTable() throws {
        let readme = try String(
            contentsOf: FixtureSite.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(DiagnosticCode.markdownTable))
        let printed = try CLI.run(["explain", "--markdown"])
        #expect(printed.status == 0)
        #expect(printed.stdout == DiagnosticCode.markdownTable)
    }

    @Test("griot explain takes a code or a name, lists every code, and refuses an unknown one")
    func explain() throws {
        for argument in ["G401", "g401", "missing-page"] {
            let result = try CLI.run(["explain", argument])
            #expect(result.status == 0)
            #expect(result.stdout.hasPrefix("G401 missing-page (error)\n"), "\(result.stdout)")
            #expect(result.stdout.contains("What to do: link by file"))
        }
        let list = try CLI.run(["explain"])
        #expect(list.stdout.split(separator: "\n").count == DiagnosticCode.all.count)
        let unknown = try CLI.run(["explain", "G999"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no code 'G999'"))
    }

    @Test("text shows error[code], JSON carries code, GitHub annotations carry it as the title")
    func formats() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write(
            "content/countries/gamma.md", try site.read("content/countries/gamma.md") + "\n[x](nowhere.md)\n")
        let text = try CLI.run(["check", "--site", site.root.path])
        #expect(text.stderr.contains("content/countries/gamma.md:12:1: error[G401]: link to a missing page"))
        let json = try CLI.run(["check", "--site", site.root.path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["code"] as? String } == ["G401"])
        let github = try CLI.run(["check", "--site", site.root.path, "--format", "github"])
        #expect(github.stdout.contains(",title=G401 missing-page::link to a missing page"))
    }

    @Test("griot new reports each failure with its code and writes nothing", arguments: NewFailure.cases)
    func newFailures(_ failure: NewFailure) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try failure.prepare(site)
        let before = FixtureSite.snapshot(site.url("content"))
        let result = try CLI.run(["new"] + failure.arguments + ["--site", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(failure.expected), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(FixtureSite.snapshot(site.url("content")) == before)
    }
}

/// A `griot new` that must fail, and the message it must give.
struct NewFailure: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var prepare: @Sendable (FixtureSite) throws -> Void = { _ in }
    var expected: String

    var testDescription: String { arguments.joined(separator: " ") }

    static let cases = [
        NewFailure(arguments: ["country", "  "], expected: "error[G801]: the page needs a name"),
        NewFailure(
            arguments: ["country", "Nowhere", "--slug", "No Where"], expected: "error[G802]: cannot make a slug"),
        NewFailure(
            arguments: ["country", "Alpha"],
            expected: "error[G803]: content/countries/alpha.md already exists; it was left as it is"),
        NewFailure(
            arguments: ["page", "Timeline"],
            expected: "error[G112]: a plain page cannot be named 'timeline': the site publishes /timeline/ already"),
        NewFailure(
            arguments: ["topic", "Water"],
            prepare: { site in
                try FileManager.default.removeItem(at: site.url("content/topics"))
                try site.write("content/topics", "a file where the folder should be\n")
            },
            expected: "error[G804]: cannot create content/topics/water.md"),
    ]
}
