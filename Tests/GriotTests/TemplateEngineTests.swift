import Testing

@testable import Griot

/// The Mustache engine on its own: the specification's rules that the site's templates rely on.
@Suite("Template engine")
struct TemplateEngineTests {
    /// A view model made of a dictionary, for tests.
    struct Object: TemplateObject {
        var fields: [String: TemplateValue]
        func value(named key: String) -> TemplateValue { fields[key] ?? .missing }
    }

    static func render(_ template: String, partials: [String: String] = [:], _ fields: [String: TemplateValue])
        throws -> String
    {
        var templates = ["main": try TemplateParser(template).parse().nodes]
        for (name, text) in partials { templates[name] = try TemplateParser(text).parse().nodes }
        return TemplateRenderer(templates: templates).render("main", with: .object(Object(fields: fields)))
    }

    static func item(_ name: String) -> TemplateValue { .object(Object(fields: ["name": .text(name)])) }

    @Test(
        "the specification's cases",
        arguments: [
            ("Hello, {{name}}!", "Hello, &lt;b&gt;&amp;&#39;&quot;!", "escaped"),
            ("{{{name}}} {{&name}}", "<b>&'\" <b>&'\"", "raw"),
            ("{{#items}}{{name}},{{/items}}", "a,b,", "list"),
            ("{{^none}}empty{{/none}}{{^items}}x{{/items}}", "empty", "inverted"),
            ("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}", "Y", "flags"),
            ("{{#site}}{{site.root}}{{root}}{{/site}}", "/a//a/", "dotted names"),
            ("{{#items}}{{.}}{{/items}}", "", "an object shows nothing"),
            ("{{#items}}{{title}}{{/items}}", "TT", "lookup climbs the stack"),
            ("a\n  {{#yes}}\nb\n  {{/yes}}\nc\n", "a\nb\nc\n", "standalone lines vanish"),
            ("a {{#yes}}b{{/yes}} c\n", "a b c\n", "inline tags keep their spaces"),
            ("{{! a comment }}x\n{{! alone }}\ny", "x\ny", "comments"),
            ("{{=<% %>=}}<% name %>|<%={{ }}=%>{{count}}", "&lt;b&gt;&amp;&#39;&quot;|3", "set delimiters"),
            ("{{count}} {{yes}}", "3 true", "numbers and flags"),
            ("x\r\n{{#yes}}\r\ny\r\n{{/yes}}\r\n", "x\r\ny\r\n", "CRLF standalone lines"),
        ])
    func cases(template: String, expected: String, name: String) throws {
        let fields: [String: TemplateValue] = [
            "name": .text("<b>&'\""), "items": .list([Self.item("a"), Self.item("b")]), "none": .list([]),
            "yes": .flag(true), "no": .flag(false), "count": .number(3), "title": .text("T"),
            "site": .object(Object(fields: ["root": .text("/a/")])),
        ]
        #expect(try Self.render(template, fields) == expected, "\(name)")
    }

    @Test("a standalone partial indents every line of its template, not its values")
    func partialIndentation() throws {
        let output = try Self.render(
            "<ul>\n  {{> item}}\n</ul>\n", partials: ["item": "<li>\n{{text}}\n</li>\n"], ["text": .text("a\nb")])
        #expect(output == "<ul>\n  <li>\n  a\nb\n  </li>\n</ul>\n")
    }

    @Test("a child replaces its parent's blocks; a block not replaced keeps its default")
    func inheritance() throws {
        let partials = ["base": "<title>{{$title}}Default{{/title}}</title>\n{{$body}}{{/body}}\n"]
        let output = try Self.render(
            "{{<base}}\n{{$body}}\n<p>{{name}}</p>\n{{/body}}\nignored\n{{/base}}\n", partials: partials,
            ["name": .text("x")])
        #expect(output == "<title>Default</title>\n<p>x</p>\n\n")
    }

    @Test(
        "syntax errors name their line and column",
        arguments: [
            ("a\n<h1>{{title}</h1>", 2, 12, "a tag is not finished (missing '}}'?)"),
            ("{{#a}}\n{{/b}}", 2, 4, "a closing tag does not match the section it closes"),
            ("x {{#a}} y", 1, 6, "a section is never closed"),
            ("{{/a}}", 1, 4, "a closing tag 'a' has no section to close"),
            ("{{=<% =}}", 1, 1, "a set-delimiter tag is malformed"),
        ])
    func errors(template: String, line: Int, column: Int, reason: String) {
        #expect(throws: TemplateSyntaxError(line: line, column: column, reason: reason)) {
            try TemplateParser(template).parse()
        }
    }

    @Test("every partial and parent a template names is reported with its position")
    func references() throws {
        let references = try TemplateParser("a\n  {{> one}}\n{{<two}}{{/two}}").parse().references
        #expect(
            references == [
                TemplateReference(name: "one", line: 2, column: 3), TemplateReference(name: "two", line: 3, column: 1),
            ])
    }
}
