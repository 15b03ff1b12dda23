import Foundation
import Testing

@testable import Griot

/// `griot build --portable`: a site that works from any folder and from `file://`.
@Suite("Portable builds")
struct PortableBuildTests {
    @Test("every link of a portable build is relative, names a file that exists, and its anchor is there")
    func crawl() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write(
            "content/countries/alpha.md",
            try site.read("content/countries/alpha.md").replacingOccurrences(
                of: "iso: AL\n", with: "iso: AL\naliases: [\"/old/alpha/\"]\n"))
        let result = try CLI.run(["build", "--site", site.root.path, "--portable"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = FixtureSite.snapshot(site.output)
        let pages = files.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count >= 11)
        var checked = 0
        for (path, data) in pages {
            let page = HTML.parse(String(decoding: data, as: UTF8.self))
            let folder = URL(fileURLWithPath: site.output.path + path).deletingLastPathComponent()
            var addresses = page.select("a").compactMap { $0.attributes["href"] }
            addresses += page.select("link").filter {
                !["canonical", "alternate"].contains($0.attributes["rel"] ?? "")
            }
            .compactMap { $0.attributes["href"] }
            addresses += (page.select("script") + page.select("img")).compactMap { $0.attributes["src"] }
            if let refresh = page.select("meta").first(where: { $0.attributes["http-equiv"] == "refresh" }) {
                addresses.append(String(refresh.attributes["content"]?.split(separator: "=").last ?? ""))
            }
            for address in addresses where !address.hasPrefix("http") && !address.hasPrefix("mailto:") {
                #expect(!address.hasPrefix("/"), "\(path): \(address) starts at the root")
                let parts = address.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let file = String(parts[0])
                let target =
                    file.isEmpty
                    ? URL(fileURLWithPath: site.output.path + path)
                    : folder.appendingPathComponent(file).standardizedFileURL
                var isFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder)
                #expect(exists && !isFolder.boolValue, "\(path): \(address) names no file")
                if parts.count == 2, exists, !isFolder.boolValue,
                    let html = try? String(contentsOf: target, encoding: .utf8)
                {
                    #expect(html.contains("id=\"\(parts[1])\""), "\(path): \(address) has no such anchor")
                }
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test("a portable build and a served build of the same output never share fingerprints")
    func switchingModes() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        var options = BuildOptions(siteDirectory: site.root)
        #expect(Builder(options: options).build().succeeded)
        options.portable = true
        let portable = Builder(options: options).build()
        #expect(portable.outputsRendered > 10, "everything is rendered again for the other mode")
        #expect(try site.read("public/index.html").contains("href=\"countries/alpha/index.html\""))
    }
}

/// With a base path, nothing leaves it: links, assets, feed entries, export addresses.
@Suite("Base paths")
struct BasePathTests {
    @Test("with --base-url https://atlas.test/mali/, every address of every output stays under /mali/")
    func everythingUnderTheBase() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build(baseURL: "https://atlas.test/mali/").succeeded)
        var checked = 0
        for (path, data) in FixtureSite.snapshot(site.output) {
            let text = String(decoding: data, as: UTF8.self)
            // Every quoted address: attributes, JSON strings, XML text.
            let pattern = #"(?:href|src)="([^"]*)"|"url" : "([^"]*)"|<(?:loc|id)>([^<]*)<"#
            let regex = try NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let address =
                    (1...3).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }.first ?? ""
                if address.hasPrefix("#") || address.isEmpty { continue }
                if address.hasPrefix("https://atlas.test/") {
                    #expect(address.hasPrefix("https://atlas.test/mali/"), "\(path): \(address)")
                } else if address.hasPrefix("/") {
                    #expect(address.hasPrefix("/mali/"), "\(path): \(address)")
                } else {
                    continue
                }
                checked += 1
            }
        }
        #expect(checked > 150)
    }
}
