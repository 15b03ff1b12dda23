/// The JSON Schema (draft 2020-12) of an export, published beside it: `relations.schema.json`,
/// `timeline.schema.json`, `pages.schema.json`.
struct ExportSchemaOutput: SiteOutput {
    let name: String
    let schema: String

    var path: String { "\(name).schema.json" }

    func inputs(in site: Site) -> Set<SiteInput> { [] }

    func render(_ reader: SiteReader) -> String { schema }

    static let all = [
        ExportSchemaOutput(name: "relations", schema: relations),
        ExportSchemaOutput(name: "timeline", schema: timeline),
        ExportSchemaOutput(name: "pages", schema: pages),
    ]

    /// An EDTF date with its strict ISO bounds (`EDTFExport`).
    private static let date = """
        {
              "type": "object",
              "required": ["edtf"],
              "additionalProperties": false,
              "properties": {
                "edtf": {"type": "string", "description": "The date in the Extended Date/Time Format (ISO 8601-2): 1963-07, 1591~/1737, 196X."},
                "lower": {"type": "string", "pattern": "^[+-]?\\\\d{4,}-\\\\d{2}-\\\\d{2}$", "description": "The first day the date can mean; absent when its start is open or unknown."},
                "upper": {"type": "string", "pattern": "^[+-]?\\\\d{4,}-\\\\d{2}-\\\\d{2}$", "description": "The last day the date can mean; absent when its end is open or unknown."}
              }
            }
        """

    static let relations = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Bilateral relations",
          "type": "object",
          "required": ["countries"],
          "additionalProperties": false,
          "properties": {
            "countries": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["country", "slug", "url", "status"],
                "additionalProperties": false,
                "properties": {
                  "country": {"type": "string"},
                  "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                  "url": {"type": "string"},
                  "region": {"type": "string"},
                  "iso": {"type": "string", "pattern": "^[A-Z]{2}$"},
                  "established": \(date),
                  "severed": \(date),
                  "status": {"enum": ["active", "severed", "suspended"]}
                }
              }
            }
          }
        }

        """

    static let timeline = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Timeline",
          "type": "object",
          "required": ["entries"],
          "additionalProperties": false,
          "properties": {
            "entries": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["date", "display", "title", "kind", "page", "url"],
                "additionalProperties": false,
                "properties": {
                  "date": \(date),
                  "display": {"type": "string"},
                  "title": {"type": "string"},
                  "kind": {"enum": ["event", "relations-established", "relations-severed"]},
                  "page": {"type": "string", "pattern": "^(countries|topics|pages)/[a-z0-9-]+$"},
                  "url": {"type": "string"}
                }
              }
            }
          }
        }

        """

    static let pages = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Pages",
          "type": "object",
          "required": ["pages"],
          "additionalProperties": false,
          "properties": {
            "pages": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["title", "kind", "slug", "url", "summary", "sources"],
                "additionalProperties": false,
                "properties": {
                  "title": {"type": "string"},
                  "kind": {"enum": ["country", "topic", "page"]},
                  "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                  "url": {"type": "string"},
                  "summary": {"type": "string"},
                  "region": {"type": "string"},
                  "iso": {"type": "string", "pattern": "^[A-Z]{2}$"},
                  "topics": {"type": "array", "items": {"type": "string"}},
                  "countries": {"type": "array", "items": {"type": "string"}},
                  "sources": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["title"],
                      "additionalProperties": false,
                      "properties": {
                        "title": {"type": "string"},
                        "publisher": {"type": "string"},
                        "url": {"type": "string"},
                        "date": \(date)
                      }
                    }
                  }
                }
              }
            }
          }
        }

        """
}
