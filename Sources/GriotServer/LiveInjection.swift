import Foundation
import Griot

/// What serve mode adds to every HTML page it sends (never to the built files): the live-reload
/// script and, while the last rebuild failed, an overlay listing its errors above the last good page.
struct LiveInjection: Sendable {
    /// The URL of the event stream the script listens to.
    static let eventsPath = "/__griot/events"
    static let scriptPath = "/__griot/live.js"
    /// The overlay's stylesheet: a file, so the pages' Content-Security-Policy needs no inline styles.
    static let stylesheetPath = "/__griot/overlay.css"

    static let stylesheet = """
        #griot-errors{position:sticky;top:0;z-index:1000;margin:0;padding:1rem 1.5rem;background:#3b0d0c;color:#fff;\
        font:15px/1.5 ui-monospace,monospace;border-bottom:4px solid #e5484d;max-height:60vh;overflow:auto}
        #griot-errors>p{margin:0 0 .5rem;font-weight:700}
        #griot-errors ol{margin:0;padding-left:1.5rem}
        #griot-errors .hint{opacity:.8}

        """

    static let script = """
        // Griot live reload: reloads the page whenever the site is rebuilt.
        (() => {
          const events = new EventSource("\(eventsPath)");
          events.addEventListener("reload", () => location.reload());
        })();

        """

    /// The error overlay: every value escaped for HTML.
    private func overlay(for errors: [Diagnostic]) -> String {
        let escape = { (text: String) in HTMLEscaping.text(VisibleText.escapingControls(text)) }
        var box = """
            <link rel="stylesheet" href="\(Self.stylesheetPath)">
            <div id="griot-errors" role="alert">
            <p>Griot: the last rebuild failed with \(errors.count) problem(s). Below is the last good version of the page; save a fix and it reloads.</p>
            <ol>

            """
        for error in errors {
            box +=
                "<li><code>\(escape(error.place))</code>: <strong>\(escape(error.severity.rawValue))[\(error.code.id)]</strong>: "
            box += escape(error.message)
            if let hint = error.hint { box += "<br><span class=\"hint\">hint: \(escape(hint))</span>" }
            box += "</li>\n"
        }
        return box + "</ol>\n</div>\n"
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
        let box = overlay(for: errors)
        if let body = page.range(of: "<body"), let end = page[body.upperBound...].firstIndex(of: ">") {
            page.insert(contentsOf: "\n" + box, at: page.index(after: end))
        } else {
            page = box + page
        }
        return page
    }
}
