/// Takes an output's text a piece at a time as it is rendered, so that an output of tens of
/// megabytes (the timeline, the exports) is never held whole: the renderer hands its text over
/// each time it has grown past `pieceSize` bytes, at the end of a list item or an array element.
final class TextSink {
    /// How large the text may grow before it is handed over.
    let pieceSize: Int
    private let receive: (UnsafeRawBufferPointer) -> Void

    /// A sink handing each piece, as UTF-8 bytes, to `take`.
    init(pieceSize: Int, take: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.pieceSize = pieceSize
        receive = take
    }

    /// Hands `text` over and empties it, keeping its storage for the next piece.
    func take(_ text: inout String) {
        guard !text.isEmpty else { return }
        text.withUTF8 { receive(UnsafeRawBufferPointer($0)) }
        text.removeAll(keepingCapacity: true)
    }

    /// Hands `bytes` (UTF-8) over and empties them, keeping their storage for the next piece.
    func take(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(receive)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Hands `text` over when it has grown past the piece size.
    func takeIfFull(_ text: inout String) {
        if text.utf8.count >= pieceSize { take(&text) }
    }

    /// Hands `bytes` over when they have grown past the piece size.
    func takeIfFull(_ bytes: inout [UInt8]) {
        if bytes.count >= pieceSize { take(&bytes) }
    }

    /// Hands over the last piece (its storage is not kept for another).
    func takeLast(_ text: consuming String) {
        take(&text)
    }

    /// Hands over the last piece of bytes.
    func takeLast(_ bytes: consuming [UInt8]) {
        take(&bytes)
    }

    /// The whole text of what `render` writes into a sink: for callers that want one string.
    static func collecting(_ render: (TextSink) -> Void) -> String {
        var whole: [UInt8] = []
        render(TextSink(pieceSize: .max) { whole.append(contentsOf: $0) })
        return String(decoding: whole, as: UTF8.self)
    }
}
