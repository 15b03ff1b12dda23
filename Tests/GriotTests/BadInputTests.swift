import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// A corpus of bad inputs, each run through the public path: the `griot` executable.
//
// For every case the suite
//   1. copies the fixture site, builds it once to get a good `public/`, and snapshots it;
//   2. applies the bad input and snapshots `content/` and `templates/` (exactly what the test wrote);
//   3. runs `griot build --site ROOT` and checks the exit status, the `path:line:column` message on
//      standard error, that a failed build left `public/` byte for byte as it was, and that griot
//      touched neither `content/` nor `templates/` nor anything else in the site folder;
//   4. runs `griot check --site ROOT` on the same site: same message and status, nothing written;
//   5. applies the same bad input to a fresh copy that was never built and runs `griot check` there:
//      same message and status, and `public/` still does not exist.
//
// Every run of griot has a time limit, so an input that makes griot hang (a FIFO, a YAML bomb)
// fails its case instead of stalling the whole test run.
//
// Not covered: an unreadable file (chmod 000). The tests run as root, and root reads any file, so
// that case cannot be produced here.

/// One bad input: how to make it, and what griot must say about it.
struct BadInput: Sendable, CustomTestStringConvertible {
    /// What `griot build` should do.
    enum Outcome: Sendable {
        /// Exit 1; `public/` is left exactly as it was.
        case fails
        /// Exit 0 and the site is byte for byte the one built from the untouched fixture.
        case buildsSameSite
        /// Exit 0 (warnings allowed); the site is rebuilt.
        case builds
    }

    /// What `griot check` should do.
    enum CheckOutcome: Sendable {
        /// The same messages, summary line and exit status as the build.
        case same
        /// No problem: the input is only wrong for `build` (an `--output` folder), which check never
        /// writes. Exit 0, "No problems in …".
        case clean
    }

    var name: String
    /// Breaks the site. Throws when the text it expects to change is not there, so a stale
    /// mutation fails loudly instead of testing nothing.
    var mutate: @Sendable (FixtureSite) throws -> Void
    /// Extra `griot build` arguments; `$ROOT` stands for the site folder.
    var options: [String] = []
    var outcome: Outcome = .fails
    /// Text standard error must contain, usually `path:line:column: error[G401]: message` and a hint;
    /// `$ROOT` stands for the site folder.
    var expected: [String]
    /// Text standard error must not contain.
    var forbidden: [String] = BadInput.neverShown
    /// The closing count line (`1 error, 0 warnings`), when the case pins it.
    var summary: String?
    var check: CheckOutcome = .same
    /// Folders (relative to the site) made by the mutation that griot must leave untouched.
    var untouched: [String] = []

    /// Internals that must never reach an editor.
    static let neverShown = ["NSCocoaErrorDomain", "Error Domain=", "Optional(", "Fatal error", "YamlError"]

    var testDescription: String { name }
}

@Suite("Bad inputs: errors that teach")
struct BadInputTests {
    @Test("each bad input is reported through griot build and griot check", arguments: BadInput.corpus)
    func badInput(_ input: BadInput) throws {
        try verify(input)
    }

    @Test("the corpus covers at least 32 cases, with unique names")
    func corpusSize() {
        #expect(BadInput.corpus.count >= 32)
        #expect(Set(BadInput.corpus.map(\.name)).count == BadInput.corpus.count)
    }

    // Regressions: the test below states, for each input, the exact behaviour for an input that griot once got
    // wrong (a misleading reason, a wrong position, or a cascade of follow-on errors).

    @Test(
        "inputs griot once reported wrongly get the exact message, once",
        arguments: [
            BadInput.outputBelowFileReason,
            BadInput.justOverSizeLimit,
            BadInput.utf16File,
            BadInput.caseCollisionKeepsValidFile,
            BadInput.unknownStatusNoCascade,
            BadInput.slugReferenceNotASlug,
            BadInput.duplicateKeyPosition,
            BadInput.linkColumnAfterNonASCII,
            BadInput.linkColumnOnIndentedLine,
        ])
    func regression(_ input: BadInput) throws { try verify(input) }

    @Test("griot check never creates public/ on a site that was never built")
    func checkWritesNothing() throws {
        let fresh = try FixtureSite()
        defer { fresh.remove() }
        let result = try GriotProcess.run(["check", "--site", fresh.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("No problems in "))
        #expect(!FileManager.default.fileExists(atPath: fresh.output.path))
    }

    // MARK: - The procedure every case goes through

    func verify(_ input: BadInput) throws {
        let fileManager = FileManager.default

        // 1. A good build first.
        let site = try FixtureSite()
        defer { site.remove() }
        let first = try GriotProcess.run(["build", "--site", site.root.path])
        try #require(first.status == 0, "the untouched fixture must build: \(first.stderr)")
        let goodSite = FixtureSite.snapshot(site.output)
        try #require(!goodSite.isEmpty)

        // 2. The bad input, and exactly what the test wrote.
        try input.mutate(site)
        let written = Tree(site)
        let untouched = input.untouched.map { Tree.entries(site.url($0)) }

        // 3. griot build.
        let build = try GriotProcess.run(["build", "--site", site.root.path] + input.options.map { site.resolve($0) })
        expectReport(build, of: input, in: site, command: "build", status: input.outcome == .fails ? 1 : 0)
        switch input.outcome {
        case .fails:
            #expect(build.stdout.isEmpty, "a failed build prints no summary line: \(build.stdout)")
            #expect(FixtureSite.snapshot(site.output) == goodSite, "a failed build must leave public/ as it was")
        case .buildsSameSite:
            #expect(build.stdout.hasPrefix("Built 11 pages in "), "\(build.stdout)")
            #expect(FixtureSite.snapshot(site.output) == goodSite, "a harmless variant must build the very same site")
        case .builds:
            #expect(build.stdout.hasPrefix("Built 11 pages in "), "\(build.stdout)")
            #expect(
                fileManager.fileExists(atPath: site.output.appendingPathComponent("countries/alpha/index.html").path))
        }
        #expect(Tree(site) == written, "griot build must not touch content/, templates/ or the site folder")
        #expect(
            input.untouched.map { Tree.entries(site.url($0)) } == untouched,
            "griot build touched a folder it does not own")

        // 4. griot check on the same site: same report, nothing written.
        let builtSite = FixtureSite.snapshot(site.output)
        let check = try GriotProcess.run(["check", "--site", site.root.path])
        expectCheck(check, of: input, in: site)
        #expect(FixtureSite.snapshot(site.output) == builtSite, "griot check must not write to public/")
        #expect(Tree(site) == written, "griot check must not touch content/, templates/ or the site folder")

        // 5. griot check on a copy that was never built.
        let fresh = try FixtureSite()
        defer { fresh.remove() }
        try input.mutate(fresh)
        let freshWritten = Tree(fresh)
        let freshCheck = try GriotProcess.run(["check", "--site", fresh.root.path])
        expectCheck(freshCheck, of: input, in: fresh)
        #expect(!fileManager.fileExists(atPath: fresh.output.path), "griot check must not create public/")
        #expect(Tree(fresh) == freshWritten, "griot check must not touch content/, templates/ or the site folder")
    }

    private func expectCheck(_ result: CLI.Result, of input: BadInput, in site: FixtureSite) {
        switch input.check {
        case .same:
            expectReport(result, of: input, in: site, command: "check", status: input.outcome == .fails ? 1 : 0)
            if input.outcome != .fails && input.expected.isEmpty {
                #expect(result.stdout.hasPrefix("No problems in "), "\(result.stdout)")
            }
        case .clean:
            #expect(result.status == 0, "griot check: \(result.stderr)")
            #expect(result.stderr.isEmpty, "griot check: \(result.stderr)")
            #expect(result.stdout.hasPrefix("No problems in "), "\(result.stdout)")
        }
    }

    private func expectReport(
        _ result: CLI.Result, of input: BadInput, in site: FixtureSite, command: String, status: Int32
    ) {
        #expect(result.status == status, "griot \(command) exit status; stderr:\n\(result.stderr)")
        for text in input.expected.map(site.resolve) {
            #expect(result.stderr.contains(text), "griot \(command) should say:\n\(text)\nbut said:\n\(result.stderr)")
        }
        for text in input.forbidden.map(site.resolve) {
            #expect(!result.stderr.contains(text), "griot \(command) should not say \(text):\n\(result.stderr)")
        }
        if let summary = input.summary {
            let last = result.stderr.split(separator: "\n").last.map(String.init)
            #expect(last == summary, "griot \(command) summary line; stderr:\n\(result.stderr)")
        }
        if input.outcome != .builds && input.expected.isEmpty {
            #expect(result.stderr.isEmpty, "griot \(command) should print no diagnostics:\n\(result.stderr)")
        }
    }
}

// MARK: - The corpus

extension BadInput {
    static let alpha = "content/countries/alpha.md"
    static let beta = "content/countries/beta.md"
    static let newPage = "content/countries/x.md"

    static let corpus: [BadInput] =
        yaml + fences + encodings + files + templates + outputs + names + dates + links + types + coded

    // Malformed YAML.
    static let yaml: [BadInput] = [
        BadInput(
            name: "yaml: an alias to an anchor never defined",
            mutate: { try $0.replace(in: alpha, "summary: Alpha is the oldest partner.", with: "summary: *nothing") },
            expected: [
                "content/countries/alpha.md:5:10: error[G206]: invalid YAML: '*nothing' names no '&nothing' anchor before it",
                "    hint: define the anchor ('key: &nothing value') before the alias uses it",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "yaml: site.yml holding two documents",
            mutate: { try $0.write("content/site.yml", "---\ntitle: A\n---\ntitle: B\n") },
            expected: ["content/site.yml:3:1: error[G207]: invalid YAML: a second document begins here"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "YAML: an unclosed flow list",
            mutate: { try $0.replace(in: alpha, "topics: [river-pact]", with: "topics: [river-pact") },
            // libyaml notices the missing ']' on the next line, at 'events:'.
            expected: [
                "content/countries/alpha.md:10:7: error[G204]: invalid YAML: while parsing a flow sequence: did not find expected ',' or ']'"
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "YAML: bad indentation",
            mutate: {
                try $0.replace(in: alpha, "  established: \"1960-08-20\"", with: " established: \"1960-08-20\"")
            },
            expected: [
                "content/countries/alpha.md:8:3: error[G204]: invalid YAML: while parsing a block mapping: did not find expected key",
                "    hint: check the indentation and quoting on this line and the one before",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "YAML: an unquoted value containing ': '",
            mutate: {
                try $0.replace(
                    in: alpha, "summary: Alpha is the oldest partner.", with: "summary: Alpha: the oldest partner.")
            },
            expected: [
                "content/countries/alpha.md:5:15: error[G204]: invalid YAML: mapping values are not allowed in this context",
                "    hint: a value containing ': ' must be quoted",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "YAML: a tab used for indentation",
            mutate: { try $0.replace(in: alpha, "  status: active", with: "\tstatus: active") },
            expected: [
                "content/countries/alpha.md:8:1: error[G204]: invalid YAML:",
                "    hint: YAML does not allow tabs for indentation: indent with spaces",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "YAML: a key given twice",
            mutate: {
                try $0.replace(in: alpha, "region: North Region\n", with: "region: North Region\ntitle: Again\n")
            },
            // The position is wrong (2:1 instead of 5:1): see duplicateKeyPosition.
            expected: ["content/countries/alpha.md:", "error[G205]: invalid YAML: the key 'title' appears twice"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "YAML: a 100000-deep flow list (nesting bomb) is refused, no crash",
            mutate: { site in
                try site.write(
                    newPage,
                    "---\ntitle: X\nsummary: " + String(repeating: "[", count: 100_000)
                        + String(repeating: "]", count: 100_000)
                        + "\n---\nBody.\n")
            },
            expected: ["content/countries/x.md:3:", "error[G204]: invalid YAML"],
            forbidden: neverShown,
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "YAML: an alias bomb (billion laughs) does not hang",
            mutate: { site in
                var lines = ["---", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
                for level in 1...9 {
                    lines.append(
                        "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
                            + "]")
                }
                lines += ["title: *a9", "summary: Boom.", "sources:", "  - title: S", "---", "Body."]
                try site.write(newPage, lines.joined(separator: "\n") + "\n")
            },
            expected: [
                "content/countries/x.md:7:",
                "error[G208]: the YAML grows past 2 MB once its aliases (*name) are expanded",
                "hint: write the values out",
            ],
            summary: "1 error, 0 warnings"),
    ]

    // Front matter fences.
    static let fences: [BadInput] = [
        BadInput(
            name: "front matter: missing opening fence",
            mutate: { try $0.replace(in: alpha, "---\ntitle: Alpha\n", with: "title: Alpha\n") },
            expected: [
                "content/countries/alpha.md:1:1: error[G202]: missing front matter: the file must begin with '---'",
                "    hint: add a line '---'",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "front matter: not closed",
            mutate: {
                try $0.replace(in: alpha, "    date: \"2024-12-17\"\n---\n", with: "    date: \"2024-12-17\"\n")
            },
            expected: [
                "content/countries/alpha.md:1:1: error[G203]: front matter is not closed",
                "    hint: add a line '---' after the last front matter field",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "front matter: an empty file",
            mutate: { try $0.write(alpha, "") },
            expected: ["content/countries/alpha.md:1:1: error[G201]: the file is empty"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "front matter: only '---' and '---' (empty: title and summary missing)",
            mutate: { try $0.write(alpha, "---\n---\n") },
            expected: [
                "content/countries/alpha.md:2:1: error[G211]: missing required field 'summary'",
                "content/countries/alpha.md:2:1: error[G211]: missing required field 'title'",
                "    hint: add a line 'title: …'",
            ],
            summary: "2 errors, 2 warnings"),
    ]

    // Encodings and bytes.
    static let encodings: [BadInput] = [
        BadInput(
            name: "harmless: a UTF-8 byte-order mark",
            mutate: { site in try site.writeBytes(alpha, [0xEF, 0xBB, 0xBF] + Array(try site.read(alpha).utf8)) },
            outcome: .buildsSameSite, expected: []),
        BadInput(
            name: "harmless: CRLF line endings",
            mutate: { site in try site.write(alpha, try site.read(alpha).replacingOccurrences(of: "\n", with: "\r\n"))
            },
            outcome: .buildsSameSite, expected: []),
        BadInput(
            name: "harmless: a byte-order mark and CRLF together",
            mutate: { site in
                try site.writeBytes(
                    beta,
                    [0xEF, 0xBB, 0xBF] + Array(try site.read(beta).replacingOccurrences(of: "\n", with: "\r\n").utf8))
            },
            outcome: .buildsSameSite, expected: []),
        BadInput(
            name: "encoding: invalid UTF-8, located by line and column",
            mutate: {
                try $0.replaceBytes(
                    in: alpha, "Trade is \"steady\"",
                    with: Array("Trade is ".utf8) + [0xC3, 0x28] + Array(" \"steady\"".utf8))
            },
            expected: [
                "content/countries/alpha.md:32:10: error[G106]: the file is not valid UTF-8",
                "    hint: save the file as UTF-8",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "encoding: invalid UTF-8 after accented text (column in characters)",
            mutate: { site in try site.appendBytes(alpha, Array("\nCôte ".utf8) + [0xFF] + Array(" here\n".utf8)) },
            expected: ["content/countries/alpha.md:38:6: error[G106]: the file is not valid UTF-8"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "encoding: a NUL byte in a text page",
            mutate: {
                try $0.replaceBytes(
                    in: alpha, "Alpha and Testland", with: Array("Alpha".utf8) + [0] + Array(" and Testland".utf8))
            },
            expected: [
                "content/countries/alpha.md:23:6: error[G107]: the file holds a NUL byte: it is binary, not text"
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "encoding: a binary file (PNG) named x.md",
            mutate: {
                try $0.writeBytes(
                    newPage,
                    [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF, 0xD8])
            },
            expected: [
                "content/countries/x.md:3:1: error[G107]: the file holds a NUL byte: it is binary, not text",
                "    hint: content files must be UTF-8 Markdown; move other files out of content/",
            ],
            summary: "1 error, 0 warnings"),
    ]

    // Files that are not plain, readable Markdown files.
    static let files: [BadInput] = [
        BadInput(
            name: "file: a 20 MB page",
            mutate: { try $0.writeData(newPage, Data(repeating: UInt8(ascii: "a"), count: 20 * 1_048_576)) },
            expected: [
                "content/countries/x.md: error[G105]: file is 20.0 MB, larger than the 8 MB a page may be",
                "    hint: split the page",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "file: a symbolic link loop named x.md",
            mutate: { try $0.symlink(newPage, to: "x.md") },
            expected: [
                "content/countries/x.md: error[G103]: cannot read the file: it is a broken or looping link",
                "    hint: remove the link or point it at a real file",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "file: a dangling symbolic link (a file that vanished)",
            mutate: { try $0.symlink(newPage, to: "vanished.md") },
            expected: ["content/countries/x.md: error[G103]: cannot read the file: it is a broken or looping link"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "file: a FIFO named x.md does not hang",
            mutate: { try $0.makeFIFO(newPage) },
            expected: [
                "content/countries/x.md: error[G104]: not a regular file",
                "    hint: content files must be plain Markdown files",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "harmless: a directory named x.md is ignored",
            mutate: { site in
                try FileManager.default.createDirectory(
                    at: site.url("content/countries/x.md"), withIntermediateDirectories: true)
            },
            outcome: .buildsSameSite, expected: []),
        BadInput(
            name: "file: content/site.yml is missing",
            mutate: { try FileManager.default.removeItem(at: $0.url("content/site.yml")) },
            expected: ["content/site.yml: error[G102]: cannot read the file: no such file"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "file: content/index.md is missing",
            mutate: { try FileManager.default.removeItem(at: $0.url("content/index.md")) },
            expected: ["content/index.md: error[G102]: cannot read the file: no such file"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "file: malformed content/site.yml",
            mutate: { try $0.write("content/site.yml", "title: [Fixture Atlas\nsubject: Testland\n") },
            expected: ["content/site.yml:", "error[G204]: invalid YAML: while parsing a flow sequence"],
            summary: "1 error, 0 warnings"),
    ]

    // Templates.
    static let templates: [BadInput] = [
        BadInput(
            name: "template: a tag not closed",
            mutate: {
                try $0.write(
                    "templates/topic.mustache", "{{<base}}\n{{$content}}\n<h1>{{title}</h1>\n{{/content}}\n{{/base}}\n")
            },
            expected: [
                "templates/topic.mustache:3:12: error[G602]: template syntax error: a tag is not finished (missing '}}'?)",
                "    hint: check that every {{#section}}",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "template: a section closed by the wrong name",
            mutate: {
                try $0.write(
                    "templates/topic.mustache",
                    "{{<base}}\n{{$content}}\n{{#events}}\n<li>{{title}}</li>\n{{/event}}\n{{/content}}\n{{/base}}\n")
            },
            expected: [
                "templates/topic.mustache:5:4: error[G602]: template syntax error: a closing tag does not match the section it closes"
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "template: a missing partial",
            mutate: {
                try $0.write(
                    "templates/topic.mustache",
                    "{{<base}}\n{{$content}}\n<h1>{{title}}</h1>\n{{> partials/page-bdy}}\n{{/content}}\n{{/base}}\n")
            },
            expected: [
                "templates/topic.mustache:4:1: error[G603]: the template uses 'partials/page-bdy', which does not exist",
                "    hint: did you mean 'partials/page-body'?",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "template: a page template is missing",
            mutate: { try FileManager.default.removeItem(at: $0.url("templates/topic.mustache")) },
            expected: [
                "templates/topic.mustache: error[G604]: missing template 'topic'", "    hint: every site needs: ",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "template: invalid UTF-8 in a template",
            mutate: {
                try $0.writeBytes(
                    "templates/topic.mustache",
                    Array("{{<base}}\n{{$content}}\n<p>".utf8) + [0xFF] + Array("</p>\n{{/content}}\n{{/base}}\n".utf8))
            },
            expected: ["templates/topic.mustache:3:4: error[G106]: the file is not valid UTF-8"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "template: no templates/ folder at all",
            mutate: { try FileManager.default.removeItem(at: $0.url("templates")) },
            expected: ["templates: error[G601]: no templates found"],
            summary: "1 error, 0 warnings"),
    ]

    // The output folder (only `build` writes; `check` has nothing to say about it).
    static let outputs: [BadInput] = [
        BadInput(
            name: "output: --output below a regular file",
            mutate: { try $0.write("afile", "not a folder\n") },
            options: ["--output", "$ROOT/afile/out"],
            expected: ["$ROOT/afile/out: error[G701]: cannot create the output folder"],
            // The reason printed today is 'NSCocoaErrorDomain error 512': see outputBelowFileReason.
            forbidden: [],
            summary: "1 error, 0 warnings", check: .clean),
        BadInput(
            name: "output: --output is a regular file",
            mutate: { try $0.write("afile", "not a folder\n") },
            options: ["--output", "$ROOT/afile"],
            expected: ["$ROOT/afile: error[G704]: the output path $ROOT/afile is a file, not a folder"],
            summary: "1 error, 0 warnings", check: .clean),
        BadInput(
            name: "output: a non-empty folder griot did not write is left untouched",
            mutate: { site in
                try site.write("foreign/notes.txt", "mine\n")
                try site.write("foreign/sub/more.txt", "also mine\n")
            },
            options: ["--output", "$ROOT/foreign"],
            expected: [
                "$ROOT/foreign: error[G705]: refusing to replace $ROOT/foreign: it is not empty and was not written by griot",
                "    hint: choose an empty or new folder for --output",
            ],
            summary: "1 error, 0 warnings", check: .clean, untouched: ["foreign"]),
        BadInput(
            name: "output: --output equal to content/",
            mutate: { _ in },
            options: ["--output", "$ROOT/content"],
            expected: [
                "$ROOT/content: error[G706]: refusing to write the site to $ROOT/content: it would replace or mix with the site's own files"
            ],
            summary: "1 error, 0 warnings", check: .clean),
        BadInput(
            name: "output: --output is a symbolic link to content/",
            mutate: { try $0.symlink("out", to: "content") },
            options: ["--output", "$ROOT/out"],
            expected: ["$ROOT/out: error[G706]: refusing to write the site to $ROOT/out"],
            summary: "1 error, 0 warnings", check: .clean),
    ]

    // File names and slug references.
    static let names: [BadInput] = [
        BadInput(
            name: "name: a file name that is not a slug (France.md)",
            mutate: { site in try site.write("content/countries/France.md", try site.read("content/countries/gamma.md"))
            },
            expected: [
                "content/countries/France.md: error[G110]: the file name 'France.md' is not a slug",
                "    hint: rename it to 'france.md': lowercase ASCII words joined by '-'",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "name: an accented file name (Côte d'Ivoire.md)",
            mutate: { site in
                try site.write("content/countries/Côte d'Ivoire.md", try site.read("content/countries/gamma.md"))
            },
            expected: [
                "content/countries/Côte d'Ivoire.md: error[G110]: the file name 'Côte d'Ivoire.md' is not a slug",
                "rename it to 'cote-d-ivoire.md'",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "name: two files mapping to one URL (Alpha.md beside alpha.md)",
            mutate: { site in try site.write("content/countries/Alpha.md", try site.read(alpha)) },
            expected: [
                "content/countries/Alpha.md: error[G111]: this file and 'content/countries/alpha.md' both map to /countries/alpha/"
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "name: a topic slug that has no page",
            mutate: { try $0.replace(in: alpha, "topics: [river-pact]", with: "topics: [nowhere]") },
            expected: [
                "content/countries/alpha.md:9:10: error[G405]: 'topics' names 'nowhere', which has no page in content/topics/"
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "name: a misspelt topic slug gets a did-you-mean",
            mutate: { try $0.replace(in: alpha, "topics: [river-pact]", with: "topics: [river-pakt]") },
            expected: [
                "content/countries/alpha.md:9:10: error[G405]: 'topics' names 'river-pakt', which has no page in content/topics/",
                "    hint: did you mean 'river-pact'?",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "name: a slug reference trying to escape the site",
            mutate: { try $0.replace(in: alpha, "topics: [river-pact]", with: "topics: [\"../../etc/passwd\"]") },
            expected: ["content/countries/alpha.md:9:10: error[G406]: '../../etc/passwd' is not a slug"],
            summary: "1 error, 0 warnings"),
    ]

    // Dates and relations.
    static let dates: [BadInput] = [
        BadInput(
            name: "date: 2023-02-30 does not exist",
            mutate: { try $0.replace(in: alpha, "\"1960-08-20\"", with: "\"2023-02-30\"") },
            expected: [
                "content/countries/alpha.md:7:25: error[G301]: 'established': '2023-02-30' — February 2023 has 28 days",
                "    hint: did you mean 2023-02-28?",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "date: month 13",
            mutate: { try $0.replace(in: alpha, "\"1963-07\"", with: "\"1963-13\"") },
            expected: [
                "content/countries/alpha.md:11:17: error[G301]: 'date': '1963-13' — months run 01–12",
                "    hint: for a season use 21–24, e.g. 1963-21",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "date: a letter where a digit belongs",
            mutate: { try $0.replace(in: alpha, "\"1963-07\"", with: "\"196Y\"") },
            expected: [
                "content/countries/alpha.md:11:15: error[G301]: 'date': '196Y' — 'Y' is not a digit",
                "    hint: an unknown digit is written X; did you mean 196X?",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "date: 45 is neither a month nor a part of a year",
            mutate: { try $0.replace(in: alpha, "\"1963-07\"", with: "\"2023-45\"") },
            expected: [
                "content/countries/alpha.md:11:17: error[G301]: 'date': '2023-45' — 45 is neither a month (01–12) nor a part of a year (21–41)",
                "    hint: e.g. 2023-04 for April, 2023-21 for spring, 2023-33 for the first quarter",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "date: an interval that ends before it starts",
            mutate: { try $0.replace(in: alpha, "\"1963-07\"", with: "\"1985/1984\"") },
            expected: [
                "content/countries/alpha.md:11:17: error[G302]: 'date': '1985/1984' — the interval ends before it starts",
                "    hint: did you mean 1984/1985?",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "date: not a date at all (day first)",
            mutate: { try $0.replace(in: alpha, "\"1960-08-20\"", with: "\"20-08-1960\"") },
            expected: [
                "content/countries/alpha.md:7:17: error[G301]: 'established': '20-08-1960' — a year has four digits",
                "    hint: write the full year, e.g. 1920, or 0020 for the year 20",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "date: until before date",
            mutate: { try $0.replace(in: alpha, "until: \"1737\"", with: "until: \"1500\"") },
            expected: [
                "content/countries/alpha.md:14:13: error[G302]: 'until': '1500' — the period ends before it begins (1591)",
                "    hint: did you mean date: 1500, until: 1591?",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "relations: status severed without a severed date",
            mutate: { try $0.replace(in: beta, "  severed: \"2024-08-04\"\n", with: "") },
            expected: [
                "content/countries/beta.md:7:11: error[G222]: status is 'severed' but no 'severed' date is given",
                "    hint: add 'severed: \"YYYY-MM-DD\"' under 'relations'",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "relations: a severed date with status active",
            mutate: { try $0.replace(in: beta, "status: severed", with: "status: active") },
            expected: [
                "content/countries/beta.md:8:12: error[G223]: a 'severed' date is given but status is 'active'",
                "    hint: set 'status: severed', or remove the 'severed' date",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "relations: an unknown status gets a did-you-mean",
            mutate: { try $0.replace(in: beta, "status: severed", with: "status: sevred") },
            // A second, misleading error follows today: see unknownStatusNoCascade.
            expected: [
                "content/countries/beta.md:7:11: error[G221]: unknown relations status 'sevred'",
                "    hint: did you mean 'severed'?",
            ]),
    ]

    // Links and URLs.
    static let links: [BadInput] = [
        BadInput(
            name: "url: a source url with ftp://",
            mutate: { try $0.replace(in: alpha, "https://example.org/alpha", with: "ftp://example.org/alpha") },
            expected: [
                "content/countries/alpha.md:20:10: error[G215]: a source's url must be an http or https address, not 'ftp://example.org/alpha'",
                "    hint: write the full address starting with https://",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "url: a source url with javascript:",
            mutate: { try $0.replace(in: alpha, "https://example.org/alpha", with: "javascript:alert(1)") },
            expected: [
                "content/countries/alpha.md:20:10: error[G215]: a source's url must be an http or https address, not 'javascript:alert(1)'"
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "link: a javascript: Markdown link",
            mutate: { try $0.append(alpha, "[click](javascript:alert(1))\n") },
            expected: [
                "content/countries/alpha.md:37:1: error[G403]: unsafe javascript: link 'javascript:alert(1)'",
                "    hint: links may use http, https, mailto or a relative path; 'javascript:' is refused",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "link: a JavaScript: link hidden in a reference definition",
            mutate: { try $0.append(alpha, "\n[click][r]\n\n[r]: JavaScript:alert(1)\n") },
            expected: ["content/countries/alpha.md:38:1: error[G403]: unsafe javascript: link 'JavaScript:alert(1)'"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "link: a data:text/html link",
            mutate: { try $0.append(alpha, "[x](data:text/html;base64,PHNjcmlwdD4=)\n") },
            expected: [
                "content/countries/alpha.md:37:1: error[G403]: unsafe data: link 'data:text/html;base64,PHNjcmlwdD4='"
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "link: to a missing page",
            mutate: { try $0.append(alpha, "See [Zeta](zeta.md).\n") },
            expected: [
                "content/countries/alpha.md:37:5: error[G401]: link to a missing page 'zeta.md'",
                "    hint: link other pages by their file, relative to this one",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "link: climbing out of the site",
            mutate: { try $0.append(alpha, "See [this](../../../etc/passwd.md).\n") },
            expected: ["content/countries/alpha.md:37:5: error[G401]: link to a missing page '../../../etc/passwd.md'"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "link: to a missing anchor on another page",
            mutate: { try $0.append(alpha, "See [Beta](beta.md#the-ruptur).\n") },
            expected: [
                "content/countries/alpha.md:37:5: error[G402]: link to a missing heading '#the-ruptur' in 'beta.md'",
                "    hint: did you mean '#the-rupture'?",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "link: to a missing anchor on the same page",
            mutate: { try $0.append(alpha, "Back to [top](#nowhere-at-all).\n") },
            expected: [
                "content/countries/alpha.md:37:9: error[G402]: link to a missing heading '#nowhere-at-all' on this page"
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "link: after accented text (line checked; column: see linkColumnAfterNonASCII)",
            mutate: { try $0.append(alpha, "Côte d’Ivoire, [Zeta](zeta.md).\n") },
            expected: ["content/countries/alpha.md:37:", "error[G401]: link to a missing page 'zeta.md'"],
            summary: "1 error, 0 warnings"),
    ]

    // Values of the wrong shape, and unknown keys.
    static let types: [BadInput] = [
        BadInput(
            name: "type: a title that is a list",
            mutate: { try $0.replace(in: alpha, "title: Alpha\n", with: "title: [Alpha, Beta]\n") },
            expected: [
                "content/countries/alpha.md:2:8: error[G212]: 'title' must be text, not a list",
                "    hint: write it on one line after the colon",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "type: an empty title",
            mutate: { try $0.replace(in: alpha, "title: Alpha\n", with: "title: \"\"\n") },
            expected: ["content/countries/alpha.md:2:8: error[G213]: 'title' is empty"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "type: events that is a mapping instead of a list",
            mutate: {
                try $0.replace(
                    in: alpha,
                    "events:\n  - date: \"1963-07\"\n    title: Alpha opens an embassy\n  - date: \"1591\"\n    until: \"1737\"\n    circa: true\n    title: The old kingdom rules Alpha\n",
                    with: "events:\n  date: \"1963-07\"\n  title: Alpha opens an embassy\n")
            },
            expected: [
                "content/countries/alpha.md:11:3: error[G212]: 'events' must be a list",
                "    hint: write 'events: [a, b]' or one '- item' per line",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "type: draft that is not true or false",
            mutate: { try $0.replace(in: "content/countries/delta.md", "draft: true", with: "draft: maybe") },
            expected: ["content/countries/delta.md:5:8: error[G212]: 'draft' must be true or false"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "type: an iso code that is not two capitals",
            mutate: { try $0.replace(in: alpha, "iso: AL", with: "iso: Alpha") },
            expected: [
                "content/countries/alpha.md:3:6: error[G214]: 'iso' must be a two-letter ISO 3166-1 code such as FR"
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "harmless: an unknown key is a warning with a did-you-mean",
            mutate: { try $0.replace(in: alpha, "region: North Region", with: "regoin: North Region") },
            outcome: .builds,
            expected: [
                "content/countries/alpha.md:4:1: warning[G210]: unknown key 'regoin' in a country page's front matter",
                "    hint: did you mean 'region'?",
            ],
            summary: "0 errors, 1 warning"),
    ]

    // MARK: Regressions (tests above): the behaviour griot must keep.

    static let outputBelowFileReason = BadInput(
        name: "regression: --output below a regular file names the reason",
        mutate: { try $0.write("afile", "not a folder\n") },
        options: ["--output", "$ROOT/afile/out"],
        expected: ["$ROOT/afile/out: error[G701]: cannot create the output folder: "],
        forbidden: neverShown + ["The operation could not be completed"],
        summary: "1 error, 0 warnings", check: .clean)

    static let justOverSizeLimit = BadInput(
        name: "regression: a page one byte over 8 MB",
        mutate: { try $0.writeData(newPage, Data(repeating: UInt8(ascii: "a"), count: 8 * 1_048_576 + 1)) },
        expected: ["content/countries/x.md: error[G105]: file is ", "larger than the 8 MB a page may be"],
        forbidden: neverShown + ["file is 8 MB, larger than the 8 MB"],
        summary: "1 error, 0 warnings")

    static let utf16File = BadInput(
        name: "regression: a UTF-16 page is told to be saved as UTF-8",
        mutate: { site in
            let text = try site.read("content/countries/gamma.md")
            try site.writeData(newPage, Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!)
        },
        expected: ["content/countries/x.md:", "UTF-16", "    hint: save the file as UTF-8"],
        forbidden: neverShown + ["binary"],
        summary: "1 error, 0 warnings")

    static let caseCollisionKeepsValidFile = BadInput(
        name: "regression: Alpha.md beside alpha.md is reported on Alpha.md alone",
        mutate: { site in try site.write("content/countries/Alpha.md", try site.read(alpha)) },
        expected: ["content/countries/Alpha.md: error[G111]: "],
        forbidden: neverShown + ["content/countries/alpha.md: error[", "link to a missing page"],
        summary: "1 error, 0 warnings")

    static let unknownStatusNoCascade = BadInput(
        name: "regression: an unknown status is one error",
        mutate: { try $0.replace(in: beta, "status: severed", with: "status: sevred") },
        expected: [
            "content/countries/beta.md:7:11: error[G221]: unknown relations status 'sevred'",
            "    hint: did you mean 'severed'?",
        ],
        forbidden: neverShown + ["but status is 'active'"],
        summary: "1 error, 0 warnings")

    static let slugReferenceNotASlug = BadInput(
        name: "regression: a slug reference that is a path is refused as not a slug",
        mutate: { try $0.replace(in: alpha, "topics: [river-pact]", with: "topics: [\"../../etc/passwd\"]") },
        expected: ["content/countries/alpha.md:9:10: error[G406]: ", "not a slug"],
        forbidden: neverShown + ["create content/topics/../../etc/passwd.md"],
        summary: "1 error, 0 warnings")

    static let duplicateKeyPosition = BadInput(
        name: "regression: a duplicated key is reported at the second key",
        mutate: { try $0.replace(in: alpha, "region: North Region\n", with: "region: North Region\ntitle: Again\n") },
        expected: ["content/countries/alpha.md:5:1: error[G205]: invalid YAML: the key 'title' appears twice"],
        summary: "1 error, 0 warnings")

    static let linkColumnAfterNonASCII = BadInput(
        name: "regression: a link's column after accented text counts characters",
        mutate: { try $0.append(alpha, "Côte d’Ivoire, [Zeta](zeta.md).\n") },
        expected: ["content/countries/alpha.md:37:16: error[G401]: link to a missing page 'zeta.md'"],
        summary: "1 error, 0 warnings")

    static let linkColumnOnIndentedLine = BadInput(
        name: "regression: a link on an indented continuation line",
        mutate: { try $0.append(alpha, "First line\n   then [Zeta](zeta.md).\n") },
        expected: ["content/countries/alpha.md:38:9: error[G401]: link to a missing page 'zeta.md'"],
        summary: "1 error, 0 warnings")
}

// MARK: - Support

/// Runs the built `griot` executable (the one `CLI.run` runs) with a time limit, so an input that
/// makes griot hang fails its case instead of stalling the test run. Output goes to files, so a
/// long report cannot fill a pipe and block griot.
enum GriotProcess {
    static func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> CLI.Result {
        let fileManager = FileManager.default
        let logs = fileManager.temporaryDirectory.appendingPathComponent("griot-run-\(UUID().uuidString)")
        try fileManager.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: logs) }
        let outURL = logs.appendingPathComponent("stdout")
        let errURL = logs.appendingPathComponent("stderr")
        _ = fileManager.createFile(atPath: outURL.path, contents: nil)
        _ = fileManager.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        let timedOut = process.isRunning
        if timedOut {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        if timedOut {
            Issue.record("griot \(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s")
        }
        return CLI.Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}

/// Everything a site folder holds besides `public/`: `content/` and `templates/` entry by entry
/// (regular files by their bytes, links by their target, FIFOs without opening them), and the names
/// at the top of the site folder, so a stray staging folder shows up too.
struct Tree: Equatable {
    enum Entry: Equatable {
        case file(Data)
        case folder
        case link(String)
        case other(String)
    }

    var content: [String: Entry]
    var templates: [String: Entry]
    var topLevel: Set<String>

    init(_ site: FixtureSite) {
        content = Self.entries(site.url("content"))
        templates = Self.entries(site.url("templates"))
        // `.public.griot` is griot's own working folder: the lock and the staging tree.
        topLevel = Set((try? FileManager.default.contentsOfDirectory(atPath: site.root.path)) ?? [])
            .subtracting([".public.griot"])
    }

    /// Walks `folder` without following links or opening anything but regular files (a FIFO would
    /// block `Data(contentsOf:)`, which is why `FixtureSite.snapshot` is not used here).
    static func entries(_ folder: URL) -> [String: Entry] {
        var result: [String: Entry] = [:]
        func walk(_ url: URL, _ relative: String) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
            for name in names {
                let child = url.appendingPathComponent(name)
                let path = relative + "/" + name
                let type = (try? FileManager.default.attributesOfItem(atPath: child.path))?[.type] as? FileAttributeType
                switch type {
                case .typeRegular?:
                    result[path] = .file((try? Data(contentsOf: child)) ?? Data())
                case .typeDirectory?:
                    result[path] = .folder
                    walk(child, path)
                case .typeSymbolicLink?:
                    result[path] = .link(
                        (try? FileManager.default.destinationOfSymbolicLink(atPath: child.path)) ?? "?")
                default:
                    result[path] = .other(type?.rawValue ?? "unknown")
                }
            }
        }
        walk(folder, "")
        return result
    }
}

struct MutationError: Error, CustomStringConvertible {
    var description: String
}

extension FixtureSite {
    /// `$ROOT` → this site's folder.
    func resolve(_ text: String) -> String {
        text.replacingOccurrences(of: "$ROOT", with: root.path)
    }

    /// Replaces `old` by `new` in a text file; throws if `old` is not there.
    func replace(in path: String, _ old: String, with new: String) throws {
        let text = try read(path)
        guard text.contains(old) else {
            throw MutationError(description: "'\(old)' is not in \(path): the fixture changed, update the case")
        }
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    /// Replaces the first `old` by raw bytes; throws if `old` is not there.
    func replaceBytes(in path: String, _ old: String, with bytes: [UInt8]) throws {
        let data = try Data(contentsOf: url(path))
        guard let range = data.firstRange(of: Data(old.utf8)) else {
            throw MutationError(description: "'\(old)' is not in \(path): the fixture changed, update the case")
        }
        var changed = data
        changed.replaceSubrange(range, with: bytes)
        try changed.write(to: url(path))
    }

    func append(_ path: String, _ text: String) throws {
        try appendBytes(path, Array(text.utf8))
    }

    func appendBytes(_ path: String, _ bytes: [UInt8]) throws {
        try (try Data(contentsOf: url(path)) + bytes).write(to: url(path))
    }

    func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        try writeData(path, Data(bytes))
    }

    func writeData(_ path: String, _ data: Data) throws {
        try FileManager.default.createDirectory(
            at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url(path))
    }

    func symlink(_ path: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: url(path).path, withDestinationPath: destination)
    }

    /// Creates an empty file whose name is raw bytes (which need not be UTF-8), relative to the site.
    func createFile(named bytes: [UInt8]) throws {
        let path = Array(root.path.utf8) + [UInt8(ascii: "/")] + bytes + [0]
        let descriptor = path.withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644)
        }
        guard descriptor >= 0 else { throw MutationError(description: "cannot create the file: errno \(errno)") }
        close(descriptor)
    }

    func makeFIFO(_ path: String) throws {
        guard mkfifo(url(path).path, 0o644) == 0 else {
            throw MutationError(description: "mkfifo \(path) failed: errno \(errno)")
        }
    }
}
