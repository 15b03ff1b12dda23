import Foundation
import Testing

@Suite("The griot command")
struct CLITests {
    @Test("griot build writes the site and prints one summary line")
    func buildsFixture() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let result = try CLI.run(["build", "--site", fixture.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Built 11 pages in ") == true)
        #expect(
            FileManager.default.fileExists(
                atPath: fixture.output.appendingPathComponent("countries/alpha/index.html").path))
    }

    @Test("--output, --drafts and --base-url are honoured; --site defaults to the current folder")
    func options() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let output = fixture.url("site-out")
        let result = try CLI.run(
            ["build", "--output", output.path, "--drafts", "--base-url", "/preview/"], in: fixture.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            FileManager.default.fileExists(atPath: output.appendingPathComponent("countries/delta/index.html").path))
        let alpha = HTML.parse(
            try String(contentsOf: output.appendingPathComponent("countries/alpha/index.html"), encoding: .utf8))
        #expect(alpha.first("a.brand")?["href"] == "/preview/")
    }

    @Test("content errors go to stderr as path:line:column and exit 1")
    func contentErrors() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let path = "content/countries/gamma.md"
        try fixture.write(
            path,
            try fixture.read(path).replacingOccurrences(of: "\"1963\"", with: "\"1963-02-30\"") + "\n[x](nowhere.md)\n")
        let result = try CLI.run(["build", "--site", fixture.root.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "content/countries/gamma.md:6:25: error[G301]: 'established': '1963-02-30' — February 1963 has 28 days"
                )
            })
        #expect(
            lines.contains {
                $0.hasPrefix("content/countries/gamma.md:12:1: error[G401]: link to a missing page 'nowhere.md'")
            })
        #expect(lines.contains { $0.hasPrefix("    hint: ") })
        #expect(lines.last == "2 errors, 0 warnings")
        #expect(!FileManager.default.fileExists(atPath: fixture.output.path))
    }

    @Test("usage errors exit 2")
    func usageErrors() throws {
        #expect(try CLI.run(["build", "--no-such-flag"]).status == 2)
        #expect(try CLI.run(["frobnicate"]).status == 2)
        let help = try CLI.run(["build", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--base-url"))
    }

    @Test("a folder without content/ is a clear error")
    func missingContent() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("griot-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try CLI.run(["build", "--site", empty.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no content/ folder"))
    }
}
