/// The description search engines and link previews show: the page's own words, cut at a word
/// boundary so that it never runs past what they display.
enum MetaDescription {
    /// What search engines show of a description, in characters.
    static let limit = 160

    /// `text` with its whitespace collapsed; when longer than `limit` characters, cut after the
    /// last whole word that fits with a closing `…`, dropping punctuation left dangling.
    static func cut(_ text: String, limit: Int = limit) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        let whole = words.joined(separator: " ")
        guard whole.count > limit else { return whole }
        var kept = ""
        for word in words {
            let next = kept.isEmpty ? String(word) : kept + " " + word
            // One character is kept for the ellipsis.
            guard next.count <= limit - 1 else { break }
            kept = next
        }
        if kept.isEmpty { kept = String(whole.prefix(limit - 1)) }
        while let last = kept.last, ",;:–—-(".contains(last) || last == " " { kept.removeLast() }
        return kept + "…"
    }
}
