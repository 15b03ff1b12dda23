import Foundation
import Griot
import Mustache

/// What serve mode adds to every HTML page it sends (never to the built files): the live-reload
/// script and, while the last rebuild failed, an overlay listing its errors above the last good page.
struct LiveInjection: Sendable {
    /// The URL of the event stream the script listens to.
    static let eventsPath = "/__griot/events"
    static let scriptPath = "/__griot/live.js"

    static let script = """
        // Griot live reload: reloads the page whenever the site is rebuilt.
        (() => {
          const events = new EventSource("\(eventsPath)");
          events.addEventListener("reload", () => location.reload());
        })();

        """

    private struct DiagnosticView {
        var place: String
        var severity: String
        var message: String
        var hint: String?
    }

    private struct OverlayView {
        var count: Int
        var diagnostics: [DiagnosticView]
    }

    private let overlay: MustacheTemplate

    init() {
        // The template is a constant, checked by the tests; values are escaped by Mustache.
        overlay = try! MustacheTemplate(
            string: """
                <div id="griot-errors" role="alert" style="position:sticky;top:0;z-index:1000;margin:0;padding:1rem 1.5rem;background:#3b0d0c;color:#fff;font:15px/1.5 ui-monospace,monospace;border-bottom:4px solid #e5484d;max-height:60vh;overflow:auto">
                <p style="margin:0 0 .5rem;font-weight:700">Griot: the last rebuild failed with {{count}} problem(s). Below is the last good version of the page; save a fix and it reloads.</p>
                <ol style="margin:0;padding-left:1.5rem">
                {{#diagnostics}}
                <li><code>{{place}}</code>: <strong>{{severity}}</strong>: {{message}}{{#hint}}<br><span style="opacity:.8">hint: {{.}}</span>{{/hint}}</li>
                {{/diagnostics}}
                </ol>
                </div>
                """)
    }

    /// `html` with the script before `</body>` and, when `errors` is not empty, the overlay after `<body>`.
    func inject(into html: String, errors: [Diagnostic]) -> String {
        var page = html
        let tag = "<script src=\"\(Self.scriptPath)\" defer></script>\n"
        if let close = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: tag, at: close.lowerBound)
        } else {
            page += tag
        }
        guard !errors.isEmpty else { return page }
        let view = OverlayView(
            count: errors.count,
            diagnostics: errors.map {
                DiagnosticView(place: $0.place, severity: $0.severity.rawValue, message: $0.message, hint: $0.hint)
            })
        let box = overlay.render(view)
        if let body = page.range(of: "<body"), let end = page[body.upperBound...].firstIndex(of: ">") {
            page.insert(contentsOf: "\n" + box, at: page.index(after: end))
        } else {
            page = box + page
        }
        return page
    }
}
