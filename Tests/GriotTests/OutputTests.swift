import Foundation
import Testing

@testable import Griot

@Suite("Writing the site")
struct OutputTests {
    @Test("a failed build leaves the previous output exactly as it was")
    func failedBuildKeepsOutput() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(fixture.build().succeeded)
        let before = FixtureSite.snapshot(fixture.output)
        #expect(!before.isEmpty)
        let path = "content/countries/gamma.md"
        let original = try fixture.read(path)
        try fixture.write(path, original + "\n[broken](nowhere.md)\n")
        let report = fixture.build()
        #expect(!report.succeeded)
        #expect(report.pagesWritten == 0)
        #expect(FixtureSite.snapshot(fixture.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).filter {
            $0.hasPrefix(".public") && $0 != ".public.griot"
        }
        #expect(leftovers.isEmpty)
    }

    @Test("a successful build replaces the whole output, dropping pages that no longer exist")
    func swapReplacesOutput() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(fixture.build().succeeded)
        try FileManager.default.removeItem(at: fixture.url("content/countries/gamma.md"))
        try fixture.write(
            "content/topics/river-pact.md",
            try fixture.read("content/topics/river-pact.md")
                .replacingOccurrences(of: "countries: [gamma]", with: "countries: []")
                .replacingOccurrences(of: "[Gamma](../countries/gamma.md)", with: "Gamma"))
        #expect(fixture.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent("countries/gamma").path))
        #expect(
            FileManager.default.fileExists(
                atPath: fixture.output.appendingPathComponent("countries/alpha/index.html").path))
    }

    @Test("rebuilds that reuse the previous site's files give exactly what a fresh build gives")
    func reusedStagingMatchesFreshBuild() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        for _ in 0..<3 {
            let built = fixture.build()
            #expect(built.succeeded, "\(built.errors)")
        }
        #expect(FileManager.default.fileExists(atPath: fixture.url(".public.griot/staging/index.html").path))
        // Change the site between builds: a page goes, a page comes, a page changes.
        try FileManager.default.removeItem(at: fixture.url("content/countries/gamma.md"))
        try fixture.write(
            "content/topics/river-pact.md",
            try fixture.read("content/topics/river-pact.md")
                .replacingOccurrences(of: "countries: [gamma]", with: "countries: []")
                .replacingOccurrences(of: "[Gamma](../countries/gamma.md)", with: "Gamma"))
        try fixture.write(
            "content/countries/epsilon.md", "---\ntitle: Epsilon\nsummary: New.\nsources:\n  - title: S\n---\nText.\n")
        try fixture.write("public/stray.txt", "left by hand")
        #expect(fixture.build().succeeded)
        #expect(fixture.build().succeeded)
        let fresh = fixture.url("fresh")
        #expect(Builder(options: BuildOptions(siteDirectory: fixture.root, outputDirectory: fresh)).build().succeeded)
        #expect(FixtureSite.snapshot(fixture.output) == FixtureSite.snapshot(fresh))
    }

    @Test("a build never writes through a symbolic link planted in its output or working folders")
    func neverFollowsPlantedLinks() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        #expect(fixture.build().succeeded)
        #expect(fixture.build().succeeded)
        try fixture.write("outside/victim.txt", "precious")
        try fixture.write("outside/folder/keep.txt", "also precious")
        let outsideBefore = FixtureSite.snapshot(fixture.url("outside"))
        let contentBefore = FixtureSite.snapshot(fixture.url("content"))
        let fileManager = FileManager.default
        func plant(_ path: String, pointingAt target: String) throws {
            let link = fixture.url(path)
            try? fileManager.removeItem(at: link)
            try fileManager.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fileManager.createSymbolicLink(atPath: link.path, withDestinationPath: fixture.url(target).path)
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        for tree in ["public", ".public.griot/staging", ".public.spare"] {
            try plant("\(tree)/index.html", pointingAt: "outside/victim.txt")
            try plant("\(tree)/countries/alpha/index.html", pointingAt: "content/countries/alpha.md")
            try plant("\(tree)/countries/beta", pointingAt: "outside/folder")
            try plant("\(tree)/assets", pointingAt: "outside/folder")
            try plant("\(tree)/timeline/index.html", pointingAt: "outside/folder/keep.txt")
        }
        try plant("public/.griot-output", pointingAt: "outside/victim.txt")
        try plant(".public.staging-\(pid)", pointingAt: "outside/folder")
        try plant(".public.old-\(pid)", pointingAt: "outside/folder")
        try plant(".public.griot/previous", pointingAt: "outside/folder")
        try plant(".public.griot/trees", pointingAt: "outside/victim.txt")
        try plant(".public.griot/lock", pointingAt: "outside/victim.txt")
        for _ in 0..<3 {
            let built = fixture.build()
            #expect(built.succeeded, "\(built.errors)")
        }
        #expect(FixtureSite.snapshot(fixture.url("outside")) == outsideBefore)
        #expect(FixtureSite.snapshot(fixture.url("content")) == contentBefore)
        let fresh = fixture.url("fresh")
        #expect(Builder(options: BuildOptions(siteDirectory: fixture.root, outputDirectory: fresh)).build().succeeded)
        #expect(FixtureSite.snapshot(fixture.output) == FixtureSite.snapshot(fresh))
    }

    @Test("the output may not be the site, content/ or templates/, nor a folder griot did not make")
    func refusesUnsafeOutput() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        for output in [fixture.root, fixture.url("content"), fixture.url("templates/out")] {
            let report = Builder(options: BuildOptions(siteDirectory: fixture.root, outputDirectory: output)).build()
            #expect(report.errors.contains { $0.message.hasPrefix("refusing to write the site") }, "\(output.path)")
        }
        let foreign = fixture.url("elsewhere")
        try fixture.write("elsewhere/notes.txt", "mine")
        let report = Builder(options: BuildOptions(siteDirectory: fixture.root, outputDirectory: foreign)).build()
        #expect(report.errors.first?.message.contains("was not written by griot") == true)
        #expect(try fixture.read("elsewhere/notes.txt") == "mine")
    }
}

@Suite("Templates")
struct TemplateTests {
    @Test("a template syntax error names the template, line and column")
    func syntaxError() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.write(
            "templates/topic.mustache", "{{<base}}\n{{$content}}\n<h1>{{title}</h1>\n{{/content}}\n{{/base}}\n")
        let error = try #require(fixture.check().errors.first)
        #expect(error.file == "templates/topic.mustache")
        #expect(error.line == 3)
        #expect(error.message.hasPrefix("template syntax error"))
    }

    @Test("a missing partial is an error, not silent empty output")
    func missingPartial() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let path = "templates/country.mustache"
        try fixture.write(
            path,
            try fixture.read(path).replacingOccurrences(of: "{{> partials/page-body}}", with: "{{> partials/page-bdy}}")
        )
        let error = try #require(fixture.check().errors.first)
        #expect(error.file == path)
        #expect(error.message == "the template uses 'partials/page-bdy', which does not exist")
        #expect(error.hint == "did you mean 'partials/page-body'?")
    }

    @Test("a missing page template is reported")
    func missingTemplate() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.url("templates/timeline.mustache"))
        #expect(fixture.check().errors.contains { $0.message == "missing template 'timeline'" })
    }
}
