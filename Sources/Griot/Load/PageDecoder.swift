/// Turns a content file into a typed page, collecting every problem in its front matter.
struct PageDecoder {
    static let countryKeys = [
        "title", "iso", "region", "summary", "description", "relations", "topics", "events", "sources", "draft",
        "aliases", "updated",
    ]
    static let topicKeys = [
        "title", "summary", "description", "countries", "events", "sources", "draft", "aliases", "updated",
    ]
    static let plainPageKeys = ["title", "summary", "description", "menu", "sources", "draft", "aliases", "updated"]
    static let homeKeys = ["title", "summary", "description"]
    static let relationKeys = ["established", "status", "severed"]
    static let eventKeys = ["date", "until", "circa", "title", "section"]
    static let sourceKeys = ["title", "publisher", "url", "date"]

    /// Splits and decodes the front matter, then parses the body.
    /// Returns nil when an error makes the page unusable; diagnostics say why.
    static func decodePage(_ file: SourceFile, id: PageID, diagnostics: inout DiagnosticBag) -> Page? {
        guard let (fields, frontMatter) = fields(of: file, diagnostics: &diagnostics) else { return nil }
        let isCountry = id.kind == .country
        let keys: [String] =
            switch id.kind {
            case .country: countryKeys
            case .topic: topicKeys
            case .page: plainPageKeys
            }
        fields.checkKeys(
            keys, in: "a \(id.kind == .page ? "plain" : id.kind.rawValue) page's front matter",
            diagnostics: &diagnostics)
        let title = fields.string("title", required: true, diagnostics: &diagnostics)
        let summary = fields.string("summary", required: true, diagnostics: &diagnostics)
        let description = fields.string("description", diagnostics: &diagnostics)
        var region: String?
        var iso: String?
        var relation: Relation?
        if isCountry {
            region = fields.string("region", diagnostics: &diagnostics)
            iso = fields.string("iso", diagnostics: &diagnostics)
            if let code = iso, !(code.count == 2 && code.allSatisfy { $0.isASCII && $0.isUppercase }) {
                diagnostics.report(
                    .invalidISO,
                    fields.location("iso"), "'iso' must be a two-letter ISO 3166-1 code such as FR",
                    hint: "use the country's alpha-2 code in capitals, or leave 'iso' out")
            }
            relation = decodeRelation(fields, diagnostics: &diagnostics)
        }
        let isPlain = id.kind == .page
        let related =
            isPlain
            ? []
            : fields.stringList(isCountry ? "topics" : "countries", diagnostics: &diagnostics)
                .map { SlugReference(slug: $0.0, location: $0.1) }
        let events =
            isPlain
            ? []
            : fields.list("events", diagnostics: &diagnostics).compactMap {
                decodeEvent($0, origin: fields.origin, diagnostics: &diagnostics)
            }.exactSize
        let sources = fields.list("sources", diagnostics: &diagnostics).compactMap {
            decodeSource($0, origin: fields.origin, diagnostics: &diagnostics)
        }.exactSize
        let draft = fields.bool("draft", diagnostics: &diagnostics) ?? false
        if sources.isEmpty && !draft {
            diagnostics.report(
                .noSources,
                fields.location("sources"), "the page lists no sources",
                hint: "add the documents it is written from under 'sources:' (title, publisher, url)")
        }
        let body = MarkdownDocument(frontMatter.body, file: file.path, firstLine: frontMatter.bodyFirstLine)
        warnAboutPipeTables(in: body, diagnostics: &diagnostics)
        checkSections(of: events, in: body, diagnostics: &diagnostics)
        if body.isEmpty {
            diagnostics.report(
                .noBody,
                SourceLocation(file: file.path, line: frontMatter.bodyFirstLine, column: 1),
                "the page has no body text",
                hint: "write at least a paragraph below the front matter")
        }
        let menu = isPlain ? fields.string("menu", diagnostics: &diagnostics) : nil
        guard let title, let summary else { return nil }
        var page = Page(
            id: id, file: file.path, title: title, summary: summary, region: region, iso: iso, relation: relation,
            related: related, events: events, sources: sources, draft: draft, menu: menu, body: body)
        page.description = description
        if let updated = fields.date("updated", diagnostics: &diagnostics) {
            if !updated.isInterval, updated.anchorDate.precision == .day, updated.anchorDate.qualifier == nil,
                let day = updated.lowerStrict
            {
                page.updated = day.iso
            } else {
                diagnostics.report(
                    .invalidUpdated,
                    fields.location("updated"),
                    "'updated': '\(updated.text)' — the day a page was last revised is a single, exact day",
                    hint: "write it as YYYY-MM-DD: '2024-12-17'")
            }
        }
        page.aliases = fields.stringList("aliases", diagnostics: &diagnostics).compactMap { text, location in
            switch Alias.parse(text) {
            case .success(let path): return Alias(path: path, location: location)
            case .failure(let error):
                diagnostics.report(
                    .invalidAlias,
                    location, "'aliases': '\(text)' — \(error.message)",
                    hint: "write the old address as it was served, from the site's root: '/countries/ivory-coast/'")
                return nil
            }
        }
        page.sourceHash = StableHash.of(file.text)
        page.parts = Page.PartFingerprints(
            timeline: Timeline.source(of: page), relations: RelationsIndex.source(of: page),
            related: ResolveMemory.relatedSource(of: page), targets: ResolveMemory.targetSource(of: page))
        return page
    }

    /// Decodes `content/index.md`.
    static func decodeHome(_ file: SourceFile, diagnostics: inout DiagnosticBag) -> HomeText? {
        guard let (fields, frontMatter) = fields(of: file, diagnostics: &diagnostics) else { return nil }
        fields.checkKeys(homeKeys, in: "the home page's front matter", diagnostics: &diagnostics)
        guard let title = fields.string("title", required: true, diagnostics: &diagnostics) else { return nil }
        let summary = fields.string("summary", diagnostics: &diagnostics) ?? ""
        let body = MarkdownDocument(frontMatter.body, file: file.path, firstLine: frontMatter.bodyFirstLine)
        warnAboutPipeTables(in: body, diagnostics: &diagnostics)
        var home = HomeText(title: title, summary: summary, body: body)
        home.description = fields.string("description", diagnostics: &diagnostics)
        home.sourceHash = StableHash.of(file.text)
        return home
    }

    /// CommonMark has no tables: a pipe table would reach readers as a paragraph of bars.
    /// An event's `section` must be the id of a heading of its own page.
    private static func checkSections(of events: [Event], in body: MarkdownDocument, diagnostics: inout DiagnosticBag) {
        let ids = body.headings.map(\.id)
        for event in events {
            guard let section = event.section, let location = event.sectionLocation, !ids.contains(section) else {
                continue
            }
            diagnostics.report(
                .unknownSection, location, "'section': '\(section)' is not a heading of this page",
                hint: nearest(section, in: ids).map { "did you mean '\($0)'?" }
                    ?? (ids.isEmpty
                        ? "the page has no headings: add one (## …) or leave 'section' out"
                        : "its headings are: " + ids.joined(separator: ", ")))
        }
    }

    private static func warnAboutPipeTables(in body: MarkdownDocument, diagnostics: inout DiagnosticBag) {
        for location in body.pipeTables {
            diagnostics.report(
                .pipeTable,
                location, "this pipe table is not CommonMark and renders as plain text",
                hint: "write the rows as a list ('- **Name**: value') or as short paragraphs")
        }
    }

    private static func fields(of file: SourceFile, diagnostics: inout DiagnosticBag) -> (YAMLMapping, FrontMatter)? {
        let frontMatter: FrontMatter
        switch FrontMatter.split(file) {
        case .success(let split): frontMatter = split
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        let origin = YAMLOrigin(file: file.path, firstLine: frontMatter.yamlFirstLine)
        switch origin.compose(frontMatter.yaml) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let node):
            // Empty front matter is an empty mapping; required fields then report themselves.
            let node = node ?? YAMLNode.mapping([], YAMLMark(line: 1, column: 1))
            guard let fields = YAMLMapping(node, origin: origin, what: "front matter", diagnostics: &diagnostics)
            else { return nil }
            return (fields, frontMatter)
        }
    }

    private static func decodeRelation(_ fields: YAMLMapping, diagnostics: inout DiagnosticBag) -> Relation? {
        guard let node = fields.value("relations") else { return nil }
        guard let mapping = YAMLMapping(node, origin: fields.origin, what: "'relations'", diagnostics: &diagnostics)
        else { return nil }
        mapping.checkKeys(relationKeys, in: "'relations'", diagnostics: &diagnostics)
        var relation = Relation()
        relation.established = mapping.date("established", diagnostics: &diagnostics)
        relation.severed = mapping.date("severed", diagnostics: &diagnostics)
        var statusIsKnown = true
        if let status = mapping.string("status", diagnostics: &diagnostics) {
            if let known = Relation.Status(rawValue: status) {
                relation.status = known
            } else {
                statusIsKnown = false
                let names = Relation.Status.allCases.map(\.rawValue)
                diagnostics.report(
                    .unknownStatus,
                    mapping.location("status"), "unknown relations status '\(status)'",
                    hint: nearest(status, in: names).map { "did you mean '\($0)'?" }
                        ?? "use one of: \(names.joined(separator: ", "))")
            }
        }
        if relation.status == .severed && relation.severed == nil && mapping.value("severed") == nil {
            diagnostics.report(
                .severedWithoutDate,
                mapping.location("status"), "status is 'severed' but no 'severed' date is given",
                hint: "add 'severed: \"YYYY-MM-DD\"' under 'relations'")
        }
        if statusIsKnown, relation.status != .severed, mapping.value("severed") != nil {
            diagnostics.report(
                .severedDateWithoutStatus,
                mapping.location("severed"), "a 'severed' date is given but status is '\(relation.status.rawValue)'",
                hint: "set 'status: severed', or remove the 'severed' date")
        }
        if let established = relation.established, let severed = relation.severed, !severed.isNotBefore(established) {
            diagnostics.report(
                .severedBeforeEstablished,
                mapping.location("severed"),
                "relations are severed (\(severed)) before they were established (\(established))",
                hint: "check both dates")
        }
        return relation
    }

    private static func decodeEvent(_ node: YAMLNode, origin: YAMLOrigin, diagnostics: inout DiagnosticBag) -> Event? {
        guard let fields = YAMLMapping(node, origin: origin, what: "an event", diagnostics: &diagnostics) else {
            return nil
        }
        fields.checkKeys(eventKeys, in: "an event", diagnostics: &diagnostics)
        let dateText = fields.string("date", required: true, diagnostics: &diagnostics)
        let untilText = fields.string("until", diagnostics: &diagnostics)
        let circa = fields.bool("circa", diagnostics: &diagnostics) ?? false
        let title = fields.string("title", required: true, diagnostics: &diagnostics)
        let section = fields.string("section", diagnostics: &diagnostics)
        guard let dateText else { return nil }
        let date: EDTFDate
        do {
            date = try EDTFDate(date: dateText, until: untilText, circa: circa)
        } catch {
            diagnostics.error(dateError: error, key: "date", in: fields)
            return nil
        }
        guard let title else { return nil }
        return Event(
            date: date, title: title, location: origin.location(node), section: section,
            sectionLocation: section.map { _ in fields.location("section") })
    }

    private static func decodeSource(_ node: YAMLNode, origin: YAMLOrigin, diagnostics: inout DiagnosticBag) -> Source?
    {
        guard let fields = YAMLMapping(node, origin: origin, what: "a source", diagnostics: &diagnostics) else {
            return nil
        }
        fields.checkKeys(sourceKeys, in: "a source", diagnostics: &diagnostics)
        let title = fields.string("title", required: true, diagnostics: &diagnostics)
        let publisher = fields.string("publisher", diagnostics: &diagnostics)
        let url = fields.string("url", diagnostics: &diagnostics)
        if let url, !(url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://")) {
            diagnostics.report(
                .invalidSourceURL,
                fields.location("url"), "a source's url must be an http or https address, not '\(url)'",
                hint: "write the full address starting with https://, or leave 'url' out when it is not known")
        }
        let date = fields.date("date", diagnostics: &diagnostics)
        guard let title else { return nil }
        return Source(title: title, publisher: publisher, url: url, date: date)
    }
}
