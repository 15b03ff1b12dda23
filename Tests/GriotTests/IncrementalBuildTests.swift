import Foundation
import Testing

@testable import Griot

/// A rebuild renders only the outputs whose inputs changed, and the site it leaves is always
/// exactly the one a fresh build makes.
@Suite("Incremental builds", .serialized)
struct IncrementalBuildTests {
    static let alpha = "content/countries/alpha.md"
    static let gamma = "content/countries/gamma.md"
    static let pact = "content/topics/river-pact.md"

    /// One change an editor could make, and whether it is expected to keep the build valid.
    struct Edit: Sendable {
        var name: String
        var apply: @Sendable (FixtureSite) throws -> Void
    }

    static func replace(_ site: FixtureSite, _ path: String, _ old: String, _ new: String) throws {
        // An edit that does not apply yet (its file or text comes with a later edit) does nothing.
        guard let text = try? site.read(path), text.contains(old) else { return }
        try site.write(path, text.replacingOccurrences(of: old, with: new))
    }

    static let edits: [Edit] = [
        Edit(name: "body sentence") { try replace($0, alpha, "have long ties", "have long ties, and more") },
        Edit(name: "body sentence back") { try replace($0, alpha, "have long ties, and more", "have long ties") },
        Edit(name: "title") { try replace($0, gamma, "title: Gamma", "title: Gamma Land") },
        Edit(name: "title back") { try replace($0, gamma, "title: Gamma Land", "title: Gamma") },
        Edit(name: "summary") { try replace($0, pact, "summary: The river pact", "summary: Now the river pact") },
        Edit(name: "event date") { try replace($0, alpha, "\"1963-07\"", "\"1963-08\"") },
        Edit(name: "event date back") { try replace($0, alpha, "\"1963-08\"", "\"1963-07\"") },
        Edit(name: "new page") {
            try $0.write(
                "content/countries/zeta.md",
                "---\ntitle: Zeta\nsummary: Zeta.\nregion: South Region\nsources:\n  - title: Z\n---\nSee [Alpha](alpha.md).\n"
            )
        },
        Edit(name: "page removed") { try? FileManager.default.removeItem(at: $0.url("content/countries/zeta.md")) },
        Edit(name: "template") {
            try replace($0, "templates/partials/footer.mustache", "Built with Griot.", "Made with Griot.")
        },
        Edit(name: "template back") {
            try replace($0, "templates/partials/footer.mustache", "Made with Griot.", "Built with Griot.")
        },
        Edit(name: "plain page") {
            try $0.write(
                "content/pages/about.md",
                "---\ntitle: About\nmenu: About\nsummary: A.\nsources:\n  - title: A\n---\nAbout.\n")
        },
        Edit(name: "menu label") { try replace($0, "content/pages/about.md", "menu: About", "menu: Colophon") },
        Edit(name: "region") { try replace($0, gamma, "region: North Region", "region: South Region") },
        Edit(name: "region back") { try replace($0, gamma, "region: South Region", "region: North Region") },
        Edit(name: "home text") { try replace($0, "content/index.md", "Welcome.", "Welcome, reader.") },
        Edit(name: "relation date") { try replace($0, alpha, "\"1960-08-20\"", "\"1960-09\"") },
        Edit(name: "link added") {
            try replace($0, gamma, "\n---\n", "\n---\nSee [River Pact](../topics/river-pact.md).\n")
        },
    ]

    @Test("every rebuild, whatever changed, leaves exactly the site a fresh build makes")
    func rebuildsMatchFreshBuilds() throws {
        var generator = SeededGenerator(seed: 1963)
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build(baseURL: "https://example.org/atlas/").succeeded)
        for step in 0..<40 {
            let edit = Self.edits.randomElement(using: &generator)!
            try edit.apply(site)
            let incremental = site.build(baseURL: "https://example.org/atlas/")
            try #require(incremental.errors.isEmpty, "step \(step), \(edit.name): \(incremental.errors)")
            let fresh = try FixtureSite()
            defer { fresh.remove() }
            try FileManager.default.removeItem(at: fresh.url("content"))
            try FileManager.default.removeItem(at: fresh.url("templates"))
            try FileManager.default.copyItem(at: site.url("content"), to: fresh.url("content"))
            try FileManager.default.copyItem(at: site.url("templates"), to: fresh.url("templates"))
            #expect(fresh.build(baseURL: "https://example.org/atlas/").succeeded)
            #expect(
                FixtureSite.snapshot(site.output) == FixtureSite.snapshot(fresh.output),
                "step \(step), after '\(edit.name)': the rebuilt site differs from a fresh build")
        }
    }

    @Test("a reworded sentence renders its page and search entry; nothing changed renders nothing; a template renders all")
    func rendersOnlyWhatChanged() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let first = site.build()
        #expect(first.outputsRendered > 0)
        #expect(site.build().outputsRendered == 0)
        // The same words in another order: the search index's shards stay as they were.
        try Self.replace(site, Self.alpha, "have long ties", "have ties, long")
        let edited = site.build()
        #expect(edited.outputsRendered == 2)
        #expect(edited.filesChanged == 2)
        try Self.replace(site, "templates/partials/footer.mustache", "Built with Griot.", "Made with Griot.")
        #expect(site.build().outputsRendered == first.outputsRendered)
    }

    @Test("fingerprints recorded for another tree than the output are not trusted")
    func staleRecordIgnored() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let first = site.build()
        // As if a build had been killed after recording its staging tree but before the swap.
        let record = site.url(".public.griot/fingerprints")
        var lines = try site.read(".public.griot/fingerprints").split(separator: "\n", omittingEmptySubsequences: false)
        lines[0] = "griot fingerprints 1 1 1"
        try Data(lines.joined(separator: "\n").utf8).write(to: record)
        #expect(site.build().outputsRendered == first.outputsRendered)
    }
}
