/// A page's old address: a small page that sends readers there at once (a meta refresh) and
/// tells search engines where the page now lives (its canonical link).
struct AliasOutput: SiteOutput {
    let alias: Alias
    let target: PageID

    var path: String { alias.file }

    func inputs(in site: Site) -> Set<SiteInput> { [.config, .page(target, .title)] }

    func render(_ reader: SiteReader) -> String {
        let config = reader.config
        let title = HTMLEscaping.text(reader.title(of: target) ?? target.slug)
        let local = HTMLEscaping.href(config.basePath + target.path)
        let canonical = config.absoluteURL(of: target.path).map {
            "<link rel=\"canonical\" href=\"\(HTMLEscaping.href($0))\">\n"
        }
        return """
            <!doctype html>
            <html lang="\(HTMLEscaping.text(config.language))">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <meta name="robots" content="noindex">
            \(canonical ?? "")<meta http-equiv="refresh" content="0; url=\(local)">
            </head>
            <body>
            <p>This page has moved to <a href="\(local)">\(title)</a>.</p>
            </body>
            </html>

            """
    }
}
