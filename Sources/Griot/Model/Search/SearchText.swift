/// How search reads text: accents and case folded away, words of two characters or more.
///
/// The browser folds queries the same way (`s.normalize("NFKD")`, marks removed, lower case, final
/// sigma as sigma, split on what is neither a letter nor a number), so "cote" finds "Côte d'Ivoire".
enum SearchText {
    /// The folded words of `text`, in order: `"Côte d'Ivoire"` → `["cote", "ivoire"]`.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with the UTF-8 bytes of each folded word of `text`, in order, without making
    /// a `String` of it; the bytes are valid only during the call.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var copy = text
        copy.withUTF8 { bytes in
            var word = FoldedWord()
            var index = 0
            let count = bytes.count
            // The text's UTF-8, read byte by byte: ASCII (nearly all of it) needs no decoding.
            while index < count {
                let byte = bytes[index]
                if byte >= 0x80 {
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                    for offset in 1..<length where index + offset < count {
                        value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                    }
                    index += length
                    if let scalar = Unicode.Scalar(value) { word.fold(scalar, body) } else { word.end(body) }
                } else if isLowercaseOrDigit(byte) {
                    var end = index + 1
                    while end < count, isLowercaseOrDigit(bytes[end]) { end += 1 }
                    if word.isEmpty, end == count || (bytes[end] < 0x80 && !isUppercase(bytes[end])) {
                        // A whole word already folded (most words): handed over where it stands.
                        if end - index >= 2 { body(UnsafeBufferPointer(rebasing: bytes[index..<end])) }
                    } else {
                        word.append(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    }
                    index = end
                } else {
                    if isUppercase(byte) { word.append(byte + 32) } else { word.end(body) }
                    index += 1
                }
            }
            word.end(body)
        }
    }

    private static func isLowercaseOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
    }

    private static func isUppercase(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }

    /// The word being read, as folded UTF-8 bytes, and its length in characters.
    private struct FoldedWord {
        private var bytes: [UInt8] = []
        private var length = 0

        init() { bytes.reserveCapacity(32) }

        var isEmpty: Bool { bytes.isEmpty }

        mutating func append(_ byte: UInt8) {
            bytes.append(byte)
            length += 1
        }

        mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
            bytes.append(contentsOf: run)
            length += run.count
        }

        /// Ends the word: hands it to `body` when it has two characters or more.
        mutating func end(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            if length >= 2 { bytes.withUnsafeBufferPointer(body) }
            bytes.removeAll(keepingCapacity: true)
            length = 0
        }

        /// Reads a non-ASCII character: its compatibility form without marks, lower-cased; or
        /// the end of the word when it is neither a letter nor a number.
        mutating func fold(_ scalar: Unicode.Scalar, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation, .spaceSeparator, .lineSeparator, .paragraphSeparator, .control:
                // Quotes, dashes and spaces: their compatibility forms hold no letter either.
                end(body)
                return
            default:
                break
            }
            for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
                switch part.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark:
                    continue
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .decimalNumber, .letterNumber, .otherNumber:
                    if part.value < 0x80 {
                        bytes.append(UInt8(isUppercase(UInt8(part.value)) ? part.value + 32 : part.value))
                    } else {
                        // Final sigma reads as sigma: lower-casing a whole word (as the browser does)
                        // and one letter at a time then agree.
                        for lower in part.properties.lowercaseMapping.unicodeScalars {
                            UTF8.encode(lower.value == 0x3C2 ? "\u{3C3}" : lower) { bytes.append($0) }
                        }
                    }
                    length += 1
                default:
                    end(body)
                }
            }
        }
    }

    /// The first `count` characters (Unicode scalars) of `word`.
    static func prefix(_ word: String, _ count: Int) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.prefix(count)))
    }

    /// A key's file name: the key when it is lowercase ASCII letters and digits, else `_` and the
    /// hex of its UTF-8 bytes (`_c3a974`).
    static func fileName(ofKey key: String) -> String {
        if key.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }) { return key }
        let hex = Array("0123456789abcdef")
        return "_" + String(key.utf8.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 15)]] })
    }
}
