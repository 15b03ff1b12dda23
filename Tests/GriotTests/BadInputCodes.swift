import Foundation

// The bad inputs that complete the corpus so that every diagnostic code griot reports is produced
// at least once through the CLI (see DiagnosticCodeTests.everyCodeIsProduced).

extension BadInput {
    static let gamma = "content/countries/gamma.md"
    static let siteConfig = "content/site.yml"

    static let coded: [BadInput] = [
        BadInput(
            name: "site: no content/ folder at all",
            mutate: { try FileManager.default.removeItem(at: $0.url("content")) },
            expected: [
                "$ROOT/content: error[G101]: no content/ folder in $ROOT", "    hint: run griot in the site's folder",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "file: a file name that is not UTF-8 is said to be so, its stray byte shown",
            mutate: { try $0.createFile(named: Array("content/countries/bad-".utf8) + [0xFF] + Array("name.md".utf8)) },
            expected: [
                "content/countries/bad-\\xFFname.md: error[G108]: the file name 'bad-\\xFFname.md' is not valid UTF-8, so it cannot be a page's address"
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "file: a page whose name starts with a dot is named, not silently skipped",
            mutate: { site in try site.write("content/countries/.alpha-notes.md", try site.read(alpha)) },
            outcome: .buildsSameSite,
            expected: [
                "content/countries/.alpha-notes.md: warning[G109]: '.alpha-notes.md' is left out: a name starting with '.' is a hidden file"
            ],
            summary: "0 errors, 1 warning"),
        BadInput(
            name: "names: a plain page taking the timeline's address",
            mutate: { site in
                try site.write(
                    "content/pages/timeline.md",
                    "---\ntitle: Timeline\nsummary: Mine.\nsources:\n  - title: S\n---\nText.\n")
            },
            expected: [
                "content/pages/timeline.md: error[G112]: a plain page named 'timeline' would be published at /timeline/, which the site uses already"
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "front matter: a list instead of fields",
            mutate: { try $0.write(newPage, "---\n- title\n- summary\n---\nBody.\n") },
            expected: ["content/countries/x.md:2:1: error[G209]: ", "must be a set of 'key: value' fields"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "warning: a page without sources",
            mutate: {
                try $0.replace(in: beta, "sources:\n  - title: Beta Herald\n    publisher: Beta News\n", with: "")
            },
            outcome: .builds,
            expected: ["content/countries/beta.md:", "warning[G216]: the page lists no sources"],
            summary: "0 errors, 1 warning"),
        BadInput(
            name: "warning: a page without body text",
            mutate: {
                try $0.replace(
                    in: gamma, "Gamma's relations date from 1963; the sources give only the year.\n", with: "")
            },
            outcome: .builds,
            expected: ["content/countries/gamma.md:10:1: warning[G217]: the page has no body text"],
            summary: "0 errors, 1 warning"),
        BadInput(
            name: "warning: a pipe table",
            mutate: { try $0.append(gamma, "\n| Year | Event |\n| --- | --- |\n| 1963 | Ties |\n") },
            outcome: .builds,
            expected: ["content/countries/gamma.md:12:1: warning[G218]: this pipe table is not CommonMark"],
            summary: "0 errors, 1 warning"),
        BadInput(
            name: "updated: a year is not a day",
            mutate: { try $0.replace(in: alpha, "iso: AL\n", with: "iso: AL\nupdated: \"2024\"\n") },
            expected: [
                "content/countries/alpha.md:4:10: error[G219]: 'updated': '2024' — the day a page was last revised is a single, exact day"
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "aliases: an address on another site",
            mutate: { try $0.replace(in: alpha, "iso: AL\n", with: "iso: AL\naliases: [\"https://evil.example/\"]\n") },
            expected: ["content/countries/alpha.md:4:11: error[G220]: 'aliases': 'https://evil.example/'"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "aliases: another page's address",
            mutate: { try $0.replace(in: alpha, "iso: AL\n", with: "iso: AL\naliases: [/countries/beta/]\n") },
            expected: [
                "content/countries/alpha.md:4:11: error[G407]: the alias '/countries/beta/' is already the address of the page content/countries/beta.md"
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "relations: severed before they were established",
            mutate: { try $0.replace(in: beta, "severed: \"2024-08-04\"", with: "severed: \"1990-01-01\"") },
            expected: [
                "content/countries/beta.md:8:12: error[G224]: relations are severed (1990-01-01) before they were established (1992-11-05)"
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "links: a link to a draft is a warning",
            mutate: { try $0.append(gamma, "\nSee [Delta](delta.md).\n") },
            outcome: .builds,
            expected: [
                "content/countries/gamma.md:12:5: warning[G404]: link to 'delta.md', a draft left out of this build"
            ],
            summary: "0 errors, 1 warning"),
        BadInput(
            name: "events: a section that is not a heading of the page",
            mutate: {
                try $0.replace(
                    in: beta, "    title: Beta recalls its envoy\n",
                    with: "    title: Beta recalls its envoy\n    section: the-ruptur\n")
            },
            expected: [
                "content/countries/beta.md:12:14: error[G408]: 'section': 'the-ruptur' is not a heading of this page",
                "    hint: did you mean 'the-rupture'?",
            ],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "site.yml: empty",
            mutate: { try $0.write(siteConfig, "") },
            expected: ["content/site.yml:1:1: error[G501]: site.yml is empty"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "site.yml: a base_url that names another host",
            mutate: {
                try $0.replace(
                    in: siteConfig, "base_url: https://example.org/atlas/", with: "base_url: //evil.example/")
            },
            expected: ["content/site.yml:4:11: error[G502]: 'base_url': '//evil.example/' cannot be a base URL"],
            summary: "1 error, 0 warnings"),
        BadInput(
            name: "site.yml: a base_url that is a path leaves out the feed, with a warning",
            mutate: {
                try $0.replace(in: siteConfig, "base_url: https://example.org/atlas/", with: "base_url: /atlas/")
            },
            outcome: .builds,
            expected: ["content/site.yml: warning[G503]: base_url '/atlas/' is not an absolute address"],
            summary: "0 errors, 1 warning", check: .clean),
        BadInput(
            name: "assets: a link in templates/assets is left out, with a warning",
            mutate: { try $0.symlink("templates/assets/linked.css", to: "style.css") },
            outcome: .buildsSameSite,
            expected: ["templates/assets/linked.css: warning[G605]: left out of the site"],
            summary: "0 errors, 1 warning", check: .clean),
        BadInput(
            name: "output: --output is a link to nowhere",
            mutate: { try $0.symlink("out", to: "nowhere") },
            options: ["--output", "$ROOT/out"],
            expected: [
                "$ROOT/out: error[G703]: the output $ROOT/out is a symbolic link (to nowhere, which does not exist)"
            ],
            summary: "1 error, 0 warnings", check: .clean, untouched: []),
    ]
}
