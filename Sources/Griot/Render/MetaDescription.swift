/// The description search engines and link previews show: the page's own words, cut at a word
/// boundary so that it never runs past what they display.
enum MetaDescription {
    /// What search engines show of a description, in characters.
    static let limit = 160

    /// `text` with its whitespace collapsed; when longer than `limit` characters, cut after the
    /// last whole word that fits with a closing `…`, dropping punctuation left dangling.
    static func cut(_ text: String, limit: Int = limit) -> String {
        var text = text
        if let cut = text.withUTF8({ cutASCII($0, limit: limit) }) { return cut }
        return cutCharacters(text, limit: limit)
    }

    /// `cut` for text that is all ASCII, where a byte is a character: nil for any other text.
    private static func cutASCII(_ text: UnsafeBufferPointer<UInt8>, limit: Int) -> String? {
        var whole: [UInt8] = []
        whole.reserveCapacity(min(text.count, limit + 64))
        var wordEnds: [Int] = []
        var inWord = false
        for byte in text {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                if inWord { wordEnds.append(whole.count) }
                inWord = false
                continue
            }
            if !inWord && !whole.isEmpty { whole.append(0x20) }
            inWord = true
            whole.append(byte)
        }
        if inWord { wordEnds.append(whole.count) }
        guard whole.count > limit else { return String(decoding: whole, as: UTF8.self) }
        // One character is kept for the ellipsis.
        var end = wordEnds.last { $0 <= limit - 1 } ?? (limit - 1)
        while end > 0, ",;:-( ".utf8.contains(whole[end - 1]) { end -= 1 }
        return String(decoding: whole[..<end], as: UTF8.self) + "…"
    }

    private static func cutCharacters(_ text: String, limit: Int) -> String {
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
