import Foundation
import Testing

@testable import Griot

@Suite("The output graph: every file of the site declares exactly what it reads")
struct OutputGraphTests {
    static func sites() throws -> [(String, Site, Templates)] {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        var sites: [(String, Site, Templates)] = []
        for (name, root) in [("fixture", fixture.root), ("shipped content", FixtureSite.repositoryRoot)] {
            let report = Builder(options: BuildOptions(siteDirectory: root, baseURL: "https://example.org/atlas/"))
                .check()
            let site = try #require(report.site)
            let templates = try #require(Templates.load(from: root.appendingPathComponent("templates")).0)
            sites.append((name, site, templates))
        }
        return sites
    }

    @Test("rendering an output reads its declared inputs, all of them and nothing else")
    func declaredInputsAreExact() throws {
        for (name, site, templates) in try Self.sites() {
            let graph = OutputGraph(site: site)
            #expect(
                graph.outputs.count == site.pages.count + 19 + site.search.keys.count
                    + site.tables.searchBundles.filter { !$0.isEmpty }.count,
                "\(name): pages, home, timeline, relations, 404, sitemap, robots.txt, the countries and the topics, five exports and three schemas; the search page, its manifest, its shards and the bundles of page entries"
            )
            for output in graph.outputs {
                let recorder = InputRecorder()
                _ = output.render(SiteReader(site: site, templates: templates, recorder: recorder))
                let declared = output.inputs(in: site)
                let undeclared = recorder.recorded.subtracting(declared)
                let unread = declared.subtracting(recorder.recorded)
                #expect(undeclared.isEmpty, "\(name): \(output.path) reads undeclared \(undeclared)")
                #expect(unread.isEmpty, "\(name): \(output.path) declares unread \(unread)")
            }
        }
    }

    @Test(
        "a page's output depends on its own file and on the titles and summaries of the pages it lists, not on others")
    func pageInputsAreNarrow() throws {
        let (_, site, _) = try #require(try Self.sites().first)
        let alpha = PageID(.country, "alpha")
        let inputs = PageOutput(id: alpha).inputs(in: site)
        #expect(inputs.contains(.page(alpha, .all)))
        #expect(inputs.contains(.page(PageID(.topic, "river-pact"), .title)))
        #expect(!inputs.contains(.page(PageID(.topic, "river-pact"), .all)))
        #expect(!inputs.contains(.timeline))
        #expect(
            !inputs.contains(.page(PageID(.country, "gamma"), .title)), "alpha neither lists nor is linked from gamma")
    }

    @Test(
        "the timeline's outputs read the timeline, which carries its pages' titles, not each page's title: a retitled page changes the timeline"
    )
    func timelineOutputsReadNoPage() throws {
        for (name, site, _) in try Self.sites() {
            let outputs: [any SiteOutput] = [TimelineOutput(), TimelineJSOutput(), TimelineExportOutput()]
            for output in outputs {
                let titles = output.inputs(in: site).filter { if case .page(_, .title) = $0 { true } else { false } }
                #expect(titles.isEmpty, "\(name): \(output.path) declares \(titles)")
            }
            let dated = try #require(site.pages.firstIndex { !$0.events.isEmpty })
            var retitled = site.pages
            retitled[dated][dynamicMember: \.title] += " (renamed)"
            #expect(Timeline.source(of: retitled[dated]) != Timeline.source(of: site.pages[dated]), "\(name)")
            let entry = try #require(Timeline(pages: retitled).entries.first { $0.page == site.pages[dated].id })
            #expect(entry.pageTitle == retitled[dated].title)
        }
    }

    @Test("the graph's paths are the site's files: unique, and exactly what a build writes besides assets")
    func pathsMatchTheBuild() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let report = fixture.build()
        let site = try #require(report.site)
        let paths = OutputGraph(site: site).outputs.map(\.path)
        #expect(Set(paths).count == paths.count)
        let written = Set(FixtureSite.snapshot(fixture.output).keys.map { String($0.dropFirst()) })
        #expect(written.subtracting(paths).allSatisfy { $0.hasPrefix("assets/") })
        #expect(written.isSuperset(of: ["assets/style.css", "assets/favicon.svg", "assets/search.js"]))
        #expect(Set(paths).isSubset(of: written))
    }
}
