import Foundation
import Testing

@testable import Griot

/// `griot new` with the names editors actually type: whatever the name, the page it writes is
/// valid YAML and Markdown, builds, and shows the name as typed.
@Suite("griot new with awkward names")
struct ScaffoldNameTests {
    @Test(
        "the scaffold of an awkward name builds and keeps the name",
        arguments: [
            ("country", "The \"Quoted\" Republic", nil),
            ("topic", "Back\\slash: a \\n study", nil),
            ("country", "Colon: The Sequel # not a comment", nil),
            ("topic", "#1 partner", nil),
            ("country", "- Leading dash", nil),
            ("topic", "* star, _under_ [link](x) <b>", nil),
            ("country", "🇲🇱 Mali 🌍", nil),
            ("country", "مالي والعالم", "mali-arabic"),
            ("page", "Notes & \"Sources\"", nil),
        ] as [(String, String, String?)])
    func awkwardName(kind: String, name: String, slug: String?) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        // `--` lets a name start with a dash.
        let created = try CLI.run(
            ["new", kind, "--site", site.root.path] + (slug.map { ["--slug", $0] } ?? []) + ["--", name])
        #expect(created.status == 0, "\(created.stderr)")
        let report = site.build(drafts: true)
        #expect(report.errors.isEmpty, "\(report.errors)")
        let made = try #require(report.site?.pages.first { $0.title == name }, "no page titled \(name)")
        #expect(Slug.isValid(made.slug))
        #expect(made.summary.hasPrefix(name))
        let page = try site.page(made.id.path + "index.html")
        #expect(page.first("h1")?.text == name)
        if kind != "page" {
            let opening = page.first(".prose p")?.text ?? ""
            #expect(opening.contains(name), "the opening sentence shows the name as typed, not as Markdown: \(opening)")
        }
    }

    @Test("YAML quoting escapes what YAML would otherwise read differently")
    func quoting() {
        #expect(PageScaffold.doubleQuoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(PageScaffold.doubleQuoted("tab\there\u{1B}") == "\"tab\\there\\u001B\"")
        #expect(PageScaffold.doubleQuoted("line\u{2028}end") == "\"line\\u2028end\"")
    }
}
