import Foundation
import Testing

@testable import Griot

/// The data exports: every record present, each JSON export valid against the schema published
/// beside it, the CSV readable as RFC 4180, addresses under the base path.
@Suite("Data exports")
struct ExportTests {
    static func json(_ site: FixtureSite, _ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appendingPathComponent(name)))
    }

    /// Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append(characters.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\r" && characters.first == "\n" {
                characters.removeFirst()
                row.append(field)
                rows.append(row)
                (row, field) = ([], "")
            } else {
                field.unicodeScalars.append(character)
            }
        }
        return rows
    }

    @Test("each JSON export conforms to the schema published beside it", arguments: ["relations", "timeline", "pages"])
    func schemas(name: String) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let schema = try #require(try Self.json(site, "\(name).schema.json") as? [String: Any])
        let export = try Self.json(site, "\(name).json")
        let violations = JSONSchemaCheck.violations(of: export, against: schema)
        #expect(violations.isEmpty, "\(violations.prefix(5))")
        // The checker itself rejects what breaks the schema.
        #expect(!JSONSchemaCheck.violations(of: ["unexpected": 1], against: schema).isEmpty)
    }

    @Test("each JSON export holds a record a line: every line inside its arrays is one whole record")
    func recordALine() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        for name in ["relations.json", "timeline.json", "timelinejs.json", "pages.json"] {
            let whole = try #require(try Self.json(site, name) as? [String: Any])
            let text = try String(contentsOf: site.output.appendingPathComponent(name), encoding: .utf8)
            // The top object's fields each open a line; so does each element of their arrays and
            // objects (timelinejs.json's title), whole on its line.
            let records = text.split(separator: "\n").filter { $0.hasPrefix("    ") }
            let expected = whole.values.reduce(0) { $0 + (($1 as? [Any])?.count ?? ($1 as? [String: Any])?.count ?? 0) }
            #expect(records.count == expected, "\(name)")
            for line in records {
                let record = line.dropFirst(4).hasSuffix(",") ? line.dropFirst(4).dropLast() : line.dropFirst(4)
                let parsed = ["\(record)", "{\(record)}"].contains {
                    (try? JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed)) != nil
                }
                #expect(parsed, "\(name): \(line.prefix(80))")
            }
        }
    }

    @Test("relations.json and relations.csv hold every country with its dates in EDTF and as ISO bounds")
    func relations() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write(
            "content/countries/epsilon.md",
            "---\ntitle: \"Epsilon, \\\"the Quoted\\\"\"\nsummary: S.\nrelations:\n  established: \"1960~/1962\"\n  status: severed\n  severed: \"2024-08\"\nsources:\n  - title: N\n---\nText.\n"
        )
        #expect(site.build().succeeded)
        let object = try #require(try Self.json(site, "relations.json") as? [String: Any])
        let countries = try #require(object["countries"] as? [[String: Any]])
        #expect(countries.map { $0["slug"] as? String } == ["alpha", "beta", "epsilon", "gamma"])
        let alpha = try #require(countries.first)
        #expect(alpha["url"] as? String == "https://example.org/atlas/countries/alpha/")
        #expect(alpha["iso"] as? String == "AL")
        #expect(
            alpha["established"] as? [String: String]
                == ["edtf": "1960-08-20", "lower": "1960-08-20", "upper": "1960-08-20"])

        let rows = Self.parseCSV(try site.read("public/relations.csv"))
        #expect(rows.first?.count == 12)
        #expect(rows.count == countries.count + 1, "a header row, then one row a country")
        let epsilon = try #require(rows.first { $0[1] == "epsilon" })
        #expect(epsilon[0] == "Epsilon, \"the Quoted\"", "commas and quotes survive the round trip")
        #expect(
            Array(epsilon[5...]) == [
                "1960~/1962", "1960-01-01", "1962-12-31", "2024-08", "2024-08-01", "2024-08-31", "severed",
            ])
        #expect(try site.read("public/relations.csv").hasSuffix("\r\n"))
    }

    @Test("timeline.json follows the timeline; timelinejs.json is TimelineJS3's format, with periods as eras")
    func timelines() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build(baseURL: "/atlas/").succeeded)
        let built = try #require(site.build(baseURL: "/atlas/").site)
        let entries = try #require(
            (try Self.json(site, "timeline.json") as? [String: Any])?["entries"] as? [[String: Any]])
        #expect(entries.count == built.timeline.entries.count)
        #expect(entries.map { $0["title"] as? String } == built.timeline.entries.map(\.title))
        #expect(
            entries.allSatisfy { ($0["url"] as? String)?.hasPrefix("/atlas/") == true }, "a relative base path is kept")

        let document = try #require(try Self.json(site, "timelinejs.json") as? [String: Any])
        let events = try #require(document["events"] as? [[String: Any]])
        #expect(events.count == entries.count)
        for event in events {
            let start = try #require(event["start_date"] as? [String: Any])
            #expect(start["year"] is Int)
            #expect(((event["text"] as? [String: Any])?["headline"] as? String)?.isEmpty == false)
        }
        let kingdom = try #require(
            events.first { ($0["text"] as? [String: Any])?["headline"] as? String == "The old kingdom rules Alpha" })
        #expect((kingdom["start_date"] as? [String: Any])?["year"] as? Int == 1591)
        #expect((kingdom["end_date"] as? [String: Any])?["year"] as? Int == 1737)
        #expect((kingdom["start_date"] as? [String: Any])?["display_date"] as? String == "c. 1591 – 1737")
        let eras = try #require(document["eras"] as? [[String: Any]])
        #expect(eras.count == built.timeline.periods.count)
        #expect(eras.allSatisfy { $0["start_date"] != nil && $0["end_date"] != nil })
    }

    @Test("any text and number survive a round trip through the exports' JSON writer", arguments: 0..<100)
    func writerRoundTrip(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        let pieces = ["a", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1B}", "\u{1F}", "é", "𝄞", "/", "</script>", " "]
        let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            .joined()
        let numbers =
            [0, -1, Int.max, Int.min] + (0..<5).map { _ in Int.random(in: -99_999...99_999, using: &generator) }
        let json = JSONWriter.document { writer in
            writer.object {
                $0.field("text", text)
                $0.field("list") { $0.array([text, ""]) { $0.string($1) } }
                $0.field("empty") { $0.object { _ in } }
                $0.field("numbers") { $0.array(numbers) { $0.number($1) } }
            }
        }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(parsed["text"] as? String == text)
        #expect(parsed["list"] as? [String] == [text, ""])
        #expect((parsed["empty"] as? [String: Any])?.isEmpty == true)
        #expect((parsed["numbers"] as? [NSNumber])?.map(\.int64Value) == numbers.map(Int64.init))
    }
}
