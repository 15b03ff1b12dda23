/// Takes an output's text a piece at a time as it is rendered, so that an output of tens of
/// megabytes (the timeline, the exports) is never held whole: the renderer hands its text over
/// each time it has grown past `pieceSize` bytes, at the end of a list item or an array element.
final class TextSink {
    /// How large the text may grow before it is handed over.
    let pieceSize: Int
    private let receive: (String) -> Void

    /// A sink handing each piece to `take`.
    init(pieceSize: Int, take: @escaping (String) -> Void) {
        self.pieceSize = pieceSize
        receive = take
    }

    /// Hands `text` over and empties it, keeping its storage for the next piece.
    func take(_ text: inout String) {
        guard !text.isEmpty else { return }
        receive(text)
        text.removeAll(keepingCapacity: true)
    }

    /// Hands `text` over when it has grown past the piece size.
    func takeIfFull(_ text: inout String) {
        if text.utf8.count >= pieceSize { take(&text) }
    }

    /// Hands over the last piece (its storage is not kept for another).
    func takeLast(_ text: consuming String) {
        if !text.isEmpty { receive(text) }
    }

    /// The whole text of what `render` writes into a sink: for callers that want one string.
    static func collecting(_ render: (TextSink) -> Void) -> String {
        var whole = ""
        render(TextSink(pieceSize: .max) { whole += $0 })
        return whole
    }
}
