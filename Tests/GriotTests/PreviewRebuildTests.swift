import Foundation
import Synchronization
import Testing

@testable import Griot

/// The preview's invariant: whatever an editor does, in whatever order, the preview's folder —
/// rebuilt after every save from what the builds before it remembered — holds exactly what a cold
/// build of the same files writes.
@Suite("Preview rebuilds")
struct PreviewRebuildTests {
    @Test("after any sequence of edits, the preview's folder is byte for byte a cold build's")
    func previewMatchesColdBuilds() throws {
        var generator = SeededGenerator(seed: 2012)
        let site = try FixtureSite()
        defer { site.remove() }
        var editor = SiteEditor(site: site)
        try editor.generate(countries: 6, topics: 3, using: &generator)

        var options = BuildOptions(siteDirectory: site.root, outputDirectory: site.url(".griot/preview"), baseURL: "/")
        options.writesInPlace = true
        let preview = Builder(options: options)
        var memory = BuildMemory()
        try #require(preview.build(remembering: &memory).succeeded)

        var rebuilds = 0
        for sequence in 0..<200 {
            var names: [String] = []
            var last: BuildReport?
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let edit = try editor.randomEdit(using: &generator)
                names.append(edit.name)
                for (index, step) in edit.steps.enumerated() {
                    // Every other sequence, the build is told which files changed, as the
                    // preview's watcher tells it, and looks at no other file.
                    let told = sequence.isMultiple(of: 2)
                    let before = told ? FixtureSite.snapshot(options.contentDirectory) : [:]
                    try step()
                    if told {
                        let after = FixtureSite.snapshot(options.contentDirectory)
                        memory.changedPaths = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
                            .map { options.contentDirectory.path + $0 }
                    }
                    // Now and then a rebuild is stopped part way, as when newer changes arrive,
                    // and the next one (told of no newer change) must mend what it skipped.
                    if Int.random(in: 0..<3, using: &generator) == 0 {
                        let limit = Int.random(in: 0...40, using: &generator)
                        let asked = Atomic<Int>(0)
                        var stopping = options
                        stopping.shouldStop = { asked.add(1, ordering: .relaxed).newValue > limit }
                        _ = Builder(options: stopping).build(remembering: &memory)
                        if told { memory.changedPaths = [] }
                    }
                    let report = preview.build(remembering: &memory)
                    rebuilds += 1
                    if edit.breaksFirst && index == 0 {
                        #expect(
                            !report.succeeded, "sequence \(sequence), \(edit.name): the broken file was not reported")
                    }
                    last = report
                }
            }
            let sequenceName = "sequence \(sequence) (\(names.joined(separator: ", ")))"
            try #require(last?.errors.isEmpty == true, "\(sequenceName): \(last?.errors ?? [])")

            let cold = site.url("cold")
            try? FileManager.default.removeItem(at: cold)
            try? FileManager.default.removeItem(at: site.url(".cold.griot"))
            let coldReport = Builder(
                options: BuildOptions(siteDirectory: site.root, outputDirectory: cold, baseURL: "/")
            )
            .build()
            try #require(coldReport.succeeded, "\(sequenceName): \(coldReport.errors)")
            let previewFiles = FixtureSite.snapshot(options.outputDirectory)
            let coldFiles = FixtureSite.snapshot(cold)
            let differing = Set(previewFiles.keys).union(coldFiles.keys).filter { previewFiles[$0] != coldFiles[$0] }
            try #require(
                differing.isEmpty, "\(sequenceName): the preview differs from a cold build in \(differing.sorted())")
        }
        #expect(rebuilds >= 400)
    }

    @Test(
        "a rebuild after one sentence renders that page, its search entry and the shard of its new word; nothing else")
    func rebuildIsNarrow() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let folder = site.url(".griot/preview")
        var options = BuildOptions(siteDirectory: site.root, outputDirectory: folder)
        options.writesInPlace = true
        let preview = Builder(options: options)
        var memory = BuildMemory()
        try #require(preview.build(remembering: &memory).succeeded)
        let before = FixtureSite.snapshot(folder)
        let alpha = "content/countries/alpha.md"
        try site.write(alpha, try site.read(alpha).replacingOccurrences(of: "long ties", with: "long, steady ties"))
        let edited = preview.build(remembering: &memory)
        let after = FixtureSite.snapshot(folder)
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        let entry = try SearchIndexTests.entryPath(in: folder, "countries/alpha")
        #expect(changed == ["/countries/alpha/index.html", "/" + entry, "/search/terms/st.js"])
        #expect(edited.outputsRendered == 3)
        #expect(edited.filesChanged == 3)
        #expect(preview.build(remembering: &memory).outputsRendered == 0)
    }

    @Test("a rebuild stopped for newer changes writes the pages first; edits undone after it leave nothing of it")
    func undoneAfterStoppedRebuild() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let folder = site.url(".griot/preview")
        var options = BuildOptions(siteDirectory: site.root, outputDirectory: folder, baseURL: "/")
        options.writesInPlace = true
        var memory = BuildMemory()
        try #require(Builder(options: options).build(remembering: &memory).succeeded)
        let before = FixtureSite.snapshot(folder)
        let alpha = "content/countries/alpha.md"
        let original = try site.read(alpha)
        try site.write(alpha, original.replacingOccurrences(of: "title: Alpha", with: "title: Omega"))
        try site.write(
            "content/countries/epsilon.md", original.replacingOccurrences(of: "title: Alpha", with: "title: Epsilon"))
        // Newer changes wait from the start: the site-wide outputs are left for the next build.
        var stopping = options
        stopping.shouldStop = { true }
        let stopped = Builder(options: stopping).build(remembering: &memory)
        #expect(stopped.wasStopped)
        #expect(try site.read(".griot/preview/index.html").contains("Omega"))
        #expect(try site.read(".griot/preview/countries/epsilon/index.html").contains("Epsilon"))
        #expect(!(try site.read(".griot/preview/timeline/index.html").contains("Omega")))
        try site.write(alpha, original)
        try FileManager.default.removeItem(at: site.url("content/countries/epsilon.md"))
        #expect(Builder(options: options).build(remembering: &memory).succeeded)
        let after = FixtureSite.snapshot(folder)
        let differing = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        #expect(differing.isEmpty, "\(differing.sorted())")
    }

    @Test(
        "told what a watcher saw, a rebuild still looks at a page reached through a link, whose target changes unseen")
    func linkedPagesAreAlwaysLookedAt() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let alpha = "content/countries/alpha.md"
        try site.write("elsewhere/alpha.md", try site.read(alpha))
        try FileManager.default.removeItem(at: site.url(alpha))
        try FileManager.default.createSymbolicLink(
            atPath: site.url(alpha).path, withDestinationPath: site.url("elsewhere/alpha.md").path)
        var options = BuildOptions(siteDirectory: site.root, outputDirectory: site.url(".griot/preview"))
        options.writesInPlace = true
        let preview = Builder(options: options)
        var memory = BuildMemory()
        try #require(preview.build(remembering: &memory).succeeded)
        try site.write(
            "elsewhere/alpha.md",
            try site.read("elsewhere/alpha.md").replacingOccurrences(of: "long ties", with: "very long ties"))
        // The watcher sees no change under content/: the link itself did not change.
        memory.changedPaths = []
        #expect(preview.build(remembering: &memory).succeeded)
        let page = try site.read(".griot/preview/countries/alpha/index.html")
        #expect(page.contains("very long ties"))
    }

    @Test("a kind's folder made while the preview runs is listed, though the watcher names only the folder")
    func folderMadeLaterIsListed() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(!FileManager.default.fileExists(atPath: site.url("content/pages").path))
        var options = BuildOptions(siteDirectory: site.root, outputDirectory: site.url(".griot/preview"))
        options.writesInPlace = true
        let preview = Builder(options: options)
        var memory = BuildMemory()
        try #require(preview.build(remembering: &memory).succeeded)
        // Told nothing changed, a rebuild takes the missing folder to be missing still.
        memory.changedPaths = []
        try #require(preview.build(remembering: &memory).succeeded)
        try site.write(
            "content/pages/colophon.md",
            "---\ntitle: Colophon\nsummary: How the site is made.\nsources:\n  - title: Its makers\n---\nMade here.\n")
        memory.changedPaths = [site.url("content/pages").path]
        #expect(preview.build(remembering: &memory).succeeded)
        #expect(FileManager.default.fileExists(atPath: site.url(".griot/preview/colophon/index.html").path))
    }
}

/// Writes a generated site's pages and changes them as an editor would: one page at a time,
/// every edit leaving the site valid (except those meant to break a link or a file, then mend it).
struct SiteEditor {
    /// A page the editor owns, written out whole after each change.
    struct Page {
        var kind: PageKind
        var slug: String
        var title: String
        var summary: String
        var region: String
        var events: [(date: String, title: String)]
        /// Content-relative files this page links to, with an optional anchor: `countries/alpha.md#history`.
        var links: [String]
        var headings: [String]
        var paragraphs: [String]
        var draft = false

        var path: String { "content/\(kind.folder)/\(slug).md" }

        var text: String {
            var text = "---\ntitle: \"\(title)\"\nsummary: \"\(summary)\"\n"
            if kind == .country { text += "region: \(region)\n" }
            if draft { text += "draft: true\n" }
            if !events.isEmpty {
                text += "events:\n"
                for event in events { text += "  - date: \"\(event.date)\"\n    title: \"\(event.title)\"\n" }
            }
            text += "sources:\n  - title: Generated source\n---\n"
            text += paragraphs.joined(separator: "\n\n") + "\n"
            for (index, link) in links.enumerated() { text += "\nSee [link \(index)](../\(link)).\n" }
            for heading in headings { text += "\n## \(heading)\n\nText under \(heading).\n" }
            return text
        }
    }

    /// One change an editor makes: files written in steps, each followed by a rebuild.
    struct Edit {
        var name: String
        var steps: [() throws -> Void]
        /// The first step breaks the site (a link, a file) and the second mends it.
        var breaksFirst = false
    }

    let site: FixtureSite
    private(set) var pages: [String: Page] = [:]
    /// Pages turned draft, out of the site until published again.
    private var drafts: [String: Page] = [:]
    private var counter = 0

    static let words = [
        "river", "treaty", "embassy", "harvest", "desert", "council", "market", "border", "salt", "gold",
        "caravan", "archive", "delta", "plateau", "accord", "envoy",
    ]
    static let regions = ["North Region", "South Region", "East Region"]
    /// Pages of the fixture site other pages may link to.
    static let fixtureTargets = [
        "countries/alpha.md", "countries/beta.md", "topics/river-pact.md", "countries/alpha.md#history",
    ]

    init(site: FixtureSite) {
        self.site = site
    }

    mutating func generate(countries: Int, topics: Int, using generator: inout SeededGenerator) throws {
        for index in 0..<(countries + topics) {
            let page = newPage(index < countries ? .country : .topic, using: &generator)
            pages[page.path] = page
            try write(page)
        }
    }

    private mutating func newPage(_ kind: PageKind, using generator: inout SeededGenerator) -> Page {
        counter += 1
        let name = Self.phrase(2, using: &generator)
        return Page(
            kind: kind, slug: "\(Slug.make(from: name))-\(counter)", title: name.capitalized,
            summary: "About \(name).", region: Self.regions.randomElement(using: &generator)!,
            events: [(Self.date(using: &generator), "The \(name) begins")],
            links: [Self.fixtureTargets.randomElement(using: &generator)!],
            headings: ["\(Self.phrase(1, using: &generator).capitalized) \(counter)"],
            paragraphs: ["The \(Self.phrase(3, using: &generator)) is described here."])
    }

    private func write(_ page: Page) throws {
        try site.write(page.path, page.text)
    }

    private static func phrase(_ count: Int, using generator: inout SeededGenerator) -> String {
        (0..<count).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
    }

    private static func date(using generator: inout SeededGenerator) -> String {
        let year = Int.random(in: 1900...2024, using: &generator)
        let month = Int.random(in: 0...12, using: &generator)
        return month == 0 ? "\(year)" : String(format: "%d-%02d", year, month)
    }

    /// The content-relative file of `page`: `countries/x.md`.
    private static func file(of page: Page) -> String { "\(page.kind.folder)/\(page.slug).md" }

    /// Pages no other generated page (nor draft) links to, which can go or change name without a
    /// broken link.
    private var unlinkedPages: [String] {
        pages.keys.sorted().filter { path in
            let file = String(path.dropFirst("content/".count))
            // Drafts count: one published again must find what it links to.
            return !(Array(pages.values) + drafts.values).contains {
                $0.links.contains { $0 == file || $0.hasPrefix(file + "#") }
            }
        }
    }

    /// A random edit; it has already updated the editor's model, and writes files when run.
    mutating func randomEdit(using generator: inout SeededGenerator) throws -> Edit {
        let site = self.site
        let paths = pages.keys.sorted()
        let path = paths.randomElement(using: &generator)!
        var page = pages[path]!
        func rewrite(_ name: String, _ change: (inout Page) -> Void) -> Edit {
            change(&page)
            pages[path] = page
            let text = page.text
            return Edit(name: name, steps: [{ try site.write(path, text) }])
        }
        switch Int.random(in: 0..<17, using: &generator) {
        case 0:
            let sentence = "More on the \(Self.phrase(2, using: &generator))."
            return rewrite("body") { $0.paragraphs.append(sentence) }
        case 1:
            let title = Self.phrase(2, using: &generator).capitalized
            return rewrite("title") { $0.title = title }
        case 2:
            let summary = "Now about the \(Self.phrase(2, using: &generator))."
            return rewrite("summary") { $0.summary = summary }
        case 3:
            let date = Self.date(using: &generator)
            return rewrite("event date") { if !$0.events.isEmpty { $0.events[0].date = date } }
        case 4:
            let event = (Self.date(using: &generator), "The \(Self.phrase(2, using: &generator)) is noted")
            return rewrite("event added") { $0.events.append(event) }
        case 5:
            return rewrite("event removed") { if !$0.events.isEmpty { $0.events.removeLast() } }
        case 6:
            let region = Self.regions.randomElement(using: &generator)!
            return rewrite("region") { $0.region = region }
        case 7:
            let heading =
                "\(Self.phrase(1, using: &generator).capitalized) \(Int.random(in: 100...999, using: &generator))"
            return rewrite("heading added") { if !$0.headings.contains(heading) { $0.headings.append(heading) } }
        case 8:
            // A link to another page, to one of its headings when it has one.
            let target = pages[paths.randomElement(using: &generator)!]!
            let anchor = target.headings.randomElement(using: &generator).map { "#" + Slug.make(from: $0) } ?? ""
            return rewrite("link added") { $0.links.append(Self.file(of: target) + anchor) }
        case 9:
            let kind: PageKind = Bool.random(using: &generator) ? .country : .topic
            var new = newPage(kind, using: &generator)
            if let other = paths.randomElement(using: &generator) { new.links.append(String(other.dropFirst(8))) }
            pages[new.path] = new
            let text = new.text
            let newPath = new.path
            return Edit(name: "new page", steps: [{ try site.write(newPath, text) }])
        case 10:
            guard let gone = unlinkedPages.randomElement(using: &generator), pages.count > 4 else {
                return try randomEdit(using: &generator)
            }
            pages[gone] = nil
            return Edit(name: "page deleted", steps: [{ try FileManager.default.removeItem(at: site.url(gone)) }])
        case 11:
            guard let old = unlinkedPages.randomElement(using: &generator) else {
                return try randomEdit(using: &generator)
            }
            var renamed = pages.removeValue(forKey: old)!
            counter += 1
            renamed.slug += "-renamed-\(counter)"
            pages[renamed.path] = renamed
            let (newPath, text) = (renamed.path, renamed.text)
            return Edit(
                name: "page renamed",
                steps: [
                    {
                        try FileManager.default.moveItem(at: site.url(old), to: site.url(newPath))
                        try site.write(newPath, text)
                    }
                ])
        case 12:
            let footer = "templates/partials/footer.mustache"
            return Edit(
                name: "template",
                steps: [
                    {
                        let text = try site.read(footer)
                        try site.write(
                            footer,
                            text.contains("Built with Griot.")
                                ? text.replacingOccurrences(of: "Built with Griot.", with: "Made with Griot.")
                                : text.replacingOccurrences(of: "Made with Griot.", with: "Built with Griot."))
                    }
                ])
        case 13:
            let asset = "templates/assets/extra-\(Int.random(in: 1...3, using: &generator)).css"
            let css = "body { margin: \(Int.random(in: 0...9, using: &generator))px; }\n"
            let removes = Bool.random(using: &generator)
            return Edit(
                name: removes ? "asset removed" : "asset written",
                steps: [
                    {
                        if removes {
                            try? FileManager.default.removeItem(at: site.url(asset))
                        } else {
                            try site.write(asset, css)
                        }
                    }
                ])
        case 14:
            // A page no other links to turns draft (it leaves the site, and the editor leaves it
            // alone), or a draft is published again.
            if let (draftPath, draft) = drafts.first, Bool.random(using: &generator) {
                drafts[draftPath] = nil
                var published = draft
                published.draft = false
                pages[draftPath] = published
                let text = published.text
                return Edit(name: "draft published", steps: [{ try site.write(draftPath, text) }])
            }
            guard let quiet = unlinkedPages.randomElement(using: &generator), pages.count > 4 else {
                return try randomEdit(using: &generator)
            }
            var draft = pages.removeValue(forKey: quiet)!
            draft.draft = true
            drafts[quiet] = draft
            let text = draft.text
            return Edit(name: "page turned draft", steps: [{ try site.write(quiet, text) }])
        case 15:
            // A file that cannot be loaded at all (its front matter is not YAML), then mended.
            let good = page.text
            let bad = good.replacingOccurrences(of: "title: \"", with: "title: [\"")
            return Edit(
                name: "page unreadable then mended",
                steps: [{ try site.write(path, bad) }, { try site.write(path, good) }], breaksFirst: true)
        default:
            let good = page.text
            var broken = page
            broken.links.append("countries/nowhere.md")
            let bad = broken.text
            return Edit(
                name: "link broken then mended",
                steps: [{ try site.write(path, bad) }, { try site.write(path, good) }], breaksFirst: true)
        }
    }
}
